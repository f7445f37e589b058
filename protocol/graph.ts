/**
 * The topology as a graph: the contract between the language service, which builds it, and whatever
 * draws it (the preview's page, `diagram/`, the extension) and `ppnet graph --format json`, which
 * prints it. Types only, so that the page and `diagram/` depend on this file and not on the service.
 */
import type { Range } from 'vscode-languageserver-types';

/** The kinds of entities a topology file defines, each in its own section. */
export type EntityKind = 'environment' | 'site' | 'circuit' | 'gateway' | 'connector' | 'desktopFlow' | 'azureService' | 'enterprisePolicy';

/** How bad a finding is, as the rules and the configuration name it. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** How a flow crosses from one network to another. */
export type RouteKind = 'expressroute' | 'internet' | 'microsoft-backbone' | 'virtual-network' | 'no-route' | 'unknown';

/** What a flow is: people using an environment, canvas apps' static content, a connector's calls, a desktop flow's relay, an Azure service. */
export type FlowKind = 'users' | 'static-content' | 'connector' | 'desktop-flow' | 'azure-service';

/** `group`: a whole group drawn as one node (the overview, `diagram/views.ts`); buildGraph makes none. */
export type NodeKind = EntityKind | 'datacenters' | 'internet' | 'cdn' | 'service-bus' | 'relay' | 'service' | 'group';

/** Where nodes are: an on-premises site, a Power Platform region, the Microsoft edge, the internet, Microsoft's cloud. */
export type GroupKind = 'site' | 'region' | 'edge' | 'internet' | 'cloud' | 'azure';

/** The class of an edge: the route of its flows, or `attachment` for a circuit drawn at its site. */
export type EdgeClass = RouteKind | 'attachment';

export interface NodeDiagnostic {
  severity: Severity;
  code: string;
  message: string;
}

/** One way an entity differs from what is deployed: the drift rule's code and its message. */
export interface NodeDrift {
  code: string;
  message: string;
}

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** Small text above the label: what the node is ("Gateway", "Environment · contoso-prod"). */
  caption: string;
  label: string;
  detail?: string;
  group?: string;
  /** The entity's YAML, key and value (entities only). */
  range?: Range;
  /** The entity's id key. */
  selectionRange?: Range;
  /** The worst severity among `diagnostics`. */
  severity?: Severity;
  diagnostics: NodeDiagnostic[];
  /**
   * How the entity differs from what is deployed (the drift rules' findings among `diagnostics`), when
   * the editor compares the design with a `deployed:` folder; absent otherwise.
   */
  drift?: NodeDrift[];
  /** A collapsed group (kind `group`, id the group's): its kind and the nodes it stands for. */
  collapsed?: { kind: GroupKind; members: string[] };
}

export interface GraphGroup {
  id: string;
  kind: GroupKind;
  label: string;
  detail?: string;
}

export interface GraphEdge {
  id: string;
  /** A node id, or a group id for flows that start at a whole region. */
  from: string;
  to: string;
  route: EdgeClass;
  /** The flows that pass this stretch. */
  flows: string[];
  /** A bundle of the overview: how many edges of the full graph it stands for. */
  count?: number;
}

export interface GraphFlow {
  id: string;
  kind: FlowKind;
  route: RouteKind;
  from: string;
  fromLabel: string;
  to: string;
  toLabel: string;
  circuit?: string;
  reason: string;
  source: string;
  /** The node of the entity whose YAML the flow comes from. */
  subject: string;
  /** The route the file expects (`via`), when it names one. */
  expected?: RouteKind;
  /** The node of the environment the flow serves, when the file defines it (Azure-service flows serve a whole region). */
  environment?: string;
  edges: string[];
}

export interface Graph {
  title: string;
  nodes: GraphNode[];
  groups: GraphGroup[];
  edges: GraphEdge[];
  flows: GraphFlow[];
  /** Diagnostics of the whole file by severity. */
  counts: Record<Severity, number>;
}

