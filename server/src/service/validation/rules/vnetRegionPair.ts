import { AzureRegion } from '../../catalog/catalog';
import { Cidr, formatCidr } from '../../syntax/cidr';
import { appendMapItem, listNode } from './shared/edits';
import { regionCoverage, subnetCidr, vnetRegionsNeeded, regionNames } from '../../facts';
import { regionFixes } from './shared/gatewayUse';
import { EnterprisePolicy } from '../../model/model';
import { eachOf, Rule } from '../rule';
import { listWords } from '../../text/words';

const named = (region: AzureRegion) => `${region.displayName} (${region.id})`;

/** The next block of the same size after the highest subnet the policy has: a range to start from, not a plan. */
function nextRange(policy: EnterprisePolicy, taken: Cidr[]): string {
  const cidrs = (policy.subnets?.items ?? []).flatMap((s) => subnetCidr(s) ?? []);
  const highest = [...cidrs, ...taken].sort((a, b) => (a.network < b.network ? 1 : -1))[0];
  if (!highest) return '10.0.0.0/24';
  const size = 1n << BigInt(32 - highest.length);
  const next: Cidr = { version: 4, network: (highest.network + size) % (1n << 32n), length: highest.length };
  taken.push(next);
  return formatCidr(next);
}

export const vnetRegionPair: Rule = {
  code: 'vnet-region-pair',
  defaultSeverity: 'error',
  title: "An enterprise policy's subnets leave out an Azure region of its environments' region, or lie outside it.",
  source: 'vnet-support',
  publicCloudOnly: true,
  eachEntity: eachOf('enterprisePolicies', (policy, { topology, report }) => {
    const { missing, misplaced } = regionCoverage(topology, policy);
    if (missing.length) {
      const environments = [...new Set(missing.flatMap((m) => m.environments))];
      const guessed = environments.filter((e) => !e.datacenterRegions);
      // Subnets in other regions of the geography may be the pair of an environment whose pair ppnet
      // took from the table: then the missing regions may not be needed either, and ppnet cannot tell (info).
      const otherPair = guessed.length > 0 && misplaced.some((m) => m.fit === 'other-pair');
      report({
        at: policy.key,
        ...(otherPair && { severity: 'info' as const }),
        message:
          `Enterprise policy ${policy.id} delegates no subnet in ${listWords(missing.map((m) => named(m.region)))}, where environment${environments.length > 1 ? 's' : ''} ${listWords(environments.map((e) => e.id))} can run:` +
          ` Power Platform runs an environment in either Azure region of its Power Platform region and moves it between them on failover, so its policy needs a delegated subnet in each.` +
          ` Add a subnet of a virtual network in ${listWords(missing.map((m) => m.region.displayName))}.` +
          (guessed.length ? ` If ${listWords(guessed.map((e) => e.id))} run${guessed.length > 1 ? '' : 's'} in another pair of regions, name it with datacenterRegions on the environment.` : ''),
        related: environments.flatMap((e) => (e.enterprisePolicy ? [{ at: e.enterprisePolicy.node, message: `Environment ${e.id} uses enterprise policy ${policy.id}.` }] : [])),
        data: { policy: policy.id, regions: missing.map((m) => m.region.id) },
      });
    }
    for (const wrong of misplaced) {
      const needed = [...new Set(wrong.environments.flatMap((e) => vnetRegionsNeeded(e) ?? []))];
      const neededNames = listWords(regionNames(needed), 'or');
      const envs = listWords(wrong.environments.map((e) => e.id));
      const subnet = `The subnet in ${wrong.subnet.vnet?.text ?? 'its virtual network'}`;
      report({
        at: wrong.at!.node,
        ...(wrong.fit === 'other-pair'
          ? {
              // Info where the environments' regions are the table's (another pair may be theirs); a
              // warning where they name their regions themselves and the subnet is in none of them.
              severity: wrong.environments.every((e) => e.datacenterRegions) ? ('warning' as const) : ('info' as const),
              message:
                `${subnet} is in ${named(wrong.region)}, which is in the geography of environment${wrong.environments.length > 1 ? 's' : ''} ${envs} but not among the Azure regions ppnet knows ${wrong.environments.length > 1 ? 'they run' : 'it runs'} in (${neededNames}).` +
                ` Microsoft's table gives one pair of regions per Power Platform region, and some regions have more, so ppnet cannot tell whether this one is used.` +
                ` If the environment runs there, name its regions with datacenterRegions on the environment; else move the subnet to ${neededNames}.`,
            }
          : {
              message:
                `${subnet} is in ${named(wrong.region)}, outside the Power Platform region of environment${wrong.environments.length > 1 ? 's' : ''} ${envs}:` +
                ` the virtual networks of an enterprise policy must be in the Azure regions of its environments' region, so this one is not used.` +
                ` Move the subnet to ${neededNames}.`,
            }),
        data: { replacements: needed },
      });
    }
  }),
  fixes({ topology, document, diagnostic }) {
    const data = diagnostic.data as { policy?: string; regions?: string[]; replacements?: string[] };
    if (data.replacements) return regionFixes({ diagnostic });
    const policy = data.policy !== undefined ? topology.enterprisePolicies.get(data.policy) : undefined;
    const list = listNode(policy?.subnets);
    if (!policy || !list || !data.regions?.length) return [];
    const taken: Cidr[] = [];
    const items = data.regions.map((id) => [['vnet', `${policy.id}-${id}`], ['region', id], ['cidr', nextRange(policy, taken)]] as [string, string][]);
    const words = listWords(regionNames(data.regions));
    // One edit for all: edits of one fix must not overlap, and each item goes after the last.
    const edit = appendMapItem(document, list, items[0]);
    const rest = items.slice(1).map((entries) => appendMapItem(document, list, entries).newText);
    return [{ title: `Add a delegated subnet in ${words} (check its virtual network and range)`, edits: [{ ...edit, newText: edit.newText + rest.join('') }], isPreferred: true }];
  },
};
