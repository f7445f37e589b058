import { Rule } from '../rule';
import { catalogConnector } from '../../facts';
import { connectorRoutes } from '../../traffic';
import { routeSentence } from '../../text/words';

export const connectorMicrosoftBackbone: Rule = {
  code: 'connector-microsoft-backbone',
  defaultSeverity: 'info',
  title: 'A connector to a Microsoft service names a route, but that traffic stays inside Microsoft\'s datacenters.',
  source: 'arch',
  check({ topology, report }) {
    for (const { connector, cause, expected } of connectorRoutes(topology)) {
      // A Microsoft service, reached inside Microsoft's datacenters, where the file expects ExpressRoute or the internet.
      if (cause.kind !== 'microsoft-service' || (expected !== 'expressroute' && expected !== 'internet') || !connector.via) continue;
      const route = routeSentence(expected);
      const info = catalogConnector(connector);
      const service = info?.target === 'microsoft' ? info.displayName : undefined;
      report({
        at: connector.via.node,
        message:
          `Connector ${connector.id} is expected to take ${route}, but it connects to ${service ? `${service}, ` : ''}a Microsoft service:` +
          ` Power Platform reaches it inside Microsoft's datacenters, so the traffic takes neither your ExpressRoute circuit nor the public internet. Remove via.`,
      });
    }
  },
};
