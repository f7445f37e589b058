/**
 * A connector's calls: a Microsoft service inside Microsoft's datacenters, a service outside Microsoft
 * over the internet, an on-premises source through its gateway (the gateway's route), and, for a
 * connector of a delegated environment whose type runs in the delegated subnet, through your virtual
 * network (Virtual Network support).
 */
import { catalogConnector, connectorPolicy, connectorTarget, privatePeeringLinks, sectionFact, runsInSubnet, Target, vnetPathPolicy, vnetRoute } from '../facts';
import { Circuit, Connector, EnterprisePolicy, Topology } from '../model/model';
import { gatewayRoute } from './gateway';
import { ConnectorCause, ConnectorRoute, entityHop, Hop, RouteKind } from './route';

/** The route a `via` value names, when it names one. */
export function expectedRoute(via: string | undefined): RouteKind | undefined {
  if (via === 'expressroute') return 'expressroute';
  if (via === 'internet' || via === 'public') return 'internet';
  if (via === 'microsoft-backbone') return 'microsoft-backbone';
  if (via === 'vnet' || via === 'private-endpoint') return 'virtual-network';
  return undefined;
}

/** A connector's route to `to`, for a cause: what every kind of connector route shares. */
type MakeRoute = (to: Hop, route: RouteKind, cause: ConnectorCause, circuit?: Circuit, unlinkedSubnet?: EnterprisePolicy) => ConnectorRoute;

function decideConnector(topology: Topology, connector: Connector): ConnectorRoute {
  const environmentId = connector.environment?.text;
  const self = entityHop('connector', connector.id);
  const from = environmentId !== undefined && topology.environments.has(environmentId) ? entityHop('environment', environmentId) : self;
  const expected = expectedRoute(connector.via?.text);
  const serviceName = catalogConnector(connector)?.displayName ?? connector.type?.text ?? connector.id;
  const make: MakeRoute = (to, route, cause, circuit, unlinkedSubnet) => ({
    id: `connector:${connector.id}`,
    kind: 'connector',
    from,
    to,
    route,
    circuit,
    subject: { kind: 'connector', id: connector.id },
    expected,
    connector,
    serviceName,
    cause,
    unlinkedSubnet,
  });
  const service: Hop = { kind: 'service', name: serviceName };
  const target = connectorTarget(connector);
  const delegated = delegatedRoute(topology, connector, target, make, service);
  if (delegated) return delegated;
  // The service runs next to the environment: the connector's own node stands for it.
  if (target === 'microsoft') return make(self, 'microsoft-backbone', { kind: 'microsoft-service' });
  if (target === 'third-party') return make(service, 'internet', { kind: 'third-party' });
  if (target === undefined) return make(self, 'unknown', { kind: 'unknown-target' });
  return onPremisesRoute(topology, connector, make);
}

const connectors = sectionFact((topology) => topology.connectors.values(), decideConnector);

/** Every connector's route, in file order. */
export const connectorRoutes = connectors.all;
export const connectorRoute = connectors.of;

/**
 * A connector of a delegated environment whose type runs in the delegated subnet: to on-premises over
 * the private peering of a circuit that links the policy's virtual network to a site (`via: vnet`),
 * to a service outside Microsoft out of the virtual network, to a Microsoft service from the subnet
 * (`via: vnet`, over its private endpoint). `undefined` for every other connector.
 */
function delegatedRoute(topology: Topology, connector: Connector, target: Target | undefined, make: MakeRoute, service: Hop): ConnectorRoute | undefined {
  const linked = target === 'on-premises' ? vnetRoute(topology, connector) : undefined;
  if (linked) {
    const { circuit, site } = linked.links[0];
    return make(entityHop('site', site.id), 'virtual-network', { kind: 'private-peering', policy: linked.policy, links: linked.links }, circuit);
  }
  if (!runsInSubnet(topology, connector)) return undefined;
  const policy = connectorPolicy(topology, connector)!;
  if (target === 'third-party') return make(service, 'internet', { kind: 'subnet-to-internet', policy });
  if (target === 'microsoft' && connector.via?.text === 'vnet') return make(entityHop('enterprisePolicy', policy.id), 'virtual-network', { kind: 'subnet-private-endpoint', policy });
  return undefined;
}

/** Through the connector's gateway, which takes the gateway's route; without one, no route. */
function onPremisesRoute(topology: Topology, connector: Connector, make: MakeRoute): ConnectorRoute {
  const policy = vnetPathPolicy(topology, connector);
  const unlinked = policy && privatePeeringLinks(topology, policy).length === 0 ? policy : undefined;
  const gatewayId = connector.gateway?.text;
  const gateway = gatewayId !== undefined ? topology.gateways.get(gatewayId) : undefined;
  if (!gateway) {
    const cause: ConnectorCause = gatewayId === undefined ? { kind: 'no-gateway' } : { kind: 'undefined-gateway', gatewayId };
    return make(entityHop('connector', connector.id), 'no-route', cause, undefined, unlinked);
  }
  const through = gatewayRoute(topology, gateway);
  return make(entityHop('gateway', gateway.id), through.route, { kind: 'gateway', gateway: through }, through.circuit, unlinked);
}
