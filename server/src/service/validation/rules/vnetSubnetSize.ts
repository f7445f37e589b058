import { RESERVED_SUBNET_ADDRESSES } from '../../catalog/catalog';
import { formatCidr } from '../../syntax/cidr';
import { replaceValueFix } from './shared/edits';
import { addressesNeeded, prefixFitting, subnetCidr, usableAddresses } from '../../facts';
import { EnterprisePolicy } from '../../model/model';
import { eachOf, Rule, RuleContext } from '../rule';
import { listWords } from '../../text/words';

export const vnetSubnetSize: Rule = {
  code: 'vnet-subnet-size',
  defaultSeverity: 'warning',
  title: "A delegated subnet has fewer usable addresses than Microsoft's estimate for the environments of its policy.",
  source: 'vnet-support',
  eachEntity: eachOf('enterprisePolicies', (policy, { topology, report }) => {
    unequalSubnets(policy, report);
    const { total, environments } = addressesNeeded(topology, policy);
    if (total === 0) return;
    const length = prefixFitting(total);
    const parts = listWords(environments.map((e) => `${e.addresses} for ${e.type} environment ${e.environment.id}`));
    for (const subnet of policy.subnets?.items ?? []) {
      const cidr = subnetCidr(subnet);
      if (!cidr || !subnet.cidr || usableAddresses(cidr) >= total) continue;
      const wider = formatCidr({ ...cidr, length, network: cidr.network & ~((1n << BigInt(32 - length)) - 1n) });
      report({
        at: subnet.cidr.node,
        message:
          `${subnet.cidr.text} leaves ${usableAddresses(cidr)} usable addresses (Azure keeps ${RESERVED_SUBNET_ADDRESSES} of every subnet), but the environments of enterprise policy ${policy.id} may need ${total} at once (${parts}, Microsoft's upper estimates):` +
          ` Power Platform gives each container it runs for an environment an address of the delegated subnet, and the range cannot grow while the subnet is in use.` +
          ` Use a /${length} (${2 ** (32 - length) - RESERVED_SUBNET_ADDRESSES} usable addresses) or wider, such as ${wider}.`,
        data: { replacement: wider },
      });
    }
  }),
  fixes: ({ diagnostic }) => {
    const { replacement } = diagnostic.data as { replacement: string };
    return [replaceValueFix(diagnostic, `Widen the subnet to ${replacement}`, replacement)];
  },
};

/**
 * The setup page asks that a policy's subnets offer the same number of addresses (the environment moves
 * between its regions' subnets): each IPv4 subnet smaller than the largest is reported, with that size.
 */
function unequalSubnets(policy: EnterprisePolicy, report: RuleContext['report']): void {
  const sized = (policy.subnets?.items ?? []).flatMap((subnet) => {
    const cidr = subnetCidr(subnet);
    return cidr && subnet.cidr ? [{ subnet, cidr, field: subnet.cidr }] : [];
  });
  if (sized.length < 2) return;
  const largest = sized.reduce((a, b) => (b.cidr.length < a.cidr.length ? b : a));
  for (const { cidr, field } of sized) {
    if (cidr.length === largest.cidr.length) continue;
    const length = largest.cidr.length;
    const wider = formatCidr({ ...cidr, length, network: cidr.network & ~((1n << BigInt(32 - length)) - 1n) });
    report({
      at: field.node,
      message:
        `The subnets of enterprise policy ${policy.id} differ in size: ${field.text} leaves ${usableAddresses(cidr)} usable addresses, ${largest.field.text} (${largest.subnet.region?.text ?? 'another subnet'}) ${usableAddresses(largest.cidr)}.` +
        ` Microsoft asks that the subnets of one policy offer the same number of addresses, since an environment runs in either region's subnet, as it fails over between them. Make this one a /${length} too, such as ${wider}.`,
      related: [{ at: largest.field.node, message: `The largest subnet of enterprise policy ${policy.id}.` }],
      data: { replacement: wider },
    });
  }
}
