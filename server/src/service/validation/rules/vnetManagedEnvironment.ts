import { replaceValueFix } from './shared/edits';
import { managedOf } from '../../model/model';
import { eachOf, Rule } from '../rule';

export const vnetManagedEnvironment: Rule = {
  code: 'vnet-managed-environment',
  defaultSeverity: 'warning',
  title: 'An environment linked to an enterprise policy is not a Managed Environment.',
  source: 'vnet-setup',
  eachEntity: eachOf('environments', (environment, { report }) => {
    if (!environment.enterprisePolicy || !environment.managed || managedOf(environment) !== false) return;
    report({
      at: environment.managed.node,
      message:
        `Environment ${environment.id} is linked to enterprise policy ${environment.enterprisePolicy.text} but is not a Managed Environment (managed: false):` +
        ` Power Platform links an enterprise policy only to Managed Environments, so its subnets are not delegated to this one.` +
        ` Turn on Managed Environments for it and write managed: true.`,
      related: [{ at: environment.enterprisePolicy.node, message: `Environment ${environment.id} names enterprise policy ${environment.enterprisePolicy.text}.` }],
    });
  }),
  fixes: ({ diagnostic }) => [replaceValueFix(diagnostic, 'Set managed: true', 'true')],
};
