/**
 * The words ppnet uses for what it checks and draws: the kinds of entities, the other nodes and the
 * groups of the graph, routes and flows. Data only, in one place, read by the language service
 * (messages, hovers, the graph's captions), `diagram/` (legend, views, overview, route matrix) and the
 * preview page. A new kind gets its words here; the compiler then names every table that lacks it.
 */
import type { EdgeClass, EntityKind, FlowKind, GroupKind, NodeKind, RouteKind } from './graph';

/** How a kind of node is named. */
export interface NodeWords {
  /** Above a node's label: what the node is ("Data gateway"). */
  caption: string;
  /** Counted in a collapsed group's detail: one, several ("1 gateway · 3 connectors"). */
  counted: readonly [string, string];
}

export interface EntityWords extends NodeWords {
  /** In a sentence, before the id ("desktop flow bot", "Azure service orders-db"). */
  noun: string;
  /** On its own, as a heading (a row or a column of the route matrix). */
  title: string;
}

export const ENTITY_WORDS: Readonly<Record<EntityKind, EntityWords>> = {
  environment: { noun: 'environment', title: 'Environment', caption: 'Environment', counted: ['environment', 'environments'] },
  site: { noun: 'site', title: 'Site', caption: 'Site network', counted: ['site network', 'site networks'] },
  circuit: { noun: 'circuit', title: 'Circuit', caption: 'ExpressRoute circuit', counted: ['circuit', 'circuits'] },
  gateway: { noun: 'gateway', title: 'Data gateway', caption: 'Data gateway', counted: ['gateway', 'gateways'] },
  connector: { noun: 'connector', title: 'Connector', caption: 'Connector', counted: ['connector', 'connectors'] },
  desktopFlow: { noun: 'desktop flow', title: 'Desktop flow', caption: 'Desktop flow', counted: ['desktop flow', 'desktop flows'] },
  azureService: { noun: 'Azure service', title: 'Azure service', caption: 'Azure service', counted: ['Azure service', 'Azure services'] },
  enterprisePolicy: {
    noun: 'enterprise policy',
    title: 'Enterprise policy',
    caption: 'Enterprise policy · delegated subnets',
    counted: ['enterprise policy', 'enterprise policies'],
  },
};

/** Pieces of Microsoft's or the internet's infrastructure that flows pass. */
export type InfrastructureKind = 'internet' | 'cdn' | 'service-bus' | 'relay';

export interface InfrastructureWords extends NodeWords {
  label: string;
  detail: string;
}

export const INFRASTRUCTURE_WORDS: Readonly<Record<InfrastructureKind, InfrastructureWords>> = {
  internet: { caption: 'Public internet', label: 'Internet', detail: 'your internet edge', counted: ['internet edge', 'internet edges'] },
  cdn: { caption: 'Content delivery network', label: 'CDN', detail: 'static content of canvas apps', counted: ['CDN', 'CDNs'] },
  'service-bus': { caption: 'Azure Service Bus', label: 'Gateway relay', detail: 'connects the data gateways', counted: ['relay', 'relays'] },
  relay: { caption: 'Azure Relay', label: 'Desktop flow relay', detail: 'connects the desktop-flow machines', counted: ['relay', 'relays'] },
};

/** Every kind of node: the entities, the infrastructure, a region's datacenters, a service outside Microsoft, a collapsed group. */
export const NODE_WORDS: Readonly<Record<NodeKind, NodeWords>> = {
  ...ENTITY_WORDS,
  ...INFRASTRUCTURE_WORDS,
  datacenters: { caption: 'Datacenter pair', counted: ['datacenter pair', 'datacenter pairs'] },
  service: { caption: 'Third-party service', counted: ['service', 'services'] },
  group: { caption: 'Group', counted: ['group', 'groups'] },
};

/** A region's datacenters when the region runs in one Azure region only. */
export const ONE_DATACENTER_CAPTION = 'Datacenter region';

/** A service outside Microsoft as a column of the route matrix. */
export const OUTSIDE_SERVICE_TITLE = 'Outside service';

export interface GroupWords {
  /** What the group is: a collapsed group's caption, the detail of a site's or region's group, else its label. */
  caption: string;
  /** A few more words under the label. */
  detail?: string;
  /** The caption of a cluster of such groups in the overview. */
  cluster: string;
  /** Counted in a cluster's detail: one, several. */
  counted: readonly [string, string];
}

export const GROUP_WORDS: Readonly<Record<GroupKind, GroupWords>> = {
  site: { caption: 'On-premises site', cluster: 'On-premises sites', counted: ['site', 'sites'] },
  region: { caption: 'Power Platform region', cluster: 'Power Platform regions', counted: ['Power Platform region', 'Power Platform regions'] },
  edge: { caption: 'Microsoft edge', detail: 'ExpressRoute, Microsoft peering', cluster: 'Microsoft edges', counted: ['Microsoft edge', 'Microsoft edges'] },
  internet: { caption: 'Public internet', cluster: 'Public internet', counted: ['internet group', 'internet groups'] },
  cloud: { caption: 'Microsoft cloud', detail: 'relays for gateways and desktop flows', cluster: 'Microsoft clouds', counted: ['Microsoft cloud', 'Microsoft clouds'] },
  azure: { caption: 'Azure', detail: 'services the environments use', cluster: 'Azure', counted: ['Azure group', 'Azure groups'] },
};

export interface EdgeWords {
  /** The legend's and the flows table's words. */
  label: string;
  /** What it means, under the legend's words. */
  description: string;
}

export interface RouteWords extends EdgeWords {
  /** In a sentence ("takes the public internet"). */
  sentence: string;
  /** A cell of the route matrix. */
  short: string;
  /** Shorter still, joined with others in a cell whose flows take several routes. */
  abbreviation: string;
}

export const ROUTE_WORDS: Readonly<Record<RouteKind, RouteWords>> = {
  expressroute: { label: 'ExpressRoute', description: 'Microsoft peering over your circuit', sentence: 'ExpressRoute', short: 'ExpressRoute', abbreviation: 'ER' },
  internet: { label: 'Public internet', description: 'leaves through your internet edge', sentence: 'the public internet', short: 'Internet', abbreviation: 'Internet' },
  'microsoft-backbone': {
    label: 'Microsoft backbone',
    description: "stays inside Microsoft's network",
    sentence: "Microsoft's backbone",
    short: 'Backbone',
    abbreviation: 'Backbone',
  },
  'virtual-network': {
    label: 'Virtual network',
    description: 'from a delegated subnet, over private peering or a private endpoint',
    sentence: 'your virtual network (a delegated subnet)',
    short: 'Virtual network',
    abbreviation: 'VNet',
  },
  'no-route': { label: 'No route', description: 'the traffic cannot get through', sentence: 'no route', short: 'No route', abbreviation: 'No route' },
  unknown: { label: 'Unknown route', description: 'the file or the catalog does not tell', sentence: 'an unknown route', short: 'Unknown', abbreviation: 'Unknown' },
};

/** Every class of edge: the routes, and a circuit drawn at its site. */
export const EDGE_WORDS: Readonly<Record<EdgeClass, EdgeWords>> = {
  ...ROUTE_WORDS,
  attachment: { label: 'Circuit at its site', description: 'carries none of the flows drawn' },
};

export const FLOW_WORDS: Readonly<Record<FlowKind, { label: string }>> = {
  users: { label: 'Users' },
  'static-content': { label: 'Canvas static content' },
  connector: { label: 'Connector' },
  'desktop-flow': { label: 'Desktop flow' },
  'azure-service': { label: 'Azure service' },
};
