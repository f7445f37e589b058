import { AzureRegion, findAzureRegion } from '../../catalog/catalog';
import { Circuit } from '../../model/model';
import { appendListItems, listNode } from './shared/edits';
import { carriedRoutes, reachBasis, writesValues } from '../../facts';
import { gatewayRoutes } from '../../traffic';
import { circuitOfData, regionItem } from './shared/circuitFix';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

/** Why a circuit does not carry the region: it cannot reach it (whatever its filter lists), or its filter lacks it. */
function cause(circuit: Circuit, azure: AzureRegion, listed: boolean, unreachable: boolean): string {
  const basis = reachBasis(circuit);
  if (basis && unreachable) {
    const what = `a ${basis.sku} circuit at ${basis.location.displayName}`;
    return listed
      ? `circuit ${circuit.id} lists ${azure.displayName}, but as ${what} it cannot reach that region`
      : `circuit ${circuit.id}, ${what}, cannot reach ${azure.displayName}`;
  }
  return `the route filter of ${circuit.id} lacks ${azure.displayName} (${azure.microsoftPeeringCommunity})`;
}

export const gatewayRouteFilter: Rule = {
  code: 'gateway-route-filter',
  defaultSeverity: 'error',
  title: "A gateway at a site that blocks the internet is in a region no circuit at the site carries (its route filter lacks the region's community, or the circuit cannot reach the region): it cannot reach its Azure Service Bus namespace.",
  source: 'gw-comm',
  publicCloudOnly: true,
  check({ topology, report }) {
    for (const { gateway, route, site, region: azure, cause: why } of gatewayRoutes(topology)) {
      // No route because no circuit at the site carries the gateway's region (none at all: gateway-blocked).
      if (route !== 'no-route' || why.kind !== 'not-carried' || why.lacks.length === 0 || !site || !azure || !gateway.region) continue;
      const lacks = why.lacks.map((lack) => ({
        circuit: lack.circuit,
        listed: carriedRoutes(topology, lack.circuit).regions.has(azure.id),
        unreachable: lack.unreachable.some((r) => r.id === azure.id),
      }));
      // Adding the community helps only on a circuit that may reach the region and whose filter lacks it.
      const fixable = lacks.filter((l) => !l.unreachable && !l.listed).map((l) => l.circuit);
      const remedy = fixable.length
        ? `Add ${azure.microsoftPeeringCommunity} to the route filter of ${listWords(fixable.map((c) => c.id), 'or')}`
        : `Serve ${site.id} from a circuit that reaches ${azure.displayName} (a premium circuit, or one at a peering location of its geopolitical region)`;
      report({
        at: gateway.region.node,
        message:
          `Gateway ${gateway.id} is registered in ${azure.displayName}, so its Azure Service Bus namespace is there, but site ${site.id} blocks the internet and ${listWords(lacks.map((l) => cause(l.circuit, azure, l.listed, l.unreachable)))}:` +
          ` the gateway cannot reach Service Bus. ${remedy}, or register the gateway in a region a circuit at ${site.id} carries.`,
        related: lacks.map(({ circuit: c }) => ({ at: c.microsoftPeering?.routeFilter?.key ?? c.key, message: `Route filter of circuit ${c.id}.` })),
        data: { circuitId: fixable.find((c) => c.microsoftPeering?.routeFilter)?.id, regionId: azure.id },
      });
    }
  },
  fixes({ topology, document, diagnostic }) {
    const routeFilter = circuitOfData(topology, diagnostic.data)?.microsoftPeering?.routeFilter;
    const list = listNode(routeFilter);
    const region = findAzureRegion((diagnostic.data as { regionId?: string } | undefined)?.regionId ?? '');
    if (!list || !region) return [];
    const item = regionItem(region, writesValues(routeFilter));
    return [{ title: `Add ${item.text} to the route filter`, edits: [appendListItems(document, list, [item])], isPreferred: true }];
  },
};
