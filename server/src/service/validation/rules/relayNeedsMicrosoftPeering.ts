import { circuitsAtSite, internetOf } from '../../model/model';
import { Rule } from '../rule';
import { listWords } from '../../text/words';
import { desktopFlowRoutes } from '../../traffic';

export const relayNeedsMicrosoftPeering: Rule = {
  code: 'relay-needs-microsoft-peering',
  defaultSeverity: 'error',
  title: 'A desktop flow relays over ExpressRoute from a site with no Microsoft peering.',
  source: 'how',
  check({ topology, report }) {
    for (const { flow, site, cause } of desktopFlowRoutes(topology)) {
      // relay: expressroute, not carried for want of any circuit with Microsoft peering at the site.
      if (cause.kind !== 'not-carried' || cause.lacks.length > 0 || !site || !flow.relay) continue;
      const circuits = circuitsAtSite(topology, site.id);
      const ids = listWords(circuits.map((c) => c.id));
      const state = circuits.length
        ? `the ${circuits.length > 1 ? 'circuits' : 'circuit'} at site ${site.id} (${ids}) ${circuits.length > 1 ? 'have' : 'has'} no Microsoft peering`
        : `site ${site.id} has no ExpressRoute circuit`;
      const remedy = circuits.length
        ? `Add microsoftPeering to ${circuits.length > 1 ? `one of ${ids}` : ids}`
        : `Connect ${site.id} with a circuit that has Microsoft peering`;
      const fallback = internetOf(site) === 'blocked' ? '' : ', or set relay: internet';
      report({
        at: flow.relay.node,
        message:
          `Desktop flow ${flow.id} is expected to reach Azure Relay over ExpressRoute, but ${state}:` +
          ` Azure Relay is a public Microsoft service, which a circuit carries only over Microsoft peering (private peering reaches your Azure virtual networks only).` +
          ` ${remedy}${fallback}.`,
        related: circuits.map((c) => ({ at: c.key, message: `Circuit ${c.id} has no Microsoft peering.` })),
      });
    }
  },
};
