import { azureRegionById, azureRegions, describeRegionCommunity, findPowerPlatformRegion, serviceCommunities } from '../../catalog/catalog';
import { listItemAt, listNode, replaceListItem } from './shared/edits';
import { eachOf, Finding, Rule } from '../rule';
import { replaceWithSuggestion } from './shared/suggestionFix';
import { closest, didYouMean } from '../../text/suggest';
import { isUnknownRegionalValue, resolvedEntries, writesValues } from '../../facts';
import { circuitOfData, regionItem } from './shared/circuitFix';
import { listWords } from '../../text/words';

/** What a fix needs to expand a Power Platform region id into its datacenter regions' communities. */
interface ExpandData {
  circuitId: string;
  expand: string;
}

function powerPlatformRegionFinding(circuitId: string, text: string, node: Finding['at']): Finding {
  const region = findPowerPlatformRegion(text)!;
  const regions = region.datacenterRegions.map((id) => azureRegionById(id)).filter((r) => r !== undefined);
  const names = regions.map((r) => r.displayName);
  return {
    at: node,
    message:
      `"${text}" is a Power Platform region (${region.displayName}), not a BGP community: a route filter selects Azure regions,` +
      ` and ${region.displayName}'s environments run in ${listWords(names)}. Write ${listWords(regions.map(describeRegionCommunity))} instead.`,
    data: { circuitId, expand: region.id } satisfies ExpandData,
  };
}

export const routeFilterUnknownCommunity: Rule = {
  code: 'route-filter-unknown-community',
  defaultSeverity: 'error',
  title: 'A route-filter entry is not a Microsoft-peering community: unknown, a private-peering value, or a Power Platform region.',
  source: 'routing',
  publicCloudOnly: true,
  eachEntity: eachOf('circuits', (circuit, { report }) => {
    for (const { item, entry } of resolvedEntries(circuit.microsoftPeering?.routeFilter)) {
      const text = item.text.trim();
      switch (entry.kind) {
        case 'power-platform-region':
          report(powerPlatformRegionFinding(circuit.id, text, item.node));
          break;
        case 'private-peering': {
          const microsoft = entry.region?.microsoftPeeringCommunity;
          report({
            at: item.node,
            message: entry.region
              ? `${text} is the private-peering community of ${entry.region.displayName}; a route filter belongs to Microsoft peering, whose community for ${entry.region.displayName} is ${microsoft}. Replace it with ${microsoft}.`
              : `${text} has the form of a private-peering community (12076:50NNN); a route filter belongs to Microsoft peering, whose regional communities are 12076:51NNN. Write the region's Microsoft-peering value or its name.`,
            data: microsoft ? { replacement: microsoft } : undefined,
          });
          break;
        }
        case 'sovereign':
          report({
            at: item.node,
            message: entry.service
              ? `${text} is the US Government community of ${entry.service.name}, carried by circuits of Azure Government only, but this file describes the public cloud, where ${entry.service.name} has its own community.` +
                ` Write ${entry.service.name} instead, or set cloud to the US Government cloud the circuit belongs to.`
              : `${text} is a regional community of a sovereign cloud (Azure Government or Azure China), but this file describes the public cloud, whose circuits cannot reach those regions.` +
                ' Remove it, or set cloud to the sovereign cloud the circuit belongs to.',
            data: entry.service ? { replacement: entry.service.name } : undefined,
          });
          break;
        case 'unknown': {
          if (isUnknownRegionalValue(text, entry)) break; // maybe a region newer than the catalog: catalog-gap says so
          const suggestion = closest(text, [...azureRegions.map((r) => r.displayName), ...serviceCommunities.map((s) => s.name)]);
          report({
            at: item.node,
            message:
              `"${text}" is not a community a route filter can allow: neither an Azure region (name, id or 12076:51NNN value) nor a service community.` +
              didYouMean(suggestion, ' Write the Azure regions of the environments the circuit serves, such as West Europe or 12076:51002.'),
            data: suggestion ? { replacement: suggestion } : undefined,
          });
          break;
        }
      }
    }
  }),
  fixes(context) {
    const { topology, document, diagnostic } = context;
    const data = diagnostic.data as Partial<ExpandData> | undefined;
    if (typeof data?.expand !== 'string') return replaceWithSuggestion(context);
    const circuit = circuitOfData(topology, data);
    const routeFilter = circuit?.microsoftPeering?.routeFilter;
    const list = listNode(routeFilter);
    const region = findPowerPlatformRegion(data.expand);
    if (!list || !region) return [];
    const item = listItemAt(list, document.offsetAt(diagnostic.range.start));
    const present = new Set(
      resolvedEntries(routeFilter).flatMap(({ entry }) => (entry.kind === 'region' || entry.kind === 'region-unknown-community' ? [entry.region.id] : [])),
    );
    const values = writesValues(routeFilter);
    const items = region.datacenterRegions
      .filter((id) => !present.has(id))
      .map((id) => azureRegionById(id))
      .filter((r) => r !== undefined)
      .map((r) => regionItem(r, values));
    const edits = replaceListItem(document, list, item, items);
    if (edits.length === 0) return [];
    const written = document.getText(diagnostic.range);
    return [
      {
        title: items.length ? `Replace ${written} with ${listWords(items.map((i) => i.text))}` : `Remove ${written}: its regions are already in the filter`,
        edits,
        isPreferred: true,
      },
    ];
  },
};
