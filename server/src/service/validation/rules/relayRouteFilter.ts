import { azureRegionById, describeRegionCommunity } from '../../catalog/catalog';
import { appendListItems, listNode } from './shared/edits';
import { datacenterRegionsOf, servedEnvironments, writesValues, regionNames } from '../../facts';
import { circuitOfData, regionItem } from './shared/circuitFix';
import { desktopFlowRoutes } from '../../traffic';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

export const relayRouteFilter: Rule = {
  code: 'relay-route-filter',
  defaultSeverity: 'error',
  title: "A desktop flow relays over ExpressRoute, but no circuit at its machine's site carries the regions of the flow's environment.",
  source: 'pad-arch',
  publicCloudOnly: true,
  check({ topology, report }) {
    for (const { flow, site, environment, cause } of desktopFlowRoutes(topology)) {
      // relay: expressroute, and what each circuit at the site lacks (none there: relay-needs-microsoft-peering).
      if (cause.kind !== 'not-carried' || cause.lacks.length === 0 || !site || !environment || !flow.relay) continue;
      const lacking = cause.lacks;
      // A circuit that serves the environment already has its lacks reported on it (route-filter-missing-region, circuit-sku-reach).
      if (lacking.some(({ circuit }) => servedEnvironments(topology, circuit).includes(environment))) continue;
      const regions = datacenterRegionsOf(environment);
      // The circuit that lacks the fewest regions is the one to fix.
      const count = (lack: (typeof lacking)[number]) => lack.unreachable.length + lack.unlisted.length;
      const best = lacking.reduce((a, b) => (count(b) < count(a) ? b : a));
      const { unreachable: outOfReach, unlisted } = best;
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
