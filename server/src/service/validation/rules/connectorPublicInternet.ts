import { replaceValueFix } from './shared/edits';
import { Rule } from '../rule';
import { catalogConnector } from '../../facts';
import { connectorRoutes } from '../../traffic';

export const connectorPublicInternet: Rule = {
  code: 'connector-public-internet',
  defaultSeverity: 'warning',
  title: 'A connector to a third-party service is expected to take ExpressRoute, but that traffic uses the public internet.',
  source: 'arch',
  check({ topology, report }) {
    for (const { connector, route, cause, expected } of connectorRoutes(topology)) {
      // A third-party service, reached over the internet (from the delegated subnet or not), where the file expects ExpressRoute.
      if (route !== 'internet' || (cause.kind !== 'third-party' && cause.kind !== 'subnet-to-internet') || expected !== 'expressroute' || !connector.via) continue;
      const info = catalogConnector(connector);
      const service = info?.target === 'third-party' ? info.displayName : undefined;
      report({
        at: connector.via.node,
        message:
          `Connector ${connector.id} is expected to take ExpressRoute, but it calls ${service ? `${service}, ` : ''}a third-party service:` +
          ` Power Platform calls services outside Microsoft from its own datacenters over the public internet, so your circuit never carries this traffic.` +
          ` Set via: internet, and allow Power Platform's outbound addresses on the service's side if it filters them.`,
      });
    }
  },
  fixes: ({ diagnostic }) => [replaceValueFix(diagnostic, 'Set via: internet', 'internet')],
};
