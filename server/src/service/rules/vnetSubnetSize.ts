import { RESERVED_SUBNET_ADDRESSES } from '../catalog';
import { formatCidr } from '../cidr';
import { replaceValueFix } from '../edits';
import { addressesNeeded, prefixFitting, subnetCidr, usableAddresses } from '../facts';
import { Rule } from '../rule';
import { listWords } from '../text/words';

export const vnetSubnetSize: Rule = {
  code: 'vnet-subnet-size',
  defaultSeverity: 'warning',
  title: "A delegated subnet has fewer usable addresses than Microsoft's estimate for the environments of its policy.",
  source: 'vnet-support',
  check({ topology, report }) {
    for (const policy of topology.enterprisePolicies.values()) {
      const { total, environments } = addressesNeeded(topology, policy);
      if (total === 0) continue;
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
    }
  },
  fixes: ({ diagnostic }) => {
    const { replacement } = diagnostic.data as { replacement: string };
    return [replaceValueFix(diagnostic, `Widen the subnet to ${replacement}`, replacement)];
  },
};
