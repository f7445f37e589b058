import { replaceValueFix } from '../edits';
import { Rule } from '../rule';

export const expressrouteAzureServices: Rule = {
  code: 'expressroute-azure-services',
  defaultSeverity: 'error',
  title: 'An Azure service is expected to be reached over ExpressRoute, which cannot connect Power Platform to Azure services.',
  source: 'arch',
  check({ topology, report }) {
    for (const service of topology.azureServices.values()) {
      if (service.via?.text !== 'expressroute') continue;
      report({
        at: service.via.node,
        message:
          `Azure service ${service.id} is expected to be reached over ExpressRoute, but your circuit cannot carry traffic between Power Platform and Azure services:` +
          ` the circuit ends at the edge of Microsoft's network, and Power Platform reaches Azure services across Microsoft's own backbone.` +
          ` Set via: microsoft-backbone (or public when the service is called on its public endpoint).`,
      });
    }
  },
  fixes: ({ diagnostic }) => [replaceValueFix(diagnostic, 'Set via: microsoft-backbone', 'microsoft-backbone')],
};
