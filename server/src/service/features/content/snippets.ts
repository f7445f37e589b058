/**
 * Snippet bodies for new entities and the starter text of a new topology file. A pure module with no
 * imports, so that the client can use the starter text too. Bodies use LSP snippet syntax; their
 * first line is the entity's id, the others are indented by `unit` (the file's indentation step).
 */

/** Values of the file a snippet starts from, so that it fits the file it goes into. */
export interface SnippetDefaults {
  environment: string;
  site: string;
  gateway: string;
  /** A Power Platform region id and every one, for a choice. */
  region: string;
  regions: string[];
  /** Display names of the region's datacenter regions, for a route filter. */
  routeFilter: string[];
  /** An Azure region id in that region's geography. */
  azureRegion: string;
  /** The Azure regions where an enterprise policy of that region delegates its subnets (one or two). */
  vnetRegions: string[];
  /** A public prefix no other circuit advertises, for a new circuit's NAT pool. */
  advertisedPrefix: string;
  /** The id, or one like it that the file does not use yet. */
  freshId(id: string): string;
}

export interface EntitySnippet {
  /** The section it goes in. */
  section: string;
  label: string;
  description: string;
  body(unit: string, defaults: SnippetDefaults): string;
}

/** Escapes text for a snippet placeholder or choice. */
function escape(text: string, choice = false): string {
  return text.replace(choice ? /[$}\\,|]/g : /[$}\\]/g, (c) => `\\${c}`);
}

function choice(index: number, first: string, all: readonly string[]): string {
  const values = [first, ...all.filter((v) => v !== first)];
  return `\${${index}|${values.map((v) => escape(v, true)).join(',')}|}`;
}

function lines(unit: string, entries: readonly (string | [number, string])[]): string {
  return entries.map((entry) => (typeof entry === 'string' ? entry : unit.repeat(entry[0]) + entry[1])).join('\n');
}

const placeholder = (index: number, text: string) => `\${${index}:${escape(text)}}`;

export const ENTITY_SNIPPETS: readonly EntitySnippet[] = [
  {
    section: 'environments',
    label: 'New environment',
    description: 'A Power Platform environment in a Power Platform region.',
    body: (unit, d) =>
      lines(unit, [
        `${placeholder(1, d.freshId('contoso-prod'))}:`,
        [1, `name: ${placeholder(2, 'Contoso Production')}`],
        [1, `region: ${choice(3, d.region, d.regions)}`],
        [1, `type: ${choice(4, 'production', ['production', 'sandbox', 'trial', 'developer', 'default', 'teams'])}`],
        [1, `apps: [${placeholder(5, 'canvas, model-driven')}]`],
      ]),
  },
  {
    section: 'sites',
    label: 'New site',
    description: 'An on-premises network: an office or a datacenter.',
    body: (unit, d) =>
      lines(unit, [
        `${placeholder(1, d.freshId('hq'))}:`,
        [1, `name: ${placeholder(2, 'Headquarters')}`],
        [1, `internet: ${choice(3, 'allowed', ['allowed', 'blocked'])}`],
        [1, `addressSpace: [${placeholder(4, '10.0.0.0/16')}]`],
      ]),
  },
  {
    section: 'circuits',
    label: 'New circuit',
    description: 'An ExpressRoute circuit with Microsoft peering and a route filter for its environments\' region.',
    body: (unit, d) =>
      lines(unit, [
        `${placeholder(1, d.freshId(`er-${d.site}`))}:`,
        [1, `site: ${placeholder(2, d.site)}`],
        [1, `peeringLocation: ${placeholder(3, 'Amsterdam')}`],
        [1, `region: ${placeholder(4, d.region)}`],
        [1, `sku: ${choice(5, 'standard', ['standard', 'premium', 'local'])}`],
        [1, `environments: [${placeholder(6, d.environment)}]`],
        [1, 'microsoftPeering:'],
        [2, `advertisedPrefixes: [${placeholder(7, d.advertisedPrefix)}]`],
        [2, 'routeFilter:'],
        ...d.routeFilter.map((name, i): [number, string] => [3, `- ${placeholder(8 + i, name)}`]),
      ]),
  },
  {
    section: 'gateways',
    label: 'New gateway',
    description: 'An on-premises data gateway cluster of two machines.',
    body: (unit, d) =>
      lines(unit, [
        `${placeholder(1, d.freshId(`gw-${d.site}`))}:`,
        [1, `site: ${placeholder(2, d.site)}`],
        [1, `region: ${placeholder(3, d.azureRegion)}`],
        [1, `members: [${placeholder(4, `gw-${d.site}-01`)}, ${placeholder(5, `gw-${d.site}-02`)}]`],
        [1, 'tls: "1.2"'],
      ]),
  },
  {
    section: 'connectors',
    label: 'New connector',
    description: 'A connection to an on-premises source through a gateway.',
    body: (unit, d) =>
      lines(unit, [
        `${placeholder(1, d.freshId('erp-sql'))}:`,
        [1, `type: ${placeholder(2, 'sql-server')}`],
        [1, `environment: ${placeholder(3, d.environment)}`],
        [1, `gateway: ${placeholder(4, d.gateway)}`],
      ]),
  },
  {
    section: 'desktopFlows',
    label: 'New desktop flow',
    description: 'A desktop flow and the site of the machine that runs it.',
    body: (unit, d) =>
      lines(unit, [
        `${placeholder(1, d.freshId('invoice-bot'))}:`,
        [1, `environment: ${placeholder(2, d.environment)}`],
        [1, `site: ${placeholder(3, d.site)}`],
        [1, `relay: ${choice(4, 'expressroute', ['expressroute', 'internet'])}`],
      ]),
  },
  {
    section: 'azureServices',
    label: 'New Azure service',
    description: 'An Azure service the environments use.',
    body: (unit, d) =>
      lines(unit, [
        `${placeholder(1, d.freshId('orders-db'))}:`,
        [1, `type: ${placeholder(2, 'azure-sql')}`],
        [1, `region: ${placeholder(3, d.azureRegion)}`],
        [1, `via: ${choice(4, 'microsoft-backbone', ['microsoft-backbone', 'public', 'private-endpoint'])}`],
      ]),
  },
  {
    section: 'enterprisePolicies',
    label: 'New enterprise policy',
    description: 'Virtual Network support: a delegated /25 subnet in each Azure region of the environments\' region.',
    body: (unit, d) =>
      lines(unit, [
        `${placeholder(1, d.freshId(`ep-${d.region}`))}:`,
        [1, 'subnets:'],
        ...d.vnetRegions.flatMap((region, i): [number, string][] => [
          [2, `- vnet: ${placeholder(2 + 2 * i, `pp-${region}`)}`],
          [2, `  region: ${region}`],
          [2, `  cidr: ${placeholder(3 + 2 * i, `10.${40 + i}.0.0/25`)}`],
        ]),
      ]),
  },
];

/** The text of a new topology file: a small, valid example that says what each part is for. */
export const STARTER_FILE = `# A ppnet topology: how your on-premises networks reach your Power Platform environments.
# Every entity sits under its id, and references name ids. Hover a key to read what it means.
version: 1
name: My organisation

environments:              # Power Platform environments
  prod:
    name: Production
    region: europe         # a Power Platform region (a geography), not an Azure region
    apps: [canvas, model-driven]

sites:                     # your on-premises networks
  hq:
    name: Headquarters
    internet: allowed
    addressSpace: [10.0.0.0/16]

circuits:                  # ExpressRoute circuits
  er-hq:
    site: hq
    peeringLocation: Amsterdam
    region: europe         # the region of the environments it serves
    environments: [prod]
    microsoftPeering:      # Power Platform traffic uses Microsoft peering
      advertisedPrefixes: [203.0.113.0/29]   # your public NAT pool
      routeFilter:         # both datacenter regions of europe
        - West Europe
        - North Europe

gateways:                  # on-premises data gateways
  gw-hq:
    site: hq
    region: westeurope     # one Azure region in the environments' geography
    members: [gw-hq-01, gw-hq-02]

connectors:                # connections that apps and flows use
  erp-sql:
    type: sql-server
    environment: prod
    gateway: gw-hq

desktopFlows:              # desktop flows and where their machines run
  invoice-bot:
    environment: prod
    site: hq
    relay: expressroute
`;
