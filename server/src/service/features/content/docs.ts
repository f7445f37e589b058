/**
 * What hover and completion explain, as data: the concepts behind each key and the meaning of each
 * enumerated value, in our own words, each concept with the Microsoft pages it comes from.
 */
import { SourceKey, sourceUrl } from '../../catalog/catalog';
import { lookupTable, lookupTables } from '../../syntax/lookupTable';
import { deref, propertySchema, TOPOLOGY_SCHEMA } from '../../model/schema';

export interface Concept {
  title: string;
  text: string;
  sources: SourceKey[];
}

/** Short titles for the catalog's sources, for links. */
const SOURCE_TITLES: Partial<Record<SourceKey, string>> = {
  arch: 'Power Platform and ExpressRoute: architecture',
  plan: 'Planning ExpressRoute for Power Platform',
  how: 'How ExpressRoute works with Power Platform',
  consider: 'ExpressRoute for Power Platform: things to consider',
  checklist: 'ExpressRoute for Power Platform: checklist',
  routing: 'ExpressRoute routing requirements',
  routefilter: 'ExpressRoute route filters',
  nat: 'ExpressRoute NAT requirements',
  'gw-region': 'Gateway data region',
  'gw-comm': 'Gateway communication settings',
  'gw-ha': 'Gateway high-availability clusters',
  'pa-regions': 'Power Automate regions',
  'pa-gateways': 'Managing gateways in Power Automate',
  'pad-arch': 'Desktop flows architecture',
  behavior: 'Environment behaviour settings',
  environments: 'Environments overview',
  faq: 'ExpressRoute FAQ',
  'er-locations-providers': 'ExpressRoute locations and providers',
  'vnet-support': 'Virtual Network support overview',
  'vnet-setup': 'Set up Virtual Network support',
  'vnet-whitepaper': 'Virtual Network support white paper',
  'vnet-faq': 'Azure Virtual Network FAQ',
  'early-release': 'Early release cycle environments',
  'er-pstn': 'ExpressRoute for Microsoft PSTN services',
  'acs-expressroute': 'Azure Communication Services with ExpressRoute',
  'pp-usgov': 'Power Apps US Government',
  'ep-module': "Microsoft's enterprise-policy PowerShell module",
};

export type ConceptId = keyof typeof CONCEPTS;

export const CONCEPTS = {
  format: {
    title: 'Topology file',
    text: 'A topology file describes how your on-premises networks reach your Power Platform environments: the circuits, gateways, connectors and desktop flows between them. ppnet checks it against the guidance for running Power Platform over ExpressRoute.',
    sources: ['arch'],
  },
  cloud: {
    title: 'Microsoft cloud',
    text: 'Government and China clouds are separate worlds with their own ExpressRoute, regions and communities; a commercial circuit cannot reach them, and their circuits never carry a public-cloud region. Power Platform of GCC, GCC High and DoD runs in Azure Government. Version 1 checks regions and communities of the public cloud only, and in other clouds that route filters hold no public-cloud communities.',
    sources: ['consider', 'pp-usgov', 'faq'],
  },
  environment: {
    title: 'Environment and region',
    text:
      'An environment holds apps, flows and data, and lives in one Power Platform region. A Power Platform region is a geography (Europe, United States), not a datacenter: ' +
      'the environment runs in scale groups, shared pools of databases, machines and caches that host many organisations, deployed as a pair across two Azure datacenter regions of that geography (Europe: West Europe and North Europe). ' +
      'Traffic to the environment may go to either of the pair, which is why both matter for routing.',
    sources: ['arch', 'pa-regions'],
  },
  environmentType: {
    title: 'Environment type',
    text: 'The type says what the environment is for (production, sandbox, trial...). It does not change how its traffic is routed.',
    sources: ['environments'],
  },
  apps: {
    title: 'App kinds',
    text: 'Canvas apps load part of their static content from a content delivery network; model-driven apps and portals do not. Which kinds run here decides whether the CDN setting matters.',
    sources: ['arch', 'behavior'],
  },
  cdn: {
    title: 'Content delivery network (CDN)',
    text:
      'Canvas apps can fetch their default static files (scripts, styles, images) from a CDN. That traffic always goes over the public internet; it cannot take ExpressRoute. ' +
      'An administrator can turn the CDN off for the environment, so that the content comes from the environment itself (and can take ExpressRoute).',
    sources: ['arch', 'behavior'],
  },
  site: {
    title: 'On-premises site',
    text: 'A network of yours (an office, a datacenter) where users, gateway machines or desktop-flow machines sit. Whether it may reach the public internet matters: some Power Platform traffic (CDN content, third-party connectors) never takes ExpressRoute.',
    sources: ['arch'],
  },
  circuit: {
    title: 'ExpressRoute circuit',
    text:
      'A circuit is a private, dedicated link between your network and the edge of Microsoft\'s network, set up with a connectivity provider at a peering location. ' +
      'It keeps traffic off the public internet up to Microsoft\'s edge, but no further: inside Microsoft\'s datacenters the traffic travels on Microsoft\'s own network.',
    sources: ['arch', 'how'],
  },
  circuitRegion: {
    title: 'Region of a circuit',
    text: 'The Power Platform region chosen for the circuit. It has to be the region of every environment the circuit serves, so that the circuit reaches the datacenter regions those environments run in.',
    sources: ['arch'],
  },
  sku: {
    title: 'Circuit SKU',
    text:
      'With the peering location, the SKU decides which Azure regions Microsoft advertises on the circuit. Standard reaches the regions of the location\'s ExpressRoute geopolitical region; ' +
      'Premium reaches every region of the cloud, which an environment outside that geopolitical region needs; Local reaches only the one or two regions local to the location.',
    sources: ['plan', 'faq'],
  },
  peeringLocation: {
    title: 'Peering location',
    text:
      'The facility where your connectivity provider meets Microsoft\'s edge. Each location belongs to an ExpressRoute geopolitical region and has its local Azure regions; ' +
      'with the SKU, it decides which regions the circuit reaches. ppnet knows the public cloud\'s locations by name, in any case.',
    sources: ['er-locations-providers', 'faq'],
  },
  datacenterRegions: {
    title: 'Datacenter regions of an environment',
    text:
      'The Azure regions where the environment\'s scale groups run. ppnet uses the pair Microsoft\'s pages give for the environment\'s region; some regions have more than one pair, so an environment may name its own. ' +
      'Route filters must carry these regions\' communities, and the circuits must reach them.',
    sources: ['vnet-support', 'arch'],
  },
  peering: {
    title: 'Microsoft peering and private peering',
    text:
      'A circuit can carry two BGP sessions. Microsoft peering reaches Microsoft\'s public services (Microsoft 365, Power Platform) at their public addresses; private peering reaches your own Azure virtual networks at private addresses. ' +
      'Power Platform traffic uses Microsoft peering only; private peering does nothing for it, except for the connectors of an environment with Virtual Network support, which run in your delegated subnet and reach your network over private peering.',
    sources: ['checklist', 'how'],
  },
  routeFilter: {
    title: 'Route filter and BGP communities',
    text:
      'On Microsoft peering, Microsoft advertises no routes until a route filter is attached. The filter lists BGP communities: tags that group Microsoft\'s prefixes by Azure region (12076:51NNN) or by service (12076:5NNN). ' +
      'Power Platform has no service community of its own, so allow the regional communities of both datacenter regions of each environment\'s region.',
    sources: ['routefilter', 'routing', 'arch'],
  },
  nat: {
    title: 'NAT and advertised prefixes',
    text:
      'Microsoft peering only accepts public prefixes that you own, at most 200 per session: private addresses are translated (NAT) to a public pool first, and that pool is what you advertise. ' +
      'Keep the pool apart from the one your internet edge uses, or replies can come back over the other path (asymmetric routing).',
    sources: ['nat', 'routing', 'plan'],
  },
  gateway: {
    title: 'On-premises data gateway and Azure Service Bus',
    text:
      'The gateway lets cloud services use on-premises data without opening inbound ports: it keeps outbound connections (TLS on port 443, or 5671-5672 and 9350-9354) to Azure Service Bus, and requests reach it through them. ' +
      'It connects to one Azure region, which should be in the geography of the environments that use it and close to them. ExpressRoute does not make it unnecessary.',
    sources: ['gw-comm', 'gw-region', 'arch'],
  },
  gatewayRegion: {
    title: 'Region of a gateway',
    text: 'The one Azure datacenter region the gateway connects to. Pick one of the datacenter regions of the environments\' Power Platform region: a gateway outside their geography is not supported, and a far one is slow.',
    sources: ['gw-region', 'pa-regions'],
  },
  cluster: {
    title: 'Gateway clusters',
    text: 'Install the gateway on several machines joined as one cluster: requests go to the primary member and move to the next one when it does not answer. A single machine means no high availability.',
    sources: ['gw-ha'],
  },
  tls: {
    title: 'Gateway TLS',
    text: 'The gateway encrypts its connections to the cloud with TLS. Version 1.2 is the default and the lowest the service accepts; older versions are not safe.',
    sources: ['gw-comm'],
  },
  connector: {
    title: 'Connectors and API Management',
    text:
      'A connector is how an app or flow calls a service. The calls run through Azure API Management inside Microsoft\'s datacenter, and go on from there: to Microsoft services over Microsoft\'s own network, ' +
      'to third-party services over the public internet, and to on-premises sources through a data gateway. None of these legs is your ExpressRoute circuit.',
    sources: ['arch'],
  },
  desktopFlow: {
    title: 'Azure Relay and desktop flows',
    text:
      'A desktop flow runs on a machine in your network. The machine keeps an outbound HTTPS connection to Azure Relay (*.servicebus.windows.net), through which the cloud hands it work. ' +
      'That connection crosses the public internet unless the site routes it over ExpressRoute with Microsoft peering.',
    sources: ['pad-arch', 'arch'],
  },
  enterprisePolicy: {
    title: 'Enterprise policy and Virtual Network support',
    text:
      'With Virtual Network support, an enterprise policy delegates one subnet of your Azure virtual networks to Power Platform in each Azure region of an environment\'s Power Platform region. ' +
      'The environment\'s supported connectors and Dataverse plug-ins then run their calls inside that subnet, under your network\'s rules: Azure services are reached over private endpoints, ' +
      'on-premises systems over your virtual network\'s own link to them (ExpressRoute private peering), with no data gateway.',
    sources: ['vnet-support', 'vnet-setup'],
  },
  delegatedSubnet: {
    title: 'Delegated subnet',
    text:
      'A subnet handed over to Power Platform: nothing else can use it, and each container Power Platform runs for an environment takes one of its addresses. ' +
      'Microsoft\'s estimate is about 30 addresses per production environment and 10 per sandbox or developer environment, plus the 5 Azure keeps in every subnet; the range cannot change while it is in use. ' +
      'Where the region has two Azure regions, the policy needs a subnet in each, of the same size, so that the environment keeps working after a failover. ' +
      'A subnet serves one enterprise policy only. Its virtual network may be a spoke peered to a hub network (hub) whose gateway connects the circuit.',
    sources: ['vnet-support', 'vnet-faq'],
  },
  releaseCycle: {
    title: 'Release cycle',
    text: 'An environment created with "Get new features early" is on the early release cycle: updates reach it before the others. The cycle is set when the environment is created and cannot change. With Virtual Network support, an early environment needs an enterprise policy of its own.',
    sources: ['early-release', 'vnet-support'],
  },
  azureId: {
    title: 'Deployed identity',
    text: 'What the entity is called where it is deployed: an Azure resource id for a circuit or an enterprise policy, the environment\'s GUID in Power Platform, the gateway cluster\'s id. ppnet never signs in anywhere; `ppnet drift` compares the design with the JSON you exported and matches each entity by this key, else by its id. `ppnet import` writes it.',
    sources: ['arch'],
  },
  managed: {
    title: 'Managed Environment',
    text: 'Managed Environments are a set of governance features an administrator turns on per environment. Virtual Network support is one of them: only a Managed Environment can be linked to an enterprise policy.',
    sources: ['vnet-setup'],
  },
  azureService: {
    title: 'Azure services',
    text: 'Power Platform reaches Azure services inside Microsoft\'s network, over its backbone. Your ExpressRoute circuit ends at Microsoft\'s edge, so it cannot carry that traffic.',
    sources: ['arch', 'how'],
  },
} satisfies Record<string, Concept>;

/** The concept a key explains, by its path (`['circuits', 'er-ams', 'microsoftPeering', 'routeFilter']`). */
export function conceptOfKey(path: readonly string[]): ConceptId | undefined {
  const [section, , field, sub] = path;
  if (path.length === 1) return TOP_LEVEL[section];
  const kind = SECTION_CONCEPT[section];
  if (!kind) return undefined;
  if (path.length === 2) return kind;
  if (path.length === 4) {
    if (field === 'subnets') return 'delegatedSubnet';
    return sub === 'routeFilter' ? 'routeFilter' : sub === 'advertisedPrefixes' ? 'nat' : field === 'privatePeering' ? 'peering' : undefined;
  }
  return FIELD_CONCEPTS[section]?.[field] ?? kind;
}

const SECTION_CONCEPT: Record<string, ConceptId> = lookupTable({
  environments: 'environment',
  sites: 'site',
  circuits: 'circuit',
  gateways: 'gateway',
  connectors: 'connector',
  desktopFlows: 'desktopFlow',
  azureServices: 'azureService',
  enterprisePolicies: 'enterprisePolicy',
});

const TOP_LEVEL: Record<string, ConceptId> = lookupTable({ version: 'format', name: 'format', cloud: 'cloud', ...SECTION_CONCEPT });

const FIELD_CONCEPTS: Record<string, Record<string, ConceptId>> = lookupTables({
  environments: { azureId: 'azureId', type: 'environmentType', releaseCycle: 'releaseCycle', apps: 'apps', cdn: 'cdn', datacenterRegions: 'datacenterRegions', managed: 'managed', enterprisePolicy: 'enterprisePolicy' },
  sites: { internetEgress: 'nat' },
  circuits: { azureId: 'azureId', site: 'site', region: 'circuitRegion', peeringLocation: 'peeringLocation', sku: 'sku', environments: 'environment', microsoftPeering: 'peering', privatePeering: 'peering' },
  gateways: { azureId: 'azureId', site: 'site', region: 'gatewayRegion', members: 'cluster', tls: 'tls' },
  connectors: { environment: 'environment', gateway: 'gateway' },
  desktopFlows: { environment: 'environment', site: 'site' },
  enterprisePolicies: { azureId: 'azureId', subnets: 'delegatedSubnet' },
});

/** "Sources: [title](url), ..." in Markdown. */
export function sourceLinks(sources: readonly SourceKey[]): string {
  return `Sources: ${sources.map((key) => `[${SOURCE_TITLES[key] ?? key}](${sourceUrl(key)})`).join(', ')}`;
}

export function conceptMarkdown(id: ConceptId): string {
  const concept: Concept = CONCEPTS[id];
  return `**${concept.title}.** ${concept.text}\n\n${sourceLinks(concept.sources)}`;
}

/** What each enumerated value means, by key; `default` marks the value used when the key is absent. */
export const VALUE_DOCS: Record<string, Record<string, string>> = lookupTables({
  cloud: {
    public: 'The commercial cloud (default). The only one whose regions and communities version 1 checks.',
    gcc: 'US Government Community Cloud: Power Platform runs in Azure Government, without Virtual Network support. ppnet checks that route filters hold no public-cloud communities.',
    'gcc-high': 'US Government Community Cloud High, in Azure Government. ppnet checks that route filters hold no public-cloud communities.',
    dod: 'US Department of Defense cloud, in Azure Government. ppnet checks that route filters hold no public-cloud communities.',
    china: 'The cloud operated in China by 21Vianet. ppnet checks that route filters hold no public-cloud or Microsoft 365 communities.',
  },
  releaseCycle: {
    standard: 'Updates reach the environment in the usual order (default).',
    early: 'Created with "Get new features early": updates reach it first. It cannot share an enterprise policy with other environments.',
  },
  type: {
    production: 'For work people rely on (default).',
    sandbox: 'For development and tests; can be copied and reset.',
    trial: 'Short-lived, for trying things out; it expires.',
    developer: 'A personal environment for one maker.',
    default: 'The tenant\'s own production environment, one per tenant.',
    teams: 'Dataverse for Teams, created from Microsoft Teams.',
  },
  apps: {
    canvas: 'Canvas apps: their static content may come from the CDN, over the internet.',
    'model-driven': 'Model-driven apps: they do not use the CDN.',
    portal: 'Portals (Power Pages sites).',
  },
  internet: {
    allowed: 'The site can reach the public internet (default).',
    blocked: 'The site cannot reach the public internet: traffic that never takes ExpressRoute fails here.',
  },
  sku: {
    standard: 'Reaches the Azure regions of the peering location\'s ExpressRoute geopolitical region (default).',
    premium: 'Reaches every Azure region of the cloud.',
    local: 'Reaches only the one or two Azure regions local to the peering location.',
  },
  tls: {
    '1.0': 'Outdated and unsafe; below what the gateway service accepts.',
    '1.1': 'Outdated and unsafe; below what the gateway service accepts.',
    '1.2': 'The default, and the lowest version the gateway service accepts.',
    '1.3': 'The newest version.',
  },
  target: {
    'on-premises': 'A source in your own network, reached through a data gateway.',
    microsoft: 'A Microsoft service: the traffic stays on Microsoft\'s network.',
    'third-party': 'A service outside Microsoft: reached over the public internet.',
  },
  via: {
    expressroute: 'Expected to travel over your ExpressRoute circuit.',
    internet: 'Expected to travel over the public internet.',
    'microsoft-backbone': 'Expected to stay on Microsoft\'s own network.',
    public: 'Expected to use the service\'s public endpoint.',
    vnet: 'Expected to run in the delegated subnet of the environment\'s enterprise policy (Virtual Network support): on-premises sources over your virtual network\'s private peering, no gateway.',
    'private-endpoint': 'Expected to be reached from a delegated subnet (Virtual Network support), over a private endpoint of the service in your virtual network.',
  },
  relay: {
    internet: 'The machine reaches Azure Relay over the public internet (default).',
    expressroute: 'The machine reaches Azure Relay over ExpressRoute (Microsoft peering).',
  },
  managed: {
    true: 'A Managed Environment: it can be linked to an enterprise policy (Virtual Network support).',
    false: 'Not a Managed Environment: it cannot be linked to an enterprise policy.',
  },
  cdn: {
    true: 'Canvas apps load default static content from the CDN, over the internet (default).',
    false: 'The CDN is off: the content comes from the environment itself.',
  },
});

/** The schema at a key path (`['circuits', 'er-ams', 'sku']`): descriptions, enums and types. */
export function schemaAt(path: readonly string[]): ReturnType<typeof deref> {
  let schema = deref(TOPOLOGY_SCHEMA);
  for (const segment of path) {
    // A list of maps (an enterprise policy's subnets): the keys of its items.
    if (schema?.type === 'array' && deref(schema.items)?.properties) schema = deref(schema.items);
    schema = propertySchema(schema, segment);
  }
  return deref(schema);
}
