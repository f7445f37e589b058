/**
 * Traffic paths: for every flow the topology implies (users to environments, canvas static content,
 * connectors, desktop flows, Azure services) the route it takes and why, following the ExpressRoute
 * architecture article. The preview draws these; the reasons are ours, each with its source page.
 */
import { AzureRegion, azureRegionById, describeRegionCommunity, findAzureRegion, findPowerPlatformRegion, powerPlatformRegionsContaining, PowerPlatformRegion, SourceKey, sourceUrl } from '../catalog/catalog';
import { appsOf, cdnOf, Circuit, circuitsServing, cloudOf, Connector, DesktopFlow, EntityKind, Environment, internetOf, relayOf, Site, Topology, AzureService } from '../model/model';
import { listWords } from '../text/words';
import { catalogConnector, uncarriedRegions, connectorTarget, datacenterRegionsOf, microsoftPeeringCircuitsAtSite, reachBasis, connectorPolicy, environmentRegion, policyEnvironments, policyRegions, runsInSubnet, vnetRoute } from '../facts';
import type { FlowKind, RouteKind } from '../../../../protocol/graph';

export type { FlowKind, RouteKind } from '../../../../protocol/graph';

/** A place a flow passes: an entity of the file, or a piece of Microsoft's or the internet's infrastructure. */
export type Hop =
  | { kind: 'entity'; entity: EntityKind; id: string }
  | { kind: 'internet' }
  | { kind: 'cdn' }
  | { kind: 'service-bus' }
  | { kind: 'relay' }
  /** A service outside Microsoft that a connector reaches. */
  | { kind: 'service'; name: string }
  /** All environments of a Power Platform region (Azure services are used by the environments, not by one). */
  | { kind: 'region'; id: string };

/** One stretch of a flow's path, with the route that stretch takes. */
export interface Leg {
  from: Hop;
  to: Hop;
  route: RouteKind;
}

export interface Flow {
  /** Stable id: `<kind>:<entity ids>`. */
  id: string;
  kind: FlowKind;
  from: Hop;
  to: Hop;
  route: RouteKind;
  /** The circuit that carries the flow when it takes ExpressRoute. */
  circuit?: string;
  legs: Leg[];
  /** Why the flow takes its route, in a sentence or two. */
  reason: string;
  /** The Microsoft page the reason comes from. */
  source: string;
  /** The entity whose YAML the flow comes from. */
  subject: { kind: EntityKind; id: string };
  /** The route the file says the author expects (`via`), when it names one. */
  expected?: RouteKind;
}

export const entityHop = (entity: EntityKind, id: string): Hop => ({ kind: 'entity', entity, id });

const INTERNET: Hop = { kind: 'internet' };
const SERVICE_BUS: Hop = { kind: 'service-bus' };
const RELAY: Hop = { kind: 'relay' };

/** Every flow of a topology, in a stable order: by kind, then as the file lists the entities. */
export function analyzeTraffic(topology: Topology): Flow[] {
  return [
    ...[...topology.environments.values()].flatMap((environment) => userFlows(topology, environment)),
    ...[...topology.connectors.values()].map((connector) => connectorFlow(topology, connector)),
    ...[...topology.desktopFlows.values()].map((flow) => desktopFlow(topology, flow)),
    ...[...topology.azureServices.values()].flatMap((service) => azureServiceFlows(topology, service)),
  ];
}

// ---- Whether a circuit carries traffic to given Azure regions ----

/** A way through the Microsoft edge for one flow: a circuit that carries it, or why none does. */
type Crossing =
  | { route: 'expressroute'; circuit: Circuit; carried: AzureRegion[] }
  | { route: 'internet'; why: string[] }
  | { route: 'unknown'; why: string };

const PUBLIC_CLOUD_ONLY =
  'version 1 knows the BGP communities of the public cloud only, so the route from a sovereign cloud cannot be told';

/** The regions a circuit does not carry (facts: uncarriedRegions), as Azure regions. */
interface NotCarried {
  unreachable: AzureRegion[];
  unlisted: AzureRegion[];
}

function notCarried(topology: Topology, circuit: Circuit, regions: AzureRegion[]): NotCarried {
  const { unreachable, unlisted } = uncarriedRegions(topology, circuit, regions.map((r) => r.id));
  return { unreachable: regions.filter((r) => unreachable.includes(r.id)), unlisted: regions.filter((r) => unlisted.includes(r.id)) };
}

/** Why a circuit carries no prefixes at all, or `undefined` when its route filter has entries. */
function peeringGap(circuit: Circuit): string | undefined {
  if (!circuit.microsoftPeering) return `circuit ${circuit.id} has no Microsoft peering`;
  if (!circuit.microsoftPeering.routeFilter?.items.length) {
    return `circuit ${circuit.id} has no route filter entries, so Microsoft advertises no prefixes over it`;
  }
  return undefined;
}

function lacking(circuit: Circuit, { unreachable, unlisted }: NotCarried): string {
  const words = (regions: AzureRegion[]) => (regions.length === 1 ? 'that region' : 'those regions');
  const parts: string[] = [];
  if (unreachable.length) {
    const basis = reachBasis(circuit)!;
    parts.push(
      `circuit ${circuit.id}, a ${basis.sku} circuit at ${basis.location.displayName}, cannot reach ${listWords(unreachable.map((r) => r.displayName))}, so Microsoft never advertises ${words(unreachable)} over it`,
    );
  }
  if (unlisted.length) {
    parts.push(`the route filter of circuit ${circuit.id} lacks ${listWords(unlisted.map(describeRegionCommunity))}, so Microsoft does not advertise ${words(unlisted)} over it`);
  }
  return parts.join(', and ');
}

/**
 * The first circuit that carries every one of `regions` over Microsoft peering, else the reasons none does.
 */
function crossing(topology: Topology, circuits: Circuit[], regions: AzureRegion[]): Crossing {
  if (cloudOf(topology) !== 'public') return { route: 'unknown', why: PUBLIC_CLOUD_ONLY };
  const unknownValue = regions.filter((r) => !r.microsoftPeeringCommunity);
  if (unknownValue.length) {
    return {
      route: 'unknown',
      why: `the catalog does not know the BGP community of ${listWords(unknownValue.map((r) => r.displayName))}, so whether a route filter carries it cannot be told`,
    };
  }
  const why: string[] = [];
  for (const circuit of circuits) {
    const gap = peeringGap(circuit);
    const lacks = gap ? undefined : notCarried(topology, circuit, regions);
    if (lacks && lacks.unreachable.length === 0 && lacks.unlisted.length === 0) return { route: 'expressroute', circuit, carried: regions };
    why.push(gap ?? lacking(circuit, lacks!));
  }
  return { route: 'internet', why };
}

/** The Azure regions an environment runs in (as written, else the pair of its region). */
function datacenterRegions(environment: Environment): AzureRegion[] {
  return datacenterRegionsOf(environment).flatMap((id) => azureRegionById(id) ?? []);
}

/** The region of an environment, or why it is unknown. */
function regionOf(environment: Environment): PowerPlatformRegion | undefined {
  return environment.region && findPowerPlatformRegion(environment.region.text);
}

function unknownRegionWhy(environment: Environment): string {
  return environment.region
    ? `environment ${environment.id} names region ${environment.region.text}, which is not a Power Platform region, so the communities it needs are unknown`
    : `environment ${environment.id} names no region, so the communities it needs are unknown`;
}

/** What happens to traffic that falls back to the internet at a site. */
function internetFallback(site: Site | undefined): 'internet' | 'no-route' {
  return site && internetOf(site) === 'blocked' ? 'no-route' : 'internet';
}

const ROUTE_WORDS: Record<RouteKind, string> = {
  expressroute: 'ExpressRoute',
  internet: 'the public internet',
  'microsoft-backbone': "Microsoft's backbone",
  'virtual-network': 'your virtual network (a delegated subnet)',
  'no-route': 'no route',
  unknown: 'an unknown route',
};

/** Legs from an on-premises hop to a Microsoft hop, through the circuit or the internet. */
function crossingLegs(from: Hop, to: Hop, route: RouteKind, circuit?: Circuit): Leg[] {
  if (route === 'expressroute' && circuit) {
    const edge = entityHop('circuit', circuit.id);
    return [
      { from, to: edge, route },
      { from: edge, to, route },
    ];
  }
  // Traffic with no route stops at the internet it would need; an unknown route is drawn straight across.
  if (route === 'no-route') return [{ from, to: INTERNET, route }];
  if (route === 'unknown') return [{ from, to, route }];
  return [
    { from, to: INTERNET, route },
    { from: INTERNET, to, route },
  ];
}

// ---- Users and canvas static content ----

function userFlows(topology: Topology, environment: Environment): Flow[] {
  const flows: Flow[] = [];
  const sites = new Map<string, Circuit[]>();
  for (const circuit of circuitsServing(topology, environment.id)) {
    const siteId = circuit.site?.text;
    if (siteId === undefined) continue;
    sites.set(siteId, [...(sites.get(siteId) ?? []), circuit]);
  }
  for (const [siteId, circuits] of sites) {
    const site = topology.sites.get(siteId);
    if (!site) continue; // unknown-reference reports it; there are no users to draw
    const users = usersFlow(topology, environment, siteId, site, circuits);
    flows.push(users);
    if (appsOf(environment).includes('canvas')) flows.push(staticContentFlow(environment, siteId, site, users));
  }
  return flows;
}

function usersFlow(topology: Topology, environment: Environment, siteId: string, site: Site, circuits: Circuit[]): Flow {
  const from = entityHop('site', siteId);
  const to = entityHop('environment', environment.id);
  const region = regionOf(environment);
  const base = { id: `users:${siteId}:${environment.id}`, kind: 'users' as const, from, to, source: sourceUrl('arch'), subject: { kind: 'environment' as const, id: environment.id } };
  const who = `Users at site ${siteId} reach environment ${environment.id}`;
  const through = region && crossing(topology, circuits, datacenterRegions(environment));
  if (!region || !through || through.route === 'unknown') {
    const why = region && through?.route === 'unknown' ? through.why : unknownRegionWhy(environment);
    return { ...base, route: 'unknown', legs: crossingLegs(from, to, 'unknown'), reason: `${who} by a route that cannot be told: ${why}.` };
  }
  if (through.route === 'expressroute') {
    const names = listWords(through.carried.map(describeRegionCommunity));
    return {
      ...base,
      route: 'expressroute',
      circuit: through.circuit.id,
      legs: crossingLegs(from, to, 'expressroute', through.circuit),
      reason: `${who} over ExpressRoute circuit ${through.circuit.id}: its Microsoft peering route filter carries ${names}, the datacenter regions of ${region.displayName}.`,
    };
  }
  const route = internetFallback(site);
  const why = listWords(through.why);
  return {
    ...base,
    route,
    legs: crossingLegs(from, to, route),
    reason:
      route === 'internet'
        ? `${who} over the public internet: ${why}.`
        : `Users at site ${siteId} cannot reach environment ${environment.id}: ${why}, and the site blocks the internet.`,
  };
}

function staticContentFlow(environment: Environment, siteId: string, site: Site, users: Flow): Flow {
  const base = {
    id: `static-content:${siteId}:${environment.id}`,
    kind: 'static-content' as const,
    from: entityHop('site', siteId),
    subject: { kind: 'environment' as const, id: environment.id },
  };
  if (!cdnOf(environment)) {
    return {
      ...base,
      to: users.to,
      route: users.route,
      circuit: users.circuit,
      legs: users.legs,
      source: sourceUrl('behavior'),
      reason:
        `The CDN is off for environment ${environment.id} (cdn: false): its canvas apps load static content from the environment itself, ` +
        `so the content follows the users' route from site ${siteId}: ${ROUTE_WORDS[users.route]}.`,
    };
  }
  const cdn: Hop = { kind: 'cdn' };
  const route = internetFallback(site);
  const reason =
    `Canvas apps of environment ${environment.id} load static content from the CDN, which is reached over the public internet only, never over ExpressRoute` +
    (route === 'no-route' ? `; site ${siteId} blocks the internet, so that content does not load there (cdn: false would serve it from the environment).` : '.');
  return { ...base, to: cdn, route, legs: [{ from: base.from, to: cdn, route }], source: sourceUrl('arch'), reason };
}

// ---- Connectors ----

function expectedOf(via: string | undefined): RouteKind | undefined {
  if (via === 'expressroute') return 'expressroute';
  if (via === 'internet' || via === 'public') return 'internet';
  if (via === 'microsoft-backbone') return 'microsoft-backbone';
  if (via === 'vnet' || via === 'private-endpoint') return 'virtual-network';
  return undefined;
}

/** "(via: expressroute is written, but it does not apply)" when the author expects another route. */
function expectation(via: string | undefined, route: RouteKind): string {
  const expected = expectedOf(via);
  return expected && expected !== route ? ` The file expects ${ROUTE_WORDS[expected]} (via: ${via}), which this traffic does not take.` : '';
}

function connectorFlow(topology: Topology, connector: Connector): Flow {
  const environmentId = connector.environment?.text;
  const self = entityHop('connector', connector.id);
  const start = environmentId !== undefined && topology.environments.has(environmentId) ? entityHop('environment', environmentId) : undefined;
  const head: Leg[] = start ? [{ from: start, to: self, route: 'microsoft-backbone' }] : [];
  const base = {
    id: `connector:${connector.id}`,
    kind: 'connector' as const,
    from: start ?? self,
    subject: { kind: 'connector' as const, id: connector.id },
    expected: expectedOf(connector.via?.text),
  };
  const info = catalogConnector(connector);
  const serviceName = info?.displayName ?? connector.type?.text ?? connector.id;
  const target = connectorTarget(connector);
  const via = connector.via?.text;
  const delegated = delegatedFlow(topology, connector, base, head, self, serviceName, target);
  if (delegated) return delegated;
  if (target === 'microsoft') {
    // The service runs next to the environment: the connector's own node stands for it.
    return {
      ...base,
      to: self,
      route: 'microsoft-backbone',
      legs: head,
      source: sourceUrl('arch'),
      reason:
        `Connector ${connector.id} reaches ${serviceName}, a Microsoft service, inside Microsoft's datacenters: neither ExpressRoute nor the public internet carries it.` +
        expectation(via, 'microsoft-backbone'),
    };
  }
  if (target === 'third-party') {
    const service: Hop = { kind: 'service', name: serviceName };
    return {
      ...base,
      to: service,
      route: 'internet',
      legs: [...head, { from: self, to: service, route: 'internet' }],
      source: sourceUrl('arch'),
      reason:
        `Connector ${connector.id} reaches ${serviceName}, which Microsoft does not run, from Microsoft's datacenters over the public internet; ExpressRoute cannot carry this traffic.` +
        expectation(via, 'internet'),
    };
  }
  if (target === undefined) {
    return {
      ...base,
      to: self,
      route: 'unknown',
      legs: head.map((leg) => ({ ...leg, route: 'unknown' })),
      source: sourceUrl('arch'),
      reason: `Connector ${connector.id} has type ${connector.type?.text ?? '(none)'}, which the catalog does not know, and no target, so where its traffic goes cannot be told. Write target: on-premises, microsoft or third-party.`,
    };
  }
  return onPremisesFlow(topology, connector, base, head, self);
}

/** "West Europe and North Europe", the regions of a policy's subnets. */
function policyRegionWords(topology: Topology, connector: Connector): string {
  const policy = connectorPolicy(topology, connector);
  const names = policy ? policyRegions(policy).map((id) => azureRegionById(id)?.displayName ?? id) : [];
  return names.length ? ` in ${listWords(names)}` : '';
}

/**
 * A connector of a delegated environment whose type runs in the delegated subnet: to on-premises over
 * the private peering of a circuit that links the policy's virtual network to a site (`via: vnet`),
 * to a service outside Microsoft out of the virtual network, to a Microsoft service from the subnet
 * (`via: vnet`, over its private endpoint). `undefined` for every other connector.
 */
function delegatedFlow(
  topology: Topology,
  connector: Connector,
  base: Pick<Flow, 'id' | 'kind' | 'from' | 'subject' | 'expected'>,
  head: Leg[],
  self: Hop,
  serviceName: string,
  target: ReturnType<typeof connectorTarget>,
): Flow | undefined {
  const via = connector.via?.text;
  const source = sourceUrl('vnet-support');
  const route = target === 'on-premises' ? vnetRoute(topology, connector) : undefined;
  if (route) {
    const subnet = entityHop('enterprisePolicy', route.policy.id);
    const { circuit, site } = route.links[0];
    const vnets = route.links.filter((l) => l.circuit === circuit).map((l) => l.vnet);
    const edge = entityHop('circuit', circuit.id);
    const to = entityHop('site', site.id);
    return {
      ...base,
      to,
      route: 'virtual-network',
      circuit: circuit.id,
      legs: [...head, { from: self, to: subnet, route: 'virtual-network' }, { from: subnet, to: edge, route: 'virtual-network' }, { from: edge, to, route: 'virtual-network' }],
      source,
      reason:
        `Connector ${connector.id} runs its calls in the delegated subnet of enterprise policy ${route.policy.id}${policyRegionWords(topology, connector)} and reaches its on-premises source at site ${site.id}` +
        ` over the private peering of circuit ${circuit.id}, which links virtual network${vnets.length > 1 ? 's' : ''} ${listWords(vnets)}: no data gateway, and not Microsoft peering.`,
    };
  }
  if (!runsInSubnet(topology, connector)) return undefined;
  const policy = connectorPolicy(topology, connector)!;
  const subnet = entityHop('enterprisePolicy', policy.id);
  const inSubnet = `Connector ${connector.id} runs its calls in the delegated subnet of enterprise policy ${policy.id}${policyRegionWords(topology, connector)}`;
  if (target === 'third-party') {
    const service: Hop = { kind: 'service', name: serviceName };
    return {
      ...base,
      to: service,
      route: 'internet',
      legs: [...head, { from: self, to: subnet, route: 'virtual-network' }, { from: subnet, to: service, route: 'internet' }],
      source,
      reason: `${inSubnet}, so its calls to ${serviceName}, which Microsoft does not run, leave to the internet through your virtual network, under its route tables, network security groups and NAT gateway or firewall.` + (via === 'vnet' ? '' : expectation(via, 'internet')),
    };
  }
  if (target === 'microsoft' && via === 'vnet') {
    return {
      ...base,
      to: subnet,
      route: 'virtual-network',
      legs: [...head, { from: self, to: subnet, route: 'virtual-network' }],
      source,
      reason: `${inSubnet} and reaches ${serviceName} from your virtual network, over the service's private endpoint there.`,
    };
  }
  return undefined;
}

function onPremisesFlow(
  topology: Topology,
  connector: Connector,
  base: Pick<Flow, 'id' | 'kind' | 'from' | 'subject' | 'expected'>,
  head: Leg[],
  self: Hop,
): Flow {
  const via = connector.via?.text;
  const source = sourceUrl('gw-comm');
  const gatewayId = connector.gateway?.text;
  const gateway = gatewayId !== undefined ? topology.gateways.get(gatewayId) : undefined;
  // Service Bus passes the gateway's data on to the connector.
  const toServiceBus: Leg = { from: SERVICE_BUS, to: self, route: 'microsoft-backbone' };
  if (!gateway) {
    const why =
      gatewayId === undefined
        ? 'names no gateway, and an on-premises source is reachable only through an on-premises data gateway, with or without ExpressRoute'
        : `names gateway ${gatewayId}, which the file does not define`;
    return {
      ...base,
      to: self,
      route: 'no-route',
      legs: [...head, { ...toServiceBus, route: 'no-route' }],
      source: sourceUrl('pa-gateways'),
      reason: `Connector ${connector.id} cannot reach its on-premises source: it ${why}.`,
    };
  }
  const to = entityHop('gateway', gateway.id);
  const siteId = gateway.site?.text;
  const site = siteId !== undefined ? topology.sites.get(siteId) : undefined;
  const azure = gateway.region && findAzureRegion(gateway.region.text);
  const who = `Connector ${connector.id} reaches its on-premises source through gateway ${gateway.id}, which connects out to Azure Service Bus`;
  const unknown = (why: string): Flow => ({
    ...base,
    to,
    route: 'unknown',
    legs: [...head, { ...toServiceBus, route: 'unknown' }, { from: SERVICE_BUS, to, route: 'unknown' }],
    source,
    reason: `${who} by a route that cannot be told: ${why}.`,
  });
  if (siteId === undefined) return unknown(`gateway ${gateway.id} names no site`);
  if (!azure) return unknown(`gateway ${gateway.id} names no Azure region the catalog knows`);
  const through = crossing(topology, microsoftPeeringCircuitsAtSite(topology, siteId), [azure]);
  if (through.route === 'unknown') return unknown(through.why);
  // The gateway opens the connection (outbound only), so its legs run from the site towards Service Bus.
  const tail = (route: RouteKind, circuit?: Circuit): Leg[] => [...head, toServiceBus, ...crossingLegs(to, SERVICE_BUS, route, circuit)];
  if (through.route === 'expressroute') {
    return {
      ...base,
      to,
      route: 'expressroute',
      circuit: through.circuit.id,
      legs: tail('expressroute', through.circuit),
      source,
      reason: `${who} in ${azure.displayName} over ExpressRoute circuit ${through.circuit.id}, whose route filter carries ${describeRegionCommunity(azure)}.` + expectation(via, 'expressroute'),
    };
  }
  const why = through.why.length ? listWords(through.why) : `site ${siteId} has no circuit with Microsoft peering`;
  const route = internetFallback(site);
  return {
    ...base,
    to,
    route,
    legs: tail(route),
    source,
    reason:
      (route === 'internet'
        ? `${who} in ${azure.displayName} over the public internet: ${why}.`
        : `Connector ${connector.id} cannot reach its on-premises source: gateway ${gateway.id} must connect out to Azure Service Bus in ${azure.displayName}, but ${why}, and site ${siteId} blocks the internet.`) +
      expectation(via, route),
  };
}

// ---- Desktop flows ----

function desktopFlow(topology: Topology, flow: DesktopFlow): Flow {
  const from = entityHop('desktopFlow', flow.id);
  const environmentId = flow.environment?.text;
  const environment = environmentId !== undefined ? topology.environments.get(environmentId) : undefined;
  const siteId = flow.site?.text;
  const site = siteId !== undefined ? topology.sites.get(siteId) : undefined;
  const base = { id: `desktop-flow:${flow.id}`, kind: 'desktop-flow' as const, from, to: RELAY, subject: { kind: 'desktopFlow' as const, id: flow.id }, source: sourceUrl('pad-arch') };
  const legs = (route: RouteKind, circuit?: Circuit): Leg[] => crossingLegs(from, RELAY, route, circuit);
  const who = `The machine of desktop flow ${flow.id}${siteId !== undefined ? ` at site ${siteId}` : ''} reaches Azure Relay`;
  /** `why` says why relay: expressroute does not hold, when it is written. */
  const fallback = (why?: string): Flow => {
    const route = internetFallback(site);
    const written = why ? `relay: expressroute is written, but ${why}` : flow.relay ? 'relay: internet' : 'relay is internet by default';
    return {
      ...base,
      route,
      legs: legs(route),
      reason:
        route === 'internet'
          ? `${who} over the public internet (${written}).`
          : `Desktop flow ${flow.id} cannot reach Azure Relay: it relays over the internet (${written}), and site ${siteId} blocks the internet.`,
    };
  };
  if (relayOf(flow) !== 'expressroute') return fallback();
  const unknown = (why: string): Flow => ({ ...base, route: 'unknown', legs: legs('unknown'), reason: `${who} by a route that cannot be told: ${why}.` });
  if (siteId === undefined) return unknown(`desktop flow ${flow.id} names no site`);
  const region = environment && regionOf(environment);
  if (!environment || !region) return unknown(environment ? unknownRegionWhy(environment) : `desktop flow ${flow.id} names no environment the file defines`);
  const regions = datacenterRegions(environment);
  const through = crossing(topology, microsoftPeeringCircuitsAtSite(topology, siteId), regions);
  if (through.route === 'unknown') return unknown(through.why);
  if (through.route === 'expressroute') {
    return {
      ...base,
      route: 'expressroute',
      circuit: through.circuit.id,
      legs: legs('expressroute', through.circuit),
      reason: `${who} over ExpressRoute circuit ${through.circuit.id} (relay: expressroute), whose route filter carries ${listWords(regions.map(describeRegionCommunity))}, the datacenter regions of environment ${environment.id}.`,
    };
  }
  const why = through.why.length ? listWords(through.why) : `site ${siteId} has no circuit with Microsoft peering`;
  return fallback(`${why}; ExpressRoute carries the relay only over a circuit whose route filter holds the environment's datacenter regions`);
}

// ---- Azure services ----

/** The first enterprise policy that delegates subnets to an environment of a Power Platform region. */
function delegatingPolicy(topology: Topology, region: PowerPlatformRegion) {
  return [...topology.enterprisePolicies.values()].find((policy) => policyEnvironments(topology, policy).some((e) => environmentRegion(e)?.id === region.id));
}

/** Azure services are used by the environments: those of the geography that holds the service's region, else all. */
function azureServiceFlows(topology: Topology, service: AzureService): Flow[] {
  const usedRegions = new Map<string, PowerPlatformRegion>();
  for (const environment of topology.environments.values()) {
    const region = regionOf(environment);
    if (region) usedRegions.set(region.id, region);
  }
  const azure = service.region && findAzureRegion(service.region.text);
  const holding = azure ? powerPlatformRegionsContaining(azure.id).filter((r) => usedRegions.has(r.id)) : [];
  const regions = holding.length ? holding : [...usedRegions.values()];
  const to = entityHop('azureService', service.id);
  const via = service.via?.text;
  return regions.map((region) => {
    const from: Hop = { kind: 'region', id: region.id };
    const policy = via === 'private-endpoint' ? delegatingPolicy(topology, region) : undefined;
    if (policy) {
      const subnet = entityHop('enterprisePolicy', policy.id);
      return {
        id: `azure-service:${service.id}:${region.id}`,
        kind: 'azure-service' as const,
        from,
        to,
        route: 'virtual-network' as const,
        legs: [
          { from, to: subnet, route: 'virtual-network' as const },
          { from: subnet, to, route: 'virtual-network' as const },
        ],
        subject: { kind: 'azureService' as const, id: service.id },
        expected: 'virtual-network' as const,
        source: sourceUrl('vnet-support'),
        reason:
          `Connectors of the environments in ${region.displayName} that enterprise policy ${policy.id} delegates reach Azure service ${service.id}${azure ? ` in ${azure.displayName}` : ''}` +
          ` from the delegated subnet, over the service's private endpoint in your virtual network (via: private-endpoint).`,
      };
    }
    return {
      id: `azure-service:${service.id}:${region.id}`,
      kind: 'azure-service' as const,
      from,
      to,
      route: 'microsoft-backbone' as const,
      legs: [{ from, to, route: 'microsoft-backbone' as const }],
      subject: { kind: 'azureService' as const, id: service.id },
      expected: expectedOf(via),
      source: sourceUrl('arch' satisfies SourceKey),
      reason:
        `Environments in ${region.displayName} reach Azure service ${service.id}${azure ? ` in ${azure.displayName}` : ''} over Microsoft's backbone; ExpressRoute ends at the edge of Microsoft's network and cannot connect Power Platform to Azure services.` +
        expectation(via, 'microsoft-backbone'),
    };
  });
}
