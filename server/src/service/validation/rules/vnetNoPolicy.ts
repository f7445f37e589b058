import { setKey } from './shared/edits';
import { environmentOfConnector } from '../../facts';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

export const vnetNoPolicy: Rule = {
  code: 'vnet-no-policy',
  defaultSeverity: 'error',
  title: 'A connector is expected to go through the virtual network (via: vnet), but its environment has no enterprise policy.',
  source: 'vnet-setup',
  check({ topology, report }) {
    const policies = [...topology.enterprisePolicies.keys()];
    for (const connector of topology.connectors.values()) {
      const environment = environmentOfConnector(topology, connector);
      if (connector.via?.text !== 'vnet' || !environment || environment.enterprisePolicy) continue;
      report({
        at: connector.via.node,
        message:
          `Connector ${connector.id} is expected to run through a delegated subnet (via: vnet), but its environment ${environment.id} names no enterprise policy:` +
          ` without one, no subnet of yours is delegated to the environment, and its connectors run in Microsoft's shared network.` +
          (policies.length
            ? ` Link the environment to a policy with enterprisePolicy: ${listWords(policies, 'or')}.`
            : ' Add an enterprise policy under enterprisePolicies and name it with enterprisePolicy on the environment.'),
        data: { environment: environment.id, policies },
      });
    }
  },
  fixes({ topology, document, diagnostic }) {
    const { environment: id, policies } = diagnostic.data as { environment: string; policies: string[] };
    const environment = topology.environments.get(id);
    if (!environment) return [];
    return policies.map((policy, index) => ({
      title: `Set enterprisePolicy: ${policy} on environment ${id}`,
      edits: [setKey(document, environment, 'enterprisePolicy', policy)],
      isPreferred: index === 0 && policies.length === 1,
    }));
  },
};
