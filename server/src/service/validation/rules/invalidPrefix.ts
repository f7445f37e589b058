import { formatCidr, parseCidr } from '../../syntax/cidr';
import { ListField } from '../../model/model';
import { Finding, Rule } from '../rule';
import { replaceWithSuggestion } from './shared/suggestionFix';
import type { SuggestionData } from './shared/suggestionFix';

/** Why a prefix is not one, and the prefix meant when that is clear. */
function problemOf(text: string, where: string): Omit<Finding, 'at'> | undefined {
  const parsed = parseCidr(text);
  if (parsed.ok) return undefined;
  switch (parsed.reason) {
    case 'host-bits': {
      const network = formatCidr(parsed.cidr);
      const single = `${text.slice(0, text.indexOf('/'))}/${parsed.cidr.version === 4 ? 32 : 128}`;
      return {
        message:
          `${text} in ${where} has host bits set: a /${parsed.cidr.length} prefix starts at its network address, so routers refuse it or read it as ${network}.` +
          ` Write ${network}, or ${single} for the single address.`,
        data: { replacement: network, alternatives: [single] } satisfies SuggestionData,
      };
    }
    case 'no-length': {
      const single = `${text}/${parsed.version === 4 ? 32 : 128}`;
      return {
        message: `${text} in ${where} is an address, not a prefix: a route needs a prefix length. Write ${single} for this address alone, or the prefix it belongs to.`,
        data: { replacement: single } satisfies SuggestionData,
      };
    }
    case 'length':
      return {
        message: `${text} in ${where} has a prefix length beyond ${parsed.version === 4 ? 32 : 128}, the number of bits in an IPv${parsed.version} address. Write the prefix length the network really has.`,
      };
    default:
      return {
        message: `"${text}" in ${where} is not an IPv4 or IPv6 prefix in CIDR notation (address/length, such as 203.0.113.0/29 or 2001:db8::/48).`,
      };
  }
}

export const invalidPrefix: Rule = {
  code: 'invalid-prefix',
  defaultSeverity: 'error',
  title: 'A prefix is not a valid IPv4/IPv6 CIDR, or has host bits set.',
  source: 'routing',
  check({ topology, report }) {
    const lists: [ListField | undefined, string][] = [];
    for (const site of topology.sites.values()) {
      lists.push([site.addressSpace, `the addressSpace of site ${site.id}`], [site.internetEgress, `the internetEgress of site ${site.id}`]);
    }
    for (const circuit of topology.circuits.values()) {
      lists.push([circuit.microsoftPeering?.advertisedPrefixes, `the advertisedPrefixes of circuit ${circuit.id}`]);
    }
    for (const [list, where] of lists) {
      for (const item of list?.items ?? []) {
        const problem = problemOf(item.text.trim(), where);
        if (problem) report({ at: item.node, ...problem });
      }
    }
    for (const policy of topology.enterprisePolicies.values()) {
      for (const subnet of policy.subnets?.items ?? []) {
        const problem = subnet.cidr && problemOf(subnet.cidr.text.trim(), `the subnet${subnet.vnet ? ` in ${subnet.vnet.text}` : ''} of enterprise policy ${policy.id}`);
        if (problem) report({ at: subnet.cidr!.node, ...problem });
      }
    }
  },
  fixes: replaceWithSuggestion,
};
