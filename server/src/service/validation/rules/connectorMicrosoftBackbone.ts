import { Rule } from '../rule';
import { catalogConnector, connectorTarget } from '../../facts';

const ROUTE_WORDS = new Map([
  ['expressroute', 'ExpressRoute'],
  ['internet', 'the public internet'],
]);

export const connectorMicrosoftBackbone: Rule = {
  code: 'connector-microsoft-backbone',
  defaultSeverity: 'info',
  title: 'A connector to a Microsoft service names a route, but that traffic stays inside Microsoft\'s datacenters.',
  source: 'arch',
  check({ topology, report }) {
    for (const connector of topology.connectors.values()) {
      const route = connector.via && ROUTE_WORDS.get(connector.via.text);
      if (!connector.via || !route || connectorTarget(connector) !== 'microsoft') continue;
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
