/**
 * A connector's calls: a Microsoft service inside Microsoft's datacenters, a service outside Microsoft
 * over the internet, an on-premises source through its gateway (the gateway's route), and, for a
 * connector of a delegated environment whose type runs in the delegated subnet, through your virtual
 * network (Virtual Network support).
 */
import { catalogConnector, connectorPolicy, connectorTarget, entityFact, privatePeeringLinks, runsInSubnet, Target, vnetPathPolicy, vnetRoute } from '../facts';
import { Connector, Topology } from '../model/model';
import { gatewayRoute } from './gateway';
import { ConnectorRoute, entityHop, Hop, RouteKind } from './route';

/** The route a `via` value names, when it names one. */
export function expectedRoute(via: string | undefined): RouteKind | undefined {
  if (via === 'expressroute') return 'expressroute';
  if (via === 'internet' || via === 'public') return 'internet';
  if (via === 'microsoft-backbone') return 'microsoft-backbone';
  if (via === 'vnet' || via === 'private-endpoint') return 'virtual-network';
  return undefined;
}

type RouteBase = Omit<ConnectorRoute, 'to' | 'route' | 'circuit' | 'cause' | 'unlinkedSubnet'>;

export const connectorRoute = entityFact((topology: Topology, connector: Connector): ConnectorRoute => {
  const environmentId = connector.environment?.text;
  const self = entityHop('connector', connector.id);
  const expected = expectedRoute(connector.via?.text);
  const base: RouteBase = {
    id: `connector:${connector.id}`,
    kind: 'connector',
    from: environmentId !== undefined && topology.environments.has(environmentId) ? entityHop('environment', environmentId) : self,
    subject: { kind: 'connector', id: connector.id },
    ...(expected && { expected }),
    connector,
    serviceName: catalogConnector(connector)?.displayName ?? connector.type?.text ?? connector.id,
  };
  const target = connectorTarget(connector);
  const delegated = delegatedRoute(topology, connector, target, base);
  if (delegated) return delegated;
  // The service runs next to the environment: the connector's own node stands for it.
  if (target === 'microsoft') return { ...base, to: self, route: 'microsoft-backbone', cause: { kind: 'microsoft-service' } };
  if (target === 'third-party') return { ...base, to: serviceHop(base), route: 'internet', cause: { kind: 'third-party' } };
  if (target === undefined) return { ...base, to: self, route: 'unknown', cause: { kind: 'unknown-target' } };
  return onPremisesRoute(topology, connector, base);
});

const serviceHop = (base: RouteBase): Hop => ({ kind: 'service', name: base.serviceName });

/**
 * A connector of a delegated environment whose type runs in the delegated subnet: to on-premises over
 * the private peering of a circuit that links the policy's virtual network to a site (`via: vnet`),
 * to a service outside Microsoft out of the virtual network, to a Microsoft service from the subnet
 * (`via: vnet`, over its private endpoint). `undefined` for every other connector.
 */
function delegatedRoute(topology: Topology, connector: Connector, target: Target | undefined, base: RouteBase): ConnectorRoute | undefined {
  const linked = target === 'on-premises' ? vnetRoute(topology, connector) : undefined;
  if (linked) {
    const { circuit, site } = linked.links[0];
    return { ...base, to: entityHop('site', site.id), route: 'virtual-network', circuit, cause: { kind: 'private-peering', policy: linked.policy, links: linked.links } };
  }
  if (!runsInSubnet(topology, connector)) return undefined;
  const policy = connectorPolicy(topology, connector)!;
  if (target === 'third-party') return { ...base, to: serviceHop(base), route: 'internet', cause: { kind: 'subnet-to-internet', policy } };
  if (target === 'microsoft' && connector.via?.text === 'vnet') {
    return { ...base, to: entityHop('enterprisePolicy', policy.id), route: 'virtual-network', cause: { kind: 'subnet-private-endpoint', policy } };
  }
  return undefined;
}

/** Through the connector's gateway, which takes the gateway's route; without one, no route. */
function onPremisesRoute(topology: Topology, connector: Connector, routeBase: RouteBase): ConnectorRoute {
  const policy = vnetPathPolicy(topology, connector);
  const base = policy && privatePeeringLinks(topology, policy).length === 0 ? { ...routeBase, unlinkedSubnet: policy } : routeBase;
  const gatewayId = connector.gateway?.text;
  const gateway = gatewayId !== undefined ? topology.gateways.get(gatewayId) : undefined;
  if (!gateway) {
    const cause = gatewayId === undefined ? { kind: 'no-gateway' as const } : { kind: 'undefined-gateway' as const, gatewayId };
    return { ...base, to: entityHop('connector', connector.id), route: 'no-route', cause };
  }
  const through = gatewayRoute(topology, gateway);
  return { ...base, to: entityHop('gateway', gateway.id), route: through.route, ...(through.circuit && { circuit: through.circuit }), cause: { kind: 'gateway', gateway: through } };
}
