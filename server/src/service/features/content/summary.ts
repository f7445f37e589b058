/**
 * One-paragraph summaries of entities, in Markdown, for hover and for the documentation of reference
 * completions: what the entity is, its main settings, and what it is connected to.
 */
import { AzureRegion, azureRegionById, findAzureRegion, findPowerPlatformRegion, PeeringLocation, PowerPlatformRegion, powerPlatformRegionsContaining } from '../../catalog/catalog';
import { appsOf, AzureService, EnterprisePolicy, managedOf, cdnOf, Circuit, circuitsAtSite, circuitsServing, Connector, DesktopFlow, entitiesNaming, Entity, Environment, Gateway, internetOf, memberCountOf, relayOf, Site, tlsOf, Topology } from '../../model/model';
import { capitalize, entityNoun, listWords } from '../../text/words';
import { catalogConnector, connectorTarget, Sku, addressesNeeded, policyEnvironments, privatePeeringLinks, regionNames } from '../../facts';

export function summarize(topology: Topology, entity: Entity): string {
  const title = `${capitalize(entityNoun(entity.kind))} **${entity.id}**${entity.name ? ` (${entity.name.text})` : ''}`;
  const facts = SUMMARIES[entity.kind](topology, entity as never).filter(Boolean);
  return `${title}: ${facts.join('; ')}.`;
}

type Summarizer<E extends Entity> = (topology: Topology, entity: E) => (string | undefined)[];

const SUMMARIES: { [K in Entity['kind']]: Summarizer<Extract<Entity, { kind: K }>> } = {
  environment: (topology, environment: Environment) => [
    environment.region ? `region ${describePowerPlatformRegion(environment.region.text)}` : 'no region',
    `type ${environment.type?.text ?? 'production'}`,
    `apps ${listWords(appsOf(environment))}`,
    appsOf(environment).includes('canvas') ? `CDN ${cdnOf(environment) ? 'on' : 'off'}` : undefined,
    managedOf(environment) === undefined ? undefined : `${managedOf(environment) ? 'a' : 'not a'} Managed Environment`,
    environment.enterprisePolicy ? `subnets delegated by enterprise policy ${environment.enterprisePolicy.text}` : undefined,
    named('served by circuit', circuitsServing(topology, environment.id)),
    named('connector', entitiesNaming(topology, 'connector', 'environment', environment.id)),
    named('desktop flow', entitiesNaming(topology, 'desktopFlow', 'environment', environment.id)),
  ],
  site: (topology, site: Site) => [
    `internet ${internetOf(site)}`,
    named('circuit', circuitsAtSite(topology, site.id)),
    named('gateway', entitiesNaming(topology, 'gateway', 'site', site.id)),
    named('desktop flow', entitiesNaming(topology, 'desktopFlow', 'site', site.id)),
  ],
  circuit: (_topology, circuit: Circuit) => [
    circuit.site ? `at site ${circuit.site.text}` : undefined,
    circuit.region ? `region ${describePowerPlatformRegion(circuit.region.text)}` : undefined,
    `SKU ${circuit.sku?.text ?? 'standard'}`,
    circuit.environments?.items.length ? `serves ${listWords(circuit.environments.items.map((i) => i.text))}` : 'serves no environment',
    circuit.microsoftPeering
      ? `Microsoft peering with ${plural(circuit.microsoftPeering.routeFilter?.items.length ?? 0, 'route-filter entry', 'route-filter entries')}`
      : 'no Microsoft peering',
  ],
  gateway: (topology, gateway: Gateway) => [
    gateway.site ? `at site ${gateway.site.text}` : undefined,
    gateway.region ? `region ${describeAzureRegion(gateway.region.text)}` : undefined,
    plural(memberCountOf(gateway), 'member', 'members'),
    `TLS ${tlsOf(gateway)}`,
    named('used by connector', entitiesNaming(topology, 'connector', 'gateway', gateway.id)),
  ],
  connector: (_topology, connector: Connector) => [
    connector.type ? `${catalogConnector(connector)?.displayName ?? connector.type.text}` : undefined,
    connectorTarget(connector) ? `target ${connectorTarget(connector)}` : undefined,
    connector.environment ? `in environment ${connector.environment.text}` : undefined,
    connector.gateway ? `through gateway ${connector.gateway.text}` : undefined,
  ],
  desktopFlow: (_topology, flow: DesktopFlow) => [
    flow.environment ? `in environment ${flow.environment.text}` : undefined,
    flow.site ? `machine at site ${flow.site.text}` : undefined,
    `relays over ${relayOf(flow)}`,
  ],
  azureService: (_topology, service: AzureService) => [
    service.type?.text,
    service.region ? `region ${describeAzureRegion(service.region.text)}` : undefined,
    service.via ? `via ${service.via.text}` : undefined,
  ],
  enterprisePolicy: (topology, policy: EnterprisePolicy) => [
    policy.subnets?.items.length
      ? `delegates ${plural(policy.subnets.items.length, 'subnet', 'subnets')}: ${listWords(policy.subnets.items.map((s) => `${s.cidr?.text ?? '?'} in ${s.vnet?.text ?? '?'} (${s.region ? describeAzureRegion(s.region.text) : 'no region'})`))}`
      : 'delegates no subnet',
    named('serves environment', policyEnvironments(topology, policy)),
    addressesNeeded(topology, policy).total ? `its environments need about ${addressesNeeded(topology, policy).total} addresses in each subnet` : undefined,
    named('reached from on-premises over the private peering of circuit', [...new Set(privatePeeringLinks(topology, policy).map((l) => l.circuit))]),
  ],
};

/** "europe (Europe: West Europe and North Europe)". */
export function describePowerPlatformRegion(text: string): string {
  const region = findPowerPlatformRegion(text);
  if (!region) return text;
  const names = regionNames(region.datacenterRegions);
  return `${text} (${region.displayName}: ${listWords(names)})`;
}

/** A Power Platform region's datacenter regions with their community values, and its note. */
export function powerPlatformRegionMarkdown(region: PowerPlatformRegion): string {
  const rows = region.datacenterRegions.map((id) => {
    const azure = azureRegionById(id);
    return `- ${azure?.displayName ?? id} (\`${id}\`): Microsoft peering community ${azure?.microsoftPeeringCommunity ?? 'not in the catalog'}`;
  });
  return [
    `**${region.displayName}** (\`${region.id}\`), a Power Platform region. Its scale groups run in:`,
    ...rows,
    ...(region.note ? [`\nNote: ${region.note}.`] : []),
  ].join('\n');
}

export function azureRegionMarkdown(region: AzureRegion): string {
  const geographies = powerPlatformRegionsContaining(region.id).map((r) => `\`${r.id}\``);
  return [
    `**${region.displayName}** (\`${region.id}\`), an Azure datacenter region.`,
    `- Microsoft peering community: ${region.microsoftPeeringCommunity ?? 'not in the catalog'}`,
    `- Private peering community: ${region.privatePeeringCommunity ?? 'not in the catalog'}`,
    geographies.length ? `- In the geography of Power Platform region ${geographies.join(', ')}` : '- In no Power Platform geography of the catalog',
  ].join('\n');
}

function describeAzureRegion(text: string): string {
  const region = findAzureRegion(text);
  return region && region.displayName !== text ? `${text} (${region.displayName})` : text;
}

function named(what: string, entities: { id: string }[]): string | undefined {
  if (entities.length === 0) return undefined;
  return `${what}${entities.length > 1 ? 's' : ''} ${listWords(entities.map((e) => e.id))}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}


function azureNames(ids: readonly string[]): string {
  return listWords(regionNames(ids));
}

/** What a circuit of that SKU reaches from the location (or in general, without one), in one sentence. */
export function skuReachText(sku: Sku, location?: PeeringLocation): string {
  if (sku === 'premium') return 'Reaches every Azure region of the cloud, whatever the peering location.';
  if (sku === 'local') {
    if (!location) return "Reaches only the one or two Azure regions local to the peering location.";
    return location.localAzureRegions.length
      ? `Reaches only ${azureNames(location.localAzureRegions)}, the local ${location.localAzureRegions.length > 1 ? 'regions' : 'region'} of ${location.displayName}.`
      : `Not offered at ${location.displayName}: it has no local Azure region.`;
  }
  if (!location) return "Reaches the Azure regions of the peering location's ExpressRoute geopolitical region (the default).";
  return location.geopoliticalRegion
    ? `Reaches the Azure regions of the ${location.geopoliticalRegion} geopolitical region, where ${location.displayName} is.`
    : `Reaches the Azure regions of ${location.displayName}'s geopolitical region, which Microsoft's pages do not state: ppnet cannot check its reach.`;
}

/** A peering location: its geopolitical region, its local Azure regions, and what each SKU reaches from it. */
export function peeringLocationMarkdown(location: PeeringLocation): string {
  return [
    `**${location.displayName}**, an ExpressRoute peering location.`,
    `- Geopolitical region: ${location.geopoliticalRegion ?? 'not stated on Microsoft\'s pages'}`,
    `- Local Azure regions: ${location.localAzureRegions.length ? azureNames(location.localAzureRegions) : 'none (ExpressRoute Local is not offered)'}`,
    '',
    'From here:',
    ...(['local', 'standard', 'premium'] as const).map((sku) => `- \`${sku}\`: ${skuReachText(sku, location)}`),
  ].join('\n');
}
