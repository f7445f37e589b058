import { AzureRegion, findAzureRegion } from '../../catalog/catalog';
import { Circuit, internetOf } from '../../model/model';
import { appendListItems, listNode } from './shared/edits';
import { carriedRoutes, circuitOfData, circuitReaches, microsoftPeeringCircuitsAtSite, reachBasis, regionItem, regionsNotCarried, writesValues } from '../../facts';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

/** Why a circuit does not carry the region: it cannot reach it (whatever its filter lists), or its filter lacks it. */
function cause(circuit: Circuit, azure: AzureRegion, listed: boolean): string {
  const basis = reachBasis(circuit);
  if (basis && circuitReaches(circuit, azure.id) === 'unreachable') {
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
    for (const gateway of topology.gateways.values()) {
      const site = gateway.site && topology.sites.get(gateway.site.text);
      const azure = gateway.region && findAzureRegion(gateway.region.text);
      if (!site || !gateway.region || !azure || internetOf(site) !== 'blocked') continue;
      const circuits = microsoftPeeringCircuitsAtSite(topology, site.id);
      if (circuits.length === 0) continue; // gateway-blocked
      if (!azure.microsoftPeeringCommunity) continue; // unknown community: ppnet cannot check
      const carried = circuits.some((circuit) => regionsNotCarried(topology, circuit, [azure.id])?.length !== 1);
      if (carried) continue;
      const listed = (circuit: Circuit) => carriedRoutes(topology, circuit).regions.has(azure.id);
      // Adding the community helps only on a circuit that may reach the region and whose filter lacks it.
      const fixable = circuits.filter((c) => circuitReaches(c, azure.id) !== 'unreachable' && !listed(c));
      const remedy = fixable.length
        ? `Add ${azure.microsoftPeeringCommunity} to the route filter of ${listWords(fixable.map((c) => c.id), 'or')}`
        : `Serve ${site.id} from a circuit that reaches ${azure.displayName} (a premium circuit, or one at a peering location of its geopolitical region)`;
      report({
        at: gateway.region.node,
        message:
          `Gateway ${gateway.id} is registered in ${azure.displayName}, so its Azure Service Bus namespace is there, but site ${site.id} blocks the internet and ${listWords(circuits.map((c) => cause(c, azure, listed(c))))}:` +
          ` the gateway cannot reach Service Bus. ${remedy}, or register the gateway in a region a circuit at ${site.id} carries.`,
        related: circuits.map((c) => ({ at: c.microsoftPeering?.routeFilter?.key ?? c.key, message: `Route filter of circuit ${c.id}.` })),
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
