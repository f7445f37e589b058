import { virtualNetworkTypeSupported } from '../../catalog/catalog';
import { eachOf, Rule } from '../rule';

const TYPE_WORDS: Record<string, string> = { trial: 'a trial environment', teams: 'a Dataverse for Teams environment' };

export const vnetEnvironmentType: Rule = {
  code: 'vnet-environment-type',
  defaultSeverity: 'error',
  title: 'A trial or Teams environment is linked to an enterprise policy; Virtual Network support does not cover them.',
  source: 'vnet-support',
  eachEntity: eachOf('environments', (environment, { report }) => {
    const type = environment.type?.text;
    if (!environment.enterprisePolicy || type === undefined || virtualNetworkTypeSupported(type) !== false) return;
    report({
      at: environment.enterprisePolicy.node,
      message:
        `Environment ${environment.id} is ${TYPE_WORDS[type] ?? `of type ${type}`}, which cannot use Virtual Network support: only production, default, sandbox and developer environments can be linked to an enterprise policy.` +
        ` Link a production or sandbox environment instead, or remove enterprisePolicy (its connectors then need a data gateway to reach on-premises sources).`,
      related: [{ at: environment.type!.node, message: `Environment ${environment.id} is of type ${type}.` }],
    });
  }),
};
