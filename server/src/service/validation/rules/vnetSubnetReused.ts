import { Cidr, overlaps, parseCidr } from '../../syntax/cidr';
import { DelegatedSubnet, EnterprisePolicy } from '../../model/model';
import { Rule } from '../rule';

interface Placed {
  policy: EnterprisePolicy;
  subnet: DelegatedSubnet;
  vnet: string;
  cidr: Cidr;
}

/** Every subnet with a virtual network and a valid range, in file order (others are the schema's and invalid-prefix's). */
function placedSubnets(policies: Iterable<EnterprisePolicy>): Placed[] {
  const placed: Placed[] = [];
  for (const policy of policies) {
    for (const subnet of policy.subnets?.items ?? []) {
      const parsed = subnet.cidr && parseCidr(subnet.cidr.text);
      // Azure names virtual networks without regard to case.
      if (subnet.vnet && parsed && parsed.ok) placed.push({ policy, subnet, vnet: subnet.vnet.text.trim().toLowerCase(), cidr: parsed.cidr });
    }
  }
  return placed;
}

export const vnetSubnetReused: Rule = {
  code: 'vnet-subnet-reused',
  defaultSeverity: 'error',
  title: 'Two enterprise policies delegate the same subnet; each policy needs subnets of its own.',
  source: 'vnet-support',
  check({ topology, report }) {
    const placed = placedSubnets(topology.enterprisePolicies.values());
    placed.forEach((later, index) => {
      // Subnets of one virtual network never overlap, so an overlapping range in the same network is the same subnet.
      const earlier = placed.slice(0, index).find((p) => p.policy !== later.policy && p.vnet === later.vnet && overlaps(p.cidr, later.cidr));
      if (!earlier) return;
      const same = earlier.subnet.cidr!.text.trim() === later.subnet.cidr!.text.trim();
      report({
        at: later.subnet.cidr!.node,
        message:
          `Enterprise policy ${later.policy.id} delegates ${later.subnet.cidr!.text} of virtual network ${later.subnet.vnet!.text}, ` +
          (same ? 'the subnet' : `which overlaps ${earlier.subnet.cidr!.text}, the subnet`) +
          ` enterprise policy ${earlier.policy.id} already delegates (subnets of one virtual network cannot overlap, so it is the same subnet):` +
          ` a delegated subnet can serve only one enterprise policy. Give ${later.policy.id} a subnet of its own, a range of ${later.subnet.vnet!.text} no other subnet uses or one in another virtual network,` +
          ` or link ${later.policy.id}'s environments to ${earlier.policy.id} instead.`,
        related: [{ at: earlier.subnet.cidr!.node, message: `Subnet of enterprise policy ${earlier.policy.id}.` }],
      });
    });
  },
};
