import { setKey } from './shared/edits';
import { Rule } from '../rule';
import { listWords } from '../../text/words';
import { microsoftPeeringCircuitsAtSite } from '../../facts';
import { desktopFlowRoutes } from '../../traffic';

export const relayBlocked: Rule = {
  code: 'relay-blocked',
  defaultSeverity: 'error',
  title: 'A desktop flow relays over the internet from a site that blocks it.',
  source: 'pad-arch',
  check({ topology, report }) {
    for (const { flow, route, site, cause } of desktopFlowRoutes(topology)) {
      if (route !== 'no-route' || cause.kind !== 'relay-internet' || !site) continue;
      const peering = microsoftPeeringCircuitsAtSite(topology, site.id).map((c) => c.id);
      const relay = flow.relay ? 'relay: internet' : 'relay is internet by default';
      report({
        at: flow.relay?.node ?? flow.key,
        message:
          `Desktop flow ${flow.id} reaches Azure Relay over the internet (${relay}), but its machine sits at site ${site.id}, which blocks the internet: the machine cannot reach the relay, so the flow cannot run there.` +
          (peering.length
            ? ` ${peering.length > 1 ? 'Circuits' : 'Circuit'} ${listWords(peering)} ${peering.length > 1 ? 'give' : 'gives'} ${site.id} Microsoft peering: route Azure Relay (*.servicebus.windows.net) over it and set relay: expressroute.`
            : ` Allow outbound HTTPS to *.servicebus.windows.net from ${site.id}, or give the site a circuit with Microsoft peering and set relay: expressroute.`),
        related: [{ at: site.internet?.node ?? site.key, message: `Site ${site.id} blocks the internet.` }],
        data: { flow: flow.id, expressroute: peering.length > 0 },
      });
    }
  },
  fixes({ topology, document, diagnostic }) {
    const { flow: id, expressroute } = diagnostic.data as { flow: string; expressroute: boolean };
    const flow = topology.desktopFlows.get(id);
    if (!flow || !expressroute) return [];
    return [{ title: 'Set relay: expressroute (over the site\'s Microsoft peering)', edits: [setKey(document, flow, 'relay', 'expressroute')], isPreferred: true }];
  },
};
