import { DiagnosticTag } from 'vscode-languageserver-types';
import { describeRegionCommunity, describeService, normalize, RouteFilterEntry } from '../../catalog/catalog';
import { listItemAt, listNode, removeListItem } from './shared/edits';
import { Rule } from '../rule';
import { ResolvedEntry, resolvedEntries } from '../../facts';
import { circuitOfData } from './shared/circuitFix';

/** The community an entry allows, so that a name and a value of the same region compare equal. */
function communityKey({ item, entry }: ResolvedEntry): string {
  switch (entry.kind) {
    case 'region':
    case 'region-unknown-community':
      return `region:${entry.region.id}`;
    case 'service':
      return `service:${entry.service.value ?? entry.service.name}`;
    case 'power-platform-region':
      return `power-platform:${entry.region.id}`;
    default:
      return `text:${normalize(item.text)}`;
  }
}

function describe(entry: RouteFilterEntry): string | undefined {
  if (entry.kind === 'region' || entry.kind === 'region-unknown-community') return describeRegionCommunity(entry.region);
  if (entry.kind === 'service') return describeService(entry.service);
  return undefined;
}

export const routeFilterDuplicate: Rule = {
  code: 'route-filter-duplicate',
  defaultSeverity: 'hint',
  title: 'A route filter lists the same community twice.',
  source: 'routefilter',
  publicCloudOnly: true,
  check({ topology, document, report }) {
    for (const circuit of topology.circuits.values()) {
      const first = new Map<string, ResolvedEntry>();
      for (const resolved of resolvedEntries(circuit.microsoftPeering?.routeFilter)) {
        const key = communityKey(resolved);
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, resolved);
          continue;
        }
        const text = resolved.item.text.trim();
        const earlierText = earlier.item.text.trim();
        const what = describe(resolved.entry);
        const line = document.positionAt(earlier.item.node.range![0]).line + 1;
        report({
          at: resolved.item.node,
          message:
            (text === earlierText || !what
              ? `${text} is listed twice in the route filter of circuit ${circuit.id} (first at line ${line})`
              : `${text} and ${earlierText} (line ${line}) are the same community, ${what}, in the route filter of circuit ${circuit.id}`) +
            ': a community listed twice allows nothing more. Remove this entry.',
          related: [{ at: earlier.item.node, message: `${what ?? earlierText} is first listed here.` }],
          tags: [DiagnosticTag.Unnecessary],
          data: { circuitId: circuit.id },
        });
      }
    }
  },
  fixes({ topology, document, diagnostic }) {
    const list = listNode(circuitOfData(topology, diagnostic.data)?.microsoftPeering?.routeFilter);
    const edit = list && removeListItem(document, list, listItemAt(list, document.offsetAt(diagnostic.range.start)));
    return edit ? [{ title: `Remove the repeated ${document.getText(diagnostic.range)}`, edits: [edit], isPreferred: true }] : [];
  },
};
