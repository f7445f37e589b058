import { replaceValueFix } from './shared/edits';
import { Rule } from '../rule';

export const expressrouteAzureServices: Rule = {
  code: 'expressroute-azure-services',
  defaultSeverity: 'error',
  title: 'An Azure service is expected to be reached over ExpressRoute, which cannot connect Power Platform to Azure services.',
  source: 'arch',
  check({ topology, report }) {
    const delegated = topology.enterprisePolicies.size > 0;
    for (const service of topology.azureServices.values()) {
      if (service.via?.text !== 'expressroute') continue;
      report({
        at: service.via.node,
        message:
          `Azure service ${service.id} is expected to be reached over ExpressRoute, but your circuit cannot carry traffic between Power Platform and Azure services:` +
          ` the circuit ends at the edge of Microsoft's network, and Power Platform reaches Azure services across Microsoft's own backbone.` +
          (delegated
            ? ` Set via: private-endpoint when the connectors of a delegated environment reach it over a private endpoint in your virtual network (Virtual Network support), else via: microsoft-backbone.`
            : ` Set via: microsoft-backbone (or public when the service is called on its public endpoint; private-endpoint when environments with Virtual Network support reach it over a private endpoint).`),
        data: { delegated },
      });
    }
  },
  fixes: ({ diagnostic }) => {
    const backbone = replaceValueFix(diagnostic, 'Set via: microsoft-backbone', 'microsoft-backbone');
    const privateEndpoint = replaceValueFix(diagnostic, 'Set via: private-endpoint', 'private-endpoint', false);
    return (diagnostic.data as { delegated?: boolean } | undefined)?.delegated ? [{ ...privateEndpoint, isPreferred: true }, { ...backbone, isPreferred: false }] : [backbone];
  },
};
