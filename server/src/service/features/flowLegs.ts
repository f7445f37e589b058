/**
 * The stretches the preview draws for each flow, from the flow's decided route and cause: through the
 * circuit that carries it, across the internet, through Azure Service Bus or Relay, through a delegated
 * subnet. Drawing only: the route of each stretch follows from the flow's, never decided here.
 */
import { Circuit } from '../model/model';
import { ConnectorRoute, entityHop, FlowRoute, Hop, INTERNET, RouteKind, SERVICE_BUS } from '../traffic';

/** One stretch of a flow's path, with the route that stretch takes. */
export interface Leg {
  from: Hop;
  to: Hop;
  route: RouteKind;
}

export function legsOf(flow: FlowRoute): Leg[] {
  switch (flow.kind) {
    case 'users':
    case 'desktop-flow':
      return crossingLegs(flow.from, flow.to, flow.route, flow.circuit);
    case 'static-content':
      return flow.cause.kind === 'cdn-off' ? legsOf(flow.cause.users) : [{ from: flow.from, to: flow.to, route: flow.route }];
    case 'connector':
      return connectorLegs(flow);
    case 'azure-service': {
      if (flow.cause.kind === 'backbone') return [{ from: flow.from, to: flow.to, route: flow.route }];
      const subnet = entityHop('enterprisePolicy', flow.cause.policy.id);
      return [
        { from: flow.from, to: subnet, route: flow.route },
        { from: subnet, to: flow.to, route: flow.route },
      ];
    }
  }
}

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

function connectorLegs(flow: ConnectorRoute): Leg[] {
  const self = entityHop('connector', flow.connector.id);
  // From the environment to the connector, when the file defines the environment.
  const head: Leg[] = flow.from.kind === 'entity' && flow.from.entity === 'environment' ? [{ from: flow.from, to: self, route: 'microsoft-backbone' }] : [];
  const { cause, route } = flow;
  switch (cause.kind) {
    case 'microsoft-service':
      return head;
    case 'unknown-target':
      return head.map((leg) => ({ ...leg, route: 'unknown' }));
    case 'third-party':
      return [...head, { from: self, to: flow.to, route }];
    case 'private-peering': {
      const subnet = entityHop('enterprisePolicy', cause.policy.id);
      const edge = entityHop('circuit', cause.links[0].circuit.id);
      return [...head, { from: self, to: subnet, route }, { from: subnet, to: edge, route }, { from: edge, to: flow.to, route }];
    }
    case 'subnet-to-internet': {
      const subnet = entityHop('enterprisePolicy', cause.policy.id);
      return [...head, { from: self, to: subnet, route: 'virtual-network' }, { from: subnet, to: flow.to, route: 'internet' }];
    }
    case 'subnet-private-endpoint':
      return [...head, { from: self, to: flow.to, route }];
    case 'no-gateway':
    case 'undefined-gateway':
      // Service Bus would pass the gateway's data on to the connector.
      return [...head, { from: SERVICE_BUS, to: self, route: 'no-route' }];
    case 'gateway': {
      // The gateway opens the connection (outbound only), so its legs run from the site towards Service Bus.
      if (route === 'unknown') return [...head, { from: SERVICE_BUS, to: self, route }, { from: SERVICE_BUS, to: flow.to, route }];
      return [...head, { from: SERVICE_BUS, to: self, route: 'microsoft-backbone' }, ...crossingLegs(flow.to, SERVICE_BUS, route, flow.circuit)];
    }
  }
}
