import { azureRegionById, describeRegionCommunity } from '../../catalog/catalog';
import { appendListItems, listNode } from './shared/edits';
import { missingCommunities, writesValues, environmentRegion, regionNames } from '../../facts';
import { circuitOfData, regionItem } from './shared/circuitFix';
import { eachOf, Rule } from '../rule';
import { listWords } from '../../text/words';

export const routeFilterMissingRegion: Rule = {
  code: 'route-filter-missing-region',
  defaultSeverity: 'error',
  title: "A route filter lacks a regional BGP community of an environment the circuit serves.",
  source: 'arch',
  publicCloudOnly: true,
  eachEntity: eachOf('circuits', (circuit, { topology, report }) => {
    const routeFilter = circuit.microsoftPeering?.routeFilter;
    if (!routeFilter || routeFilter.items.length === 0) return; // route-filter-missing reports it
    for (const missing of missingCommunities(topology, circuit)) {
      const environment = topology.environments.get(missing.environmentId)!;
      const region = environmentRegion(environment)!;
      const names = regionNames(region.datacenterRegions);
      const both = names.length > 1 ? 'both regional communities are needed' : 'its regional community is needed';
      report({
        at: routeFilter.key,
        message:
          `Route filter of circuit ${circuit.id} lacks ${describeRegionCommunity(azureRegionById(missing.regionId)!)}: environment ${environment.id} is in region ${region.displayName}, whose scale groups run in ${listWords(names)};` +
          ` Power Platform has no BGP community of its own, so ${both}. Add ${missing.community} to the route filter.`,
        related: [{ at: environment.region!.node, message: `Environment ${environment.id} is in ${region.displayName}.` }],
        data: { circuitId: circuit.id, community: missing.community, regionId: missing.regionId },
      });
    }
  }),
  fixes({ topology, document, diagnostic }) {
    const routeFilter = circuitOfData(topology, diagnostic.data)?.microsoftPeering?.routeFilter;
    const list = listNode(routeFilter);
    const region = azureRegionById((diagnostic.data as { regionId?: string } | undefined)?.regionId ?? '');
    if (!list || !region) return [];
    const item = regionItem(region, writesValues(routeFilter));
    return [{ title: `Add ${item.text} to the route filter`, edits: [appendListItems(document, list, [item])], isPreferred: true }];
  },
};
