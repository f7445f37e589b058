import { Rule } from '../rule';
import { microsoftPeeringCircuitsAtSite } from '../../facts';
import { desktopFlowRoutes } from '../../traffic';

export const relayPublicInternet: Rule = {
  code: 'relay-public-internet',
  defaultSeverity: 'info',
  title: 'A desktop flow reaches Azure Relay over the public internet.',
  source: 'pad-arch',
  check({ topology, report }) {
    for (const { flow, route, site, cause } of desktopFlowRoutes(topology)) {
      // A blocked site is relay-blocked's case (no route).
      if (route !== 'internet' || cause.kind !== 'relay-internet' || !site) continue;
      const peering = microsoftPeeringCircuitsAtSite(topology, site.id)[0];
      const relay = flow.relay ? 'relay: internet' : 'relay is internet by default';
      report({
        at: flow.relay?.node ?? flow.key,
        message:
          `Desktop flow ${flow.id} reaches Azure Relay over the public internet from site ${site.id} (${relay}): the connection is encrypted, but it leaves your network through the internet edge.` +
          (peering
            ? ` Circuit ${peering.id} gives ${site.id} Microsoft peering: routing *.servicebus.windows.net over it (relay: expressroute) would keep this traffic private.`
            : ` A circuit with Microsoft peering at ${site.id} (relay: expressroute) would keep this traffic private.`),
      });
    }
  },
};
