import { environmentRegion, isEarlyRelease, policyEnvironments } from '../../facts';
import { eachOf, Rule } from '../rule';
import { listWords } from '../../text/words';

export const vnetEarlyReleaseShared: Rule = {
  code: 'vnet-early-release-shared',
  defaultSeverity: 'error',
  title: 'An early release cycle environment shares its enterprise policy with environments of the standard cycle.',
  source: 'vnet-support',
  eachEntity: eachOf('enterprisePolicies', (policy, { topology, report }) => {
    const environments = policyEnvironments(topology, policy);
    const early = environments.filter(isEarlyRelease);
    const others = environments.filter((e) => !early.includes(e));
    if (early.length === 0 || others.length === 0) return;
    for (const environment of early) {
      const why = environment.releaseCycle?.text === 'early' ? 'is on the early release cycle' : `is in ${environmentRegion(environment)?.displayName ?? environment.region!.text}, an early release region`;
      report({
        at: environment.enterprisePolicy!.node,
        message:
          `Environment ${environment.id} ${why}, and enterprise policy ${policy.id} also serves ${listWords(others.map((e) => e.id))}:` +
          ` an early release cycle environment cannot use the same enterprise policy as other environments.` +
          ` Give ${environment.id} an enterprise policy of its own, with its own delegated subnets.`,
        related: others.map((e) => ({ at: e.enterprisePolicy!.node, message: `Environment ${e.id} uses enterprise policy ${policy.id}.` })),
      });
    }
  }),
};
