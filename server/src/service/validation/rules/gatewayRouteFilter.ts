import { findAzureRegion } from '../../catalog/catalog';
import { appendListItems, listNode } from './shared/edits';
import { circuitReaches, writesValues } from '../../facts';
import { gatewayRoutes } from '../../traffic';
import { circuitOfData, regionItem } from './shared/circuitFix';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

export const gatewayRouteFilter: Rule = {
  code: 'gateway-route-filter',
  defaultSeverity: 'error',
  title: "A gateway at a site that blocks the internet is in a region whose community no route filter of the site's circuits carries: it cannot reach its Azure Service Bus namespace.",
  source: 'gw-comm',
  publicCloudOnly: true,
  check({ topology, report }) {
    for (const { gateway, route, site, region: azure, cause } of gatewayRoutes(topology)) {
      // No route because no circuit at the site carries the gateway's region (none at all: gateway-blocked).
      if (route !== 'no-route' || cause.kind !== 'not-carried' || cause.lacks.length === 0 || !site || !azure || !gateway.region) continue;
      const circuits = cause.lacks.map((lack) => lack.circuit);
      report({
        at: gateway.region.node,
        message:
          `Gateway ${gateway.id} is registered in ${azure.displayName}, so its Azure Service Bus namespace is there, but site ${site.id} blocks the internet and the route ${circuits.length > 1 ? 'filters' : 'filter'} of ${listWords(circuits.map((c) => c.id))} ${circuits.length > 1 ? 'lack' : 'lacks'} ${azure.displayName} (${azure.microsoftPeeringCommunity}):` +
          ` the gateway cannot reach Service Bus. Add ${azure.microsoftPeeringCommunity} to a route filter of a circuit at ${site.id} that reaches ${azure.displayName}, or register the gateway in a region the filter carries.`,
        related: circuits.map((c) => ({ at: c.microsoftPeering?.routeFilter?.key ?? c.key, message: `Route filter of circuit ${c.id}.` })),
        // The fix adds the community to a circuit that reaches the region and has a filter to add to.
        data: { circuitId: circuits.find((c) => c.microsoftPeering?.routeFilter && circuitReaches(c, azure.id) !== 'unreachable')?.id, regionId: azure.id },
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
