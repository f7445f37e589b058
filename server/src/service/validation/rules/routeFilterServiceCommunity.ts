import { azureRegionById, describeRegionCommunity, describeService } from '../../catalog/catalog';
import { eachOf, RelatedFinding, Rule } from '../rule';
import { missingCommunities, resolvedEntries, environmentRegion } from '../../facts';
import { listWords } from '../../text/words';

/** CRM Online: routes of Dynamics CRM 8.2 and earlier, not of Power Platform. */
const CRM_ONLINE = '12076:5040';
/** Microsoft Entra ID: users need it to sign in (sign-in-route-filter asks for it), so it is never out of place. */
const ENTRA_ID = '12076:5060';

export const routeFilterServiceCommunity: Rule = {
  code: 'route-filter-service-community',
  defaultSeverity: 'warning',
  title: "A route filter relies on a service community (or CRM Online) where Power Platform needs its regions' communities.",
  source: 'routing',
  publicCloudOnly: true,
  eachEntity: eachOf('circuits', (circuit, { topology, report }) => {
    const entries = resolvedEntries(circuit.microsoftPeering?.routeFilter);
    if (!entries.some((r) => r.entry.kind === 'service' || r.entry.kind === 'regional-service')) return;
    const missing = missingCommunities(topology, circuit);
    const lacking = listWords(missing.map((m) => describeRegionCommunity(azureRegionById(m.regionId)!)));
    const related: RelatedFinding[] = [];
    for (const id of new Set(missing.map((m) => m.environmentId))) {
      const environment = topology.environments.get(id)!;
      const region = environmentRegion(environment)!;
      related.push({ at: environment.region!.node, message: `Environment ${id} is in ${region.displayName}.` });
    }
    for (const { item, entry } of entries) {
      if (entry.kind === 'regional-service') {
        if (!missing.length) continue;
        const own = entry.region && missing.some((m) => m.regionId === entry.region!.id);
        report({
          at: item.node,
          message:
            `${entry.value} is the ${entry.service.name} community of ${entry.region?.displayName ?? 'a region'}: it carries that service's prefixes there, not the region's own prefixes, which Power Platform needs;` +
            ` the route filter of circuit ${circuit.id} lacks ${lacking}.` +
            (own ? ` Add ${entry.region!.microsoftPeeringCommunity} for ${entry.region!.displayName} itself; keep ${entry.value} only if users reach ${entry.service.name} over this circuit.` : ` Add ${missing.length > 1 ? 'them' : 'it'}.`),
          related,
        });
        continue;
      }
      if (entry.kind !== 'service') continue;
      const service = entry.formerName ? `"${entry.formerName}", the former name of ${describeService(entry.service)},` : describeService(entry.service);
      if (entry.service.value === CRM_ONLINE) {
        report({
          at: item.node,
          message:
            `${service} carries the routes of Dynamics CRM 8.2 and earlier only, not of Power Platform or current Dynamics 365 environments:` +
            ` those run in the datacenter regions of their Power Platform region and are reached through those regions' communities.` +
            (missing.length
              ? ` The route filter of circuit ${circuit.id} still lacks ${lacking}: add ${missing.length > 1 ? 'them' : 'it'}, and remove ${entry.service.name}.`
              : ` The route filter of circuit ${circuit.id} already has them: remove ${entry.service.name}.`),
          related,
        });
      } else if (missing.length && entry.service.value !== ENTRA_ID) {
        report({
          at: item.node,
          message:
            `${service} carries ${entry.service.name}'s own routes, not Power Platform's: Power Platform has no service community and is reached through the regional communities of its datacenter regions,` +
            ` and the route filter of circuit ${circuit.id} lacks ${lacking}. Add ${missing.length > 1 ? 'them' : 'it'}; keep ${entry.service.name} only if users reach it over this circuit.`,
          related,
        });
      }
    }
  }),
};
