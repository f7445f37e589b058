import { virtualNetworkCloudSupported } from '../../catalog/catalog';
import { Rule } from '../rule';

const CLOUD_WORDS: Record<string, string> = { gcc: 'GCC (Government Community Cloud)' };

export const vnetCloudUnsupported: Rule = {
  code: 'vnet-cloud-unsupported',
  defaultSeverity: 'error',
  title: 'An environment uses Virtual Network support in a cloud that does not offer it (GCC).',
  source: 'vnet-support',
  check({ topology, report }) {
    const cloud = topology.cloud;
    if (!cloud || virtualNetworkCloudSupported(cloud.text) !== false) return;
    for (const environment of topology.environments.values()) {
      if (!environment.enterprisePolicy) continue;
      report({
        at: environment.enterprisePolicy.node,
        message:
          `Environment ${environment.id} names enterprise policy ${environment.enterprisePolicy.text}, but this file describes ${CLOUD_WORDS[cloud.text] ?? cloud.text}, where Power Platform offers no Virtual Network support:` +
          ` of the US government clouds, only GCC High and DoD environments can delegate a subnet.` +
          ` Reach on-premises sources through a data gateway instead and remove enterprisePolicy, or set cloud if the environment is in GCC High or DoD.`,
        related: [{ at: cloud.node, message: `The file describes cloud ${cloud.text}.` }],
      });
    }
  },
};
