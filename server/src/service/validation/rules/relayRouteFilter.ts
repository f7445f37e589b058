import { azureRegionById, describeRegionCommunity } from '../../catalog/catalog';
import { appendListItems, listNode } from './shared/edits';
import { circuitReaches, datacenterRegionsOf, microsoftPeeringCircuitsAtSite, regionsNotCarried, servedEnvironments, writesValues, regionNames } from '../../facts';
import { circuitOfData, regionItem } from './shared/circuitFix';
import { relayOf } from '../../model/model';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

export const relayRouteFilter: Rule = {
  code: 'relay-route-filter',
  defaultSeverity: 'error',
  title: "A desktop flow relays over ExpressRoute, but no circuit at its machine's site carries the regions of the flow's environment.",
  source: 'pad-arch',
  publicCloudOnly: true,
  check({ topology, report }) {
    for (const flow of topology.desktopFlows.values()) {
      const site = flow.site && topology.sites.get(flow.site.text);
      const environment = flow.environment && topology.environments.get(flow.environment.text);
      if (!flow.relay || !site || !environment || relayOf(flow) !== 'expressroute') continue;
      const circuits = microsoftPeeringCircuitsAtSite(topology, site.id); // none: relay-needs-microsoft-peering
      const regions = datacenterRegionsOf(environment);
      if (circuits.length === 0 || regions.length === 0) continue;
      // A circuit that serves the environment already has its lacks reported on it (route-filter-missing-region, circuit-sku-reach).
      if (circuits.some((circuit) => servedEnvironments(topology, circuit).includes(environment))) continue;
      const lacking = circuits.map((circuit) => ({ circuit, missing: regionsNotCarried(topology, circuit, regions) }));
      if (lacking.some(({ missing }) => missing.length === 0)) continue;
      // The circuit that lacks the fewest regions is the one to fix.
      const best = lacking.reduce((a, b) => (b.missing.length < a.missing.length ? b : a));
      const missing = best.missing.map((id) => azureRegionById(id)!);
      const outOfReach = missing.filter((r) => circuitReaches(best.circuit, r.id) === 'unreachable');
      const unlisted = missing.filter((r) => !outOfReach.includes(r));
      const why = [
        unlisted.length ? `the route filter of circuit ${best.circuit.id} lacks ${listWords(unlisted.map(describeRegionCommunity))}` : '',
        outOfReach.length ? `circuit ${best.circuit.id} cannot reach ${listWords(outOfReach.map((r) => r.displayName))} with its SKU` : '',
      ].filter(Boolean);
      const remedy = [
        unlisted.length ? `add ${listWords(unlisted.map((r) => r.microsoftPeeringCommunity!))} to that route filter` : '',
        outOfReach.length ? `serve ${site.id} from a circuit that reaches ${listWords(outOfReach.map((r) => r.displayName))}` : '',
      ].filter(Boolean);
      report({
        at: flow.relay.node,
        message:
          `Desktop flow ${flow.id} is expected to reach Azure Relay over ExpressRoute, but environment ${environment.id} runs in ${listWords(regionNames(regions))}` +
          ` and no circuit at site ${site.id} carries ${regions.length > 1 ? 'them all' : 'it'} (${why.join(', and ')}):` +
          ` the relay's addresses there are not advertised to the site, so the machine's connection takes the internet, or fails where the site blocks it.` +
          ` To keep it on ExpressRoute, ${remedy.join(' and ')}; or set relay: internet where the site allows it.`,
        related: lacking.map(({ circuit }) => ({ at: circuit.microsoftPeering?.routeFilter?.key ?? circuit.key, message: `Route filter of circuit ${circuit.id}.` })),
        data: { circuitId: best.circuit.id, regionIds: unlisted.map((r) => r.id) },
      });
    }
  },
  fixes({ topology, document, diagnostic }) {
    const routeFilter = circuitOfData(topology, diagnostic.data)?.microsoftPeering?.routeFilter;
    const list = listNode(routeFilter);
    const regions = ((diagnostic.data as { regionIds?: string[] } | undefined)?.regionIds ?? []).flatMap((id) => azureRegionById(id) ?? []);
    if (!list || regions.length === 0) return [];
    const items = regions.map((region) => regionItem(region, writesValues(routeFilter)));
    return [{ title: `Add ${listWords(items.map((i) => i.text))} to the route filter`, edits: [appendListItems(document, list, items)], isPreferred: true }];
  },
};
