import { RouteFilterEntry } from '../../catalog/catalog';
import { cloudOf } from '../../model/model';
import { listItemAt, listNode, removeListItem } from './shared/edits';
import { resolvedEntries, servedEnvironments } from '../../facts';
import { circuitOfData } from './shared/circuitFix';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

const CLOUD_NAMES: Record<string, string> = {
  gcc: 'GCC, whose Power Platform runs in Azure Government',
  'gcc-high': 'GCC High, whose Power Platform runs in Azure Government',
  dod: 'DoD, whose Power Platform runs in Azure Government',
  china: 'Azure China (operated by 21Vianet)',
};

/** What makes an entry wrong in a sovereign cloud's route filter, or `undefined` when it is not. */
function misplaced(entry: RouteFilterEntry, text: string, cloud: string): string | undefined {
  switch (entry.kind) {
    case 'region':
    case 'region-unknown-community': {
      const community = entry.region.microsoftPeeringCommunity;
      return /^\d+:\d+$/.test(text) ? `the community of ${entry.region.displayName}, a public-cloud region` : `a public-cloud region${community ? ` (${community})` : ''}`;
    }
    case 'regional-service':
      return `the public-cloud ${entry.service.name} community of ${entry.region?.displayName ?? 'a region'}`;
    case 'private-peering':
      return entry.region ? `the public-cloud private-peering community of ${entry.region.displayName}` : undefined;
    case 'service':
    case 'sovereign':
      // Microsoft peering in Azure China offers no Office 365 community.
      return cloud === 'china' && entry.service?.microsoft365 ? `a Microsoft 365 community (${entry.service.name})` : undefined;
    default:
      return undefined;
  }
}

export const sovereignCommercialCommunity: Rule = {
  code: 'sovereign-commercial-community',
  defaultSeverity: 'error',
  title: "A route filter in a sovereign-cloud file (GCC, GCC High, DoD, China) lists a public-cloud region's community, which no circuit of that cloud carries.",
  source: 'faq',
  check({ topology, report }) {
    const cloud = cloudOf(topology);
    if (cloud === 'public' || !CLOUD_NAMES[cloud]) return;
    for (const circuit of topology.circuits.values()) {
      // A circuit that serves no environment may be a public-cloud circuit for other work: ppnet cannot tell.
      const served = servedEnvironments(topology, circuit);
      if (served.length === 0) continue;
      for (const { item, entry } of resolvedEntries(circuit.microsoftPeering?.routeFilter)) {
        const what = misplaced(entry, item.text.trim(), cloud);
        if (!what) continue;
        report({
          at: item.node,
          message:
            `${item.text.trim()} is ${what}, but circuit ${circuit.id} serves ${listWords(served.map((e) => e.id))} in ${CLOUD_NAMES[cloud]}:` +
            (entry.kind === 'service' || entry.kind === 'sovereign'
              ? ' Microsoft peering in Azure China offers no Office 365 community, so the filter cannot carry it. Remove it; Microsoft 365 is reached over the internet there.'
              : ' national clouds are isolated from the public cloud, so a circuit of this cloud never receives that community\'s routes, and a public-cloud circuit cannot reach these environments. Remove it and list the communities of the cloud\'s own regions.'),
          data: { circuitId: circuit.id },
        });
      }
    }
  },
  fixes({ topology, document, diagnostic }) {
    const list = listNode(circuitOfData(topology, diagnostic.data)?.microsoftPeering?.routeFilter);
    const edit = list && removeListItem(document, list, listItemAt(list, document.offsetAt(diagnostic.range.start)));
    return edit ? [{ title: `Remove ${document.getText(diagnostic.range)} from the route filter`, edits: [edit], isPreferred: true }] : [];
  },
};
