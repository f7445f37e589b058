import { serviceCommunities } from '../../catalog/catalog';
import { circuitsAtSite, internetOf } from '../../model/model';
import { appendListItems, listNode } from './shared/edits';
import { carriedRoutes, writesValues } from '../../facts';
import { circuitOfData } from './shared/circuitFix';
import { Rule } from '../rule';

const ENTRA_ID = '12076:5060';

export const signInRouteFilter: Rule = {
  code: 'sign-in-route-filter',
  defaultSeverity: 'warning',
  title: "Users at a site that blocks the internet, and no route filter of the site's circuits carries Microsoft Entra ID (12076:5060): they cannot sign in.",
  source: 'routing',
  publicCloudOnly: true,
  check({ topology, report }) {
    const entra = serviceCommunities.find((s) => s.value === ENTRA_ID);
    for (const site of topology.sites.values()) {
      if (!site.internet || internetOf(site) !== 'blocked') continue;
      const circuits = circuitsAtSite(topology, site.id).filter((c) => (c.environments?.items.length ?? 0) > 0);
      if (circuits.length === 0) continue; // no users of an environment at this site
      const carries = circuits.some((c) => {
        const routes = carriedRoutes(topology, c);
        return routes.services.has(ENTRA_ID) || routes.unknown.length > 0;
      });
      if (carries) continue;
      report({
        at: site.internet.node,
        message:
          `Site ${site.id} blocks the internet, and no route filter of its circuits carries ${entra?.name ?? 'Microsoft Entra ID'} (${ENTRA_ID}):` +
          ` users there cannot reach the sign-in service, so they cannot sign in to Power Platform. Add ${ENTRA_ID} to the route filter of a circuit at ${site.id}, or let sign-in traffic out to the internet.`,
        data: { circuitId: circuits.find((c) => c.microsoftPeering?.routeFilter)?.id },
      });
    }
  },
  fixes({ topology, document, diagnostic }) {
    const circuit = circuitOfData(topology, diagnostic.data);
    const routeFilter = circuit?.microsoftPeering?.routeFilter;
    const list = listNode(routeFilter);
    if (!circuit || !list) return [];
    const text = writesValues(routeFilter) ? ENTRA_ID : (serviceCommunities.find((s) => s.value === ENTRA_ID)?.name ?? ENTRA_ID);
    return [{ title: `Add ${text} to the route filter of circuit ${circuit.id}`, edits: [appendListItems(document, list, [{ text }])], isPreferred: true }];
  },
};
