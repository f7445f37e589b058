import { azureRegionById, findAzureRegion } from '../../catalog/catalog';
import { Environment } from '../../model/model';
import { datacenterRegionFit, datacenterRegionsOf, environmentRegion, isUnknownRegionalValue, resolvedEntries, regionNames } from '../../facts';
import { Finding, Rule } from '../rule';
import { listWords } from '../../text/words';

export const catalogGap: Rule = {
  code: 'catalog-gap',
  defaultSeverity: 'info',
  title: "A fact a check needs is missing from the catalog (such as a region's community value), so that check cannot be made.",
  source: 'routing',
  publicCloudOnly: true,
  eachEntity: {
    sections: ['environments', 'circuits'],
    check(entity, { topology, report }) {
      if (entity.kind === 'environment') return unconfirmedDatacenterRegions(entity, report);
      if (entity.kind !== 'circuit') return;
      const circuit = entity;
      const routeFilter = circuit.microsoftPeering?.routeFilter;
      const entries = resolvedEntries(routeFilter);
      const named = new Set<string>();
      for (const { item, entry } of entries) {
        const text = item.text.trim();
        if (entry.kind === 'region-unknown-community') {
          named.add(entry.region.id);
          report({
            at: item.node,
            message:
              `ppnet does not know the Microsoft-peering community value of ${entry.region.displayName}, so it cannot check that route filters offer this region or that another entry of circuit ${circuit.id} repeats it.` +
              ` Confirm ${entry.region.displayName} in the list of regional communities the Azure route filter offers.`,
          });
        } else if (isUnknownRegionalValue(text, entry)) {
          report({
            at: item.node,
            message:
              `${text} has the form of a regional Microsoft-peering community (12076:51NNN) but is not one ppnet knows; it may belong to a region newer than its catalog, so ppnet cannot check which region it selects.` +
              ' Confirm it in the list of regional communities the Azure route filter offers.',
          });
        }
      }
      if (entries.length === 0) return; // no filter: route-filter-missing says which regions it needs
      const reported = new Set<string>();
      for (const reference of circuit.environments?.items ?? []) {
        const environment = topology.environments.get(reference.text);
        const region = environment && environmentRegion(environment);
        if (!environment || !region) continue;
        for (const id of datacenterRegionsOf(environment)) {
          const azure = azureRegionById(id);
          if (!azure || azure.microsoftPeeringCommunity || named.has(id) || reported.has(id)) continue;
          reported.add(id);
          report({
            at: reference.node,
            message:
              `Environment ${environment.id} is in region ${region.displayName}, whose scale groups run in ${azure.displayName}, but ppnet does not know the Microsoft-peering community value of ${azure.displayName}:` +
              ` it cannot check that the route filter of circuit ${circuit.id} allows it. Make sure the filter has ${azure.displayName}'s regional community.`,
            related: [{ at: environment.region!.node, message: `Environment ${environment.id} is in ${region.displayName}.` }],
          });
        }
      }
    },
  },
};

/**
 * Datacenter regions an environment names that the catalog does not list for its region, yet that are not
 * surely wrong (same geography or geopolitical region): Microsoft's pages give one pair per region, while
 * some regions have more, so ppnet cannot confirm them.
 */
function unconfirmedDatacenterRegions(environment: Environment, report: (finding: Finding) => void): void {
  const region = environmentRegion(environment);
  if (!region || !environment.datacenterRegions) return;
  for (const item of environment.datacenterRegions.items) {
    const azure = findAzureRegion(item.text);
    // Known: nothing to say; elsewhere: environment-datacenter-region reports it.
    if (!azure || datacenterRegionFit(region, azure.id) !== 'unconfirmed') continue;
    report({
      at: item.node,
      message:
        `ppnet knows only ${listWords(regionNames(region.datacenterRegions))} as the datacenter regions of ${region.displayName}, so it cannot confirm that environment ${environment.id} runs in ${azure.displayName};` +
        ` the route-filter and reach checks use the regions as written. Make sure Microsoft has confirmed these regions for the environment.`,
    });
  }
}
