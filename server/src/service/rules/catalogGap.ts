import { azureRegionById, findPowerPlatformRegion } from '../catalog';
import { Rule } from '../rule';
import { isUnknownRegionalValue, resolvedEntries } from '../facts';

export const catalogGap: Rule = {
  code: 'catalog-gap',
  defaultSeverity: 'info',
  title: "A fact a check needs is missing from the catalog (such as a region's community value), so that check cannot be made.",
  source: 'routing',
  publicCloudOnly: true,
  check({ topology, report }) {
    for (const circuit of topology.circuits.values()) {
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
      if (entries.length === 0) continue; // no filter: route-filter-missing says which regions it needs
      const reported = new Set<string>();
      for (const reference of circuit.environments?.items ?? []) {
        const environment = topology.environments.get(reference.text);
        const region = environment?.region && findPowerPlatformRegion(environment.region.text);
        if (!environment || !region) continue;
        for (const id of region.datacenterRegions) {
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
    }
  },
};
