import { describeRegionCommunity } from '../../catalog/catalog';
import { addEntry, appendListItems, flowList, listNode, setKey } from './shared/edits';
import { eachOf, Rule } from '../rule';
import { NeededRegion, neededInPublicCloud } from '../../facts';
import { circuitOfData, regionItem } from './shared/circuitFix';
import { listWords } from '../../text/words';

/** "environment prod" or "environments prod and dev". */
export function environmentWords(needed: NeededRegion[]): string {
  const ids = [...new Set(needed.map((n) => n.environment.id))];
  return `${ids.length > 1 ? 'environments' : 'environment'} ${listWords(ids)}`;
}

export const routeFilterMissing: Rule = {
  code: 'route-filter-missing',
  defaultSeverity: 'error',
  title: 'Microsoft peering has no route filter, or an empty one, so Microsoft advertises no prefixes over it.',
  source: 'routefilter',
  eachEntity: eachOf('circuits', (circuit, { topology, report }) => {
    const peering = circuit.microsoftPeering;
    if (!peering) return;
    const written = peering.routeFilter;
    if (written && (listNode(written)?.items.length ?? written.items.length) > 0) return;
    const needed = neededInPublicCloud(topology, circuit);
    const what = written ? `The routeFilter of circuit ${circuit.id}'s Microsoft peering is empty` : `Microsoft peering of circuit ${circuit.id} has no routeFilter`;
    const add = needed.length
      ? ` ${written ? 'Add' : 'Add a routeFilter with'} ${listWords(needed.map((n) => describeRegionCommunity(n.region)))}${written ? ' to it' : ''}, the datacenter regions of ${environmentWords(needed)}.`
      : ` ${written ? 'Add to it' : 'Add a routeFilter with'} the regional communities of the environments the circuit serves.`;
    report({
      at: peering.key,
      message:
        `${what}: Microsoft advertises no routes over a Microsoft peering session until a route filter allows some BGP communities,` +
        ` so on-premises users get no route to Power Platform over this circuit.${add}`,
      data: { circuitId: circuit.id },
    });
  }),
  fixes({ topology, document, diagnostic }) {
    const circuit = circuitOfData(topology, diagnostic.data);
    const peering = circuit?.microsoftPeering;
    if (!circuit || !peering) return [];
    const items = neededInPublicCloud(topology, circuit).map((n) => regionItem(n.region, false));
    if (items.length === 0) return [];
    const written = peering.routeFilter;
    const list = listNode(written);
    const edit = list
      ? appendListItems(document, list, items)
      : written
        ? setKey(document, peering, 'routeFilter', flowList(items))
        : addEntry(document, peering, { key: 'routeFilter', value: { list: items } });
    return [
      {
        title: `Add a route filter with ${listWords(items.map((i) => i.text))}`,
        edits: [edit],
        isPreferred: true,
      },
    ];
  },
};
