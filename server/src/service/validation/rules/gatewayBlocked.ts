import { gatewayRoutes } from '../../traffic';
import { Rule } from '../rule';

export const gatewayBlocked: Rule = {
  code: 'gateway-blocked',
  defaultSeverity: 'error',
  title: 'A gateway sits at a site that blocks the internet and has no circuit with Microsoft peering: it cannot reach Azure Service Bus.',
  source: 'gw-comm',
  check({ topology, report }) {
    for (const { gateway, route, site, cause } of gatewayRoutes(topology)) {
      // No route for want of any circuit with Microsoft peering at the site.
      if (route !== 'no-route' || cause.kind !== 'not-carried' || cause.lacks.length > 0 || !site) continue;
      report({
        at: gateway.key,
        message:
          `Gateway ${gateway.id} is at site ${site.id}, which blocks the internet and has no ExpressRoute circuit with Microsoft peering:` +
          ` the gateway opens its connections outbound to Azure Service Bus in its region, a public Microsoft service, so it has no way out.` +
          ` Allow the gateway's outbound traffic to Azure Service Bus, or connect ${site.id} with a circuit whose Microsoft peering carries the gateway's region.`,
        related: site.internet ? [{ at: site.internet.node, message: `Site ${site.id} blocks the internet.` }] : [],
      });
    }
  },
};
