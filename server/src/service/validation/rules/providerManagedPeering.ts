import { deployedOf, deploymentOf } from '../../facts';
import { Rule } from '../rule';

export const providerManagedPeering: Rule = {
  code: 'provider-managed-peering',
  defaultSeverity: 'info',
  title: 'The design gives a circuit Microsoft peering that Azure does not show: a Layer 3 provider may configure it on its side, where ppnet cannot compare it.',
  source: 'er-workflows',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    const deployment = deploymentOf(topology, deployed);
    for (const circuit of topology.circuits.values()) {
      const resource = deployedOf(deployment, circuit);
      if (!resource || !circuit.microsoftPeering || resource.microsoftPeering) continue;
      report({
        at: circuit.microsoftPeering.key,
        message:
          `Azure shows no Microsoft peering on circuit ${circuit.id}${resource.serviceProviderName ? ` (provider ${resource.serviceProviderName})` : ''}: a provider that manages Layer 3 configures peering on its side, where the export does not show it, so ppnet cannot compare the design's prefixes and route filter with it.` +
          ' Ask the provider for them, or configure Microsoft peering in Azure if the provider offers only Layer 2.',
      });
    }
  },
};
