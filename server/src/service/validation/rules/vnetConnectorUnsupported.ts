import { virtualNetworkConnectors } from '../../catalog/catalog';
import { catalogConnector, connectorVnetSupport } from '../../facts';
import { eachOf, Rule } from '../rule';
import { listWords } from '../../text/words';

export const vnetConnectorUnsupported: Rule = {
  code: 'vnet-connector-unsupported',
  defaultSeverity: 'warning',
  title: 'A connector that does not run in the delegated subnet is expected to go through the virtual network (via: vnet).',
  source: 'vnet-support',
  eachEntity: eachOf('connectors', (connector, { report }) => {
    if (connector.via?.text !== 'vnet' || connectorVnetSupport(connector) !== 'unsupported') return;
    const name = catalogConnector(connector)?.displayName ?? connector.type?.text ?? connector.id;
    report({
      at: connector.via.node,
      message:
        `Connector ${connector.id} (${name}) is expected to run through the delegated subnet (via: vnet), but ${name} is not among the connectors that Virtual Network support runs there` +
        ` (${listWords(virtualNetworkConnectors().map((c) => c.displayName))}), so its calls do not go through your virtual network.` +
        ` Remove via, and reach the source as this connector allows (a data gateway for an on-premises source).`,
    });
  }),
};
