/**
 * Why each flow takes its route, in a sentence or two of our own words, with the Microsoft page the
 * reason comes from. Reads the decisions (route.ts), decides nothing.
 */
import { describeRegionCommunity, SourceKey, sourceUrl } from '../catalog/catalog';
import { policyRegions, reachBasis, regionNames } from '../facts';
import { EnterprisePolicy, Environment } from '../model/model';
import { listWords, routeSentence } from '../text/words';
import { expectedRoute } from './connector';
import type { AzureServiceRoute, CannotTell, CircuitLack, ConnectorRoute, DesktopFlowRoute, FlowRoute, GatewayRoute, RouteKind, StaticContentRoute, UsersRoute } from './route';

export interface Reason {
  /** Why the flow takes its route, in a sentence or two. */
  reason: string;
  /** The Microsoft page the reason comes from. */
  source: string;
}

export function reasonOf(route: FlowRoute): Reason {
  switch (route.kind) {
    case 'users':
      return usersReason(route);
    case 'static-content':
      return staticContentReason(route);
    case 'connector':
      return connectorReason(route);
    case 'desktop-flow':
      return desktopFlowReason(route);
    case 'azure-service':
      return azureServiceReason(route);
  }
}

const because = (source: SourceKey, reason: string): Reason => ({ reason, source: sourceUrl(source) });

/** " The file expects ExpressRoute (via: expressroute), which this traffic does not take." when the author expects another route. */
function expectation(via: string | undefined, route: RouteKind): string {
  const expected = expectedRoute(via);
  return expected && expected !== route ? ` The file expects ${routeSentence(expected)} (via: ${via}), which this traffic does not take.` : '';
}

// ---- Crossing the Microsoft edge ----

function cannotTellWords(why: CannotTell): string {
  if (why.kind === 'sovereign-cloud') return 'version 1 knows the BGP communities of the public cloud only, so the route from a sovereign cloud cannot be told';
  return `the catalog does not know the BGP community of ${listWords(why.regions.map((r) => r.displayName))}, so whether a route filter carries it cannot be told`;
}

function lackWords(lack: CircuitLack): string {
  const { circuit } = lack;
  if (lack.kind === 'no-microsoft-peering') return `circuit ${circuit.id} has no Microsoft peering`;
  if (lack.kind === 'no-filter-entries') return `circuit ${circuit.id} has no route filter entries, so Microsoft advertises no prefixes over it`;
  const { unreachable, unlisted } = lack;
  const those = (regions: unknown[]) => (regions.length === 1 ? 'that region' : 'those regions');
  const parts: string[] = [];
  if (unreachable.length) {
    const basis = reachBasis(circuit)!;
    parts.push(
      `circuit ${circuit.id}, a ${basis.sku} circuit at ${basis.location.displayName}, cannot reach ${listWords(unreachable.map((r) => r.displayName))}, so Microsoft never advertises ${those(unreachable)} over it`,
    );
  }
  if (unlisted.length) parts.push(`the route filter of circuit ${circuit.id} lacks ${listWords(unlisted.map(describeRegionCommunity))}, so Microsoft does not advertise ${those(unlisted)} over it`);
  return parts.join(', and ');
}

/** What the circuits lack, or that the site has none with Microsoft peering. */
function lacksWords(lacks: readonly CircuitLack[], siteId: string | undefined): string {
  return lacks.length ? listWords(lacks.map(lackWords)) : `site ${siteId} has no circuit with Microsoft peering`;
}

function unknownRegionWhy(environment: Environment): string {
  return environment.region
    ? `environment ${environment.id} names region ${environment.region.text}, which is not a Power Platform region, so the communities it needs are unknown`
    : `environment ${environment.id} names no region, so the communities it needs are unknown`;
}

// ---- Users and canvas static content ----

function usersReason({ site, environment, region, route, cause }: UsersRoute): Reason {
  const who = `Users at site ${site.id} reach environment ${environment.id}`;
  if (cause.kind === 'unknown-region' || cause.kind === 'cannot-tell') {
    const why = cause.kind === 'cannot-tell' ? cannotTellWords(cause.why) : unknownRegionWhy(environment);
    return because('arch', `${who} by a route that cannot be told: ${why}.`);
  }
  if (cause.kind === 'carried') {
    const names = listWords(cause.regions.map(describeRegionCommunity));
    return because('arch', `${who} over ExpressRoute circuit ${cause.circuit.id}: its Microsoft peering route filter carries ${names}, the datacenter regions of ${region!.displayName}.`);
  }
  const why = listWords(cause.lacks.map(lackWords));
  return because(
    'arch',
    route === 'internet'
      ? `${who} over the public internet: ${why}.`
      : `Users at site ${site.id} cannot reach environment ${environment.id}: ${why}, and the site blocks the internet.`,
  );
}

function staticContentReason({ site, environment, route, cause }: StaticContentRoute): Reason {
  if (cause.kind === 'cdn-off') {
    return because(
      'behavior',
      `The CDN is off for environment ${environment.id} (cdn: false): its canvas apps load static content from the environment itself, ` +
        `so the content follows the users' route from site ${site.id}: ${routeSentence(cause.users.route)}.`,
    );
  }
  return because(
    'arch',
    `Canvas apps of environment ${environment.id} load static content from the CDN, which is reached over the public internet only, never over ExpressRoute` +
      (route === 'no-route' ? `; site ${site.id} blocks the internet, so that content does not load there (cdn: false would serve it from the environment).` : '.'),
  );
}

// ---- Connectors ----

/** " in West Europe and North Europe", the regions of a policy's subnets. */
function policyRegionWords(policy: EnterprisePolicy): string {
  const names = regionNames(policyRegions(policy));
  return names.length ? ` in ${listWords(names)}` : '';
}

function connectorReason({ connector, serviceName, route, cause }: ConnectorRoute): Reason {
  const via = connector.via?.text;
  const inSubnet = (policy: EnterprisePolicy) => `Connector ${connector.id} runs its calls in the delegated subnet of enterprise policy ${policy.id}${policyRegionWords(policy)}`;
  switch (cause.kind) {
    case 'microsoft-service':
      return because(
        'arch',
        `Connector ${connector.id} reaches ${serviceName}, a Microsoft service, inside Microsoft's datacenters: neither ExpressRoute nor the public internet carries it.` + expectation(via, route),
      );
    case 'third-party':
      return because(
        'arch',
        `Connector ${connector.id} reaches ${serviceName}, which Microsoft does not run, from Microsoft's datacenters over the public internet; ExpressRoute cannot carry this traffic.` +
          expectation(via, route),
      );
    case 'unknown-target':
      return because(
        'arch',
        `Connector ${connector.id} has type ${connector.type?.text ?? '(none)'}, which the catalog does not know, and no target, so where its traffic goes cannot be told. Write target: on-premises, microsoft or third-party.`,
      );
    case 'private-peering': {
      const { circuit, site } = cause.links[0];
      const vnets = cause.links.filter((l) => l.circuit === circuit).map((l) => l.vnet);
      return because(
        'vnet-support',
        `${inSubnet(cause.policy)} and reaches its on-premises source at site ${site.id}` +
          ` over the private peering of circuit ${circuit.id}, which links virtual network${vnets.length > 1 ? 's' : ''} ${listWords(vnets)}: no data gateway, and not Microsoft peering.`,
      );
    }
    case 'subnet-to-internet':
      return because(
        'vnet-support',
        `${inSubnet(cause.policy)}, so its calls to ${serviceName}, which Microsoft does not run, leave to the internet through your virtual network, under its route tables, network security groups and NAT gateway or firewall.` +
          (via === 'vnet' ? '' : expectation(via, route)),
      );
    case 'subnet-private-endpoint':
      return because('vnet-support', `${inSubnet(cause.policy)} and reaches ${serviceName} from your virtual network, over the service's private endpoint there.`);
    case 'no-gateway':
      return because(
        'pa-gateways',
        `Connector ${connector.id} cannot reach its on-premises source: it names no gateway, and an on-premises source is reachable only through an on-premises data gateway, with or without ExpressRoute.`,
      );
    case 'undefined-gateway':
      return because('pa-gateways', `Connector ${connector.id} cannot reach its on-premises source: it names gateway ${cause.gatewayId}, which the file does not define.`);
    case 'gateway':
      return because('gw-comm', throughGateway(connector.id, via, cause.gateway));
  }
}

function throughGateway(connectorId: string, via: string | undefined, { gateway, route, region, cause }: GatewayRoute): string {
  const who = `Connector ${connectorId} reaches its on-premises source through gateway ${gateway.id}, which connects out to Azure Service Bus`;
  if (cause.kind === 'no-site') return `${who} by a route that cannot be told: gateway ${gateway.id} names no site.`;
  if (cause.kind === 'unknown-region') return `${who} by a route that cannot be told: gateway ${gateway.id} names no Azure region the catalog knows.`;
  if (cause.kind === 'cannot-tell') return `${who} by a route that cannot be told: ${cannotTellWords(cause.why)}.`;
  if (cause.kind === 'carried') {
    return `${who} in ${region!.displayName} over ExpressRoute circuit ${cause.circuit.id}, whose route filter carries ${describeRegionCommunity(region!)}.` + expectation(via, route);
  }
  const siteId = gateway.site?.text;
  const why = lacksWords(cause.lacks, siteId);
  // A gateway at a site without Microsoft peering takes the internet even when its region is unknown.
  const where = region ? ` in ${region.displayName}` : '';
  return (
    (route === 'internet'
      ? `${who}${where} over the public internet: ${why}.`
      : `Connector ${connectorId} cannot reach its on-premises source: gateway ${gateway.id} must connect out to Azure Service Bus${where}, but ${why}, and site ${siteId} blocks the internet.`) +
    expectation(via, route)
  );
}

// ---- Desktop flows ----

function desktopFlowReason({ flow, environment, route, cause }: DesktopFlowRoute): Reason {
  const siteId = flow.site?.text;
  const who = `The machine of desktop flow ${flow.id}${siteId !== undefined ? ` at site ${siteId}` : ''} reaches Azure Relay`;
  /** `why` says why relay: expressroute does not hold, when it is written. */
  const fallback = (why?: string) => {
    const written = why ? `relay: expressroute is written, but ${why}` : flow.relay ? 'relay: internet' : 'relay is internet by default';
    return route === 'internet'
      ? `${who} over the public internet (${written}).`
      : `Desktop flow ${flow.id} cannot reach Azure Relay: it relays over the internet (${written}), and site ${siteId} blocks the internet.`;
  };
  const unknown = (why: string) => `${who} by a route that cannot be told: ${why}.`;
  switch (cause.kind) {
    case 'relay-internet':
      return because('pad-arch', fallback());
    case 'no-site':
      return because('pad-arch', unknown(`desktop flow ${flow.id} names no site`));
    case 'no-environment':
      return because('pad-arch', unknown(`desktop flow ${flow.id} names no environment the file defines`));
    case 'unknown-region':
      return because('pad-arch', unknown(unknownRegionWhy(cause.environment)));
    case 'cannot-tell':
      return because('pad-arch', unknown(cannotTellWords(cause.why)));
    case 'carried':
      return because(
        'pad-arch',
        `${who} over ExpressRoute circuit ${cause.circuit.id} (relay: expressroute), whose route filter carries ${listWords(cause.regions.map(describeRegionCommunity))}, the datacenter regions of environment ${environment!.id}.`,
      );
    case 'not-carried':
      return because(
        'pad-arch',
        fallback(`${lacksWords(cause.lacks, siteId)}; ExpressRoute carries the relay only over a circuit whose route filter holds the environment's datacenter regions`),
      );
  }
}

// ---- Azure services ----

function azureServiceReason({ service, region, azure, route, cause }: AzureServiceRoute): Reason {
  const where = azure ? ` in ${azure.displayName}` : '';
  if (cause.kind === 'private-endpoint') {
    return because(
      'vnet-support',
      `Connectors of the environments in ${region.displayName} that enterprise policy ${cause.policy.id} delegates reach Azure service ${service.id}${where}` +
        ` from the delegated subnet, over the service's private endpoint in your virtual network (via: private-endpoint).`,
    );
  }
  return because(
    'arch',
    `Environments in ${region.displayName} reach Azure service ${service.id}${where} over Microsoft's backbone; ExpressRoute ends at the edge of Microsoft's network and cannot connect Power Platform to Azure services.` +
      expectation(service.via?.text, route),
  );
}
