/** Users at a site reaching an environment that a circuit at the site serves: over the circuit when its route filter carries the environment's datacenter regions. */
import { environmentRegion, entityFact } from '../facts';
import { Circuit, circuitsServing, Environment, Site, Topology } from '../model/model';
import { crossing, datacenterAzureRegions, routeOfCrossing } from './crossing';
import { entityHop, UsersRoute } from './route';

/** One route per site of the circuits that serve the environment (sites the file does not define have no users to draw). */
export const usersRoutes = entityFact((topology: Topology, environment: Environment): UsersRoute[] => {
  const circuitsBySite = new Map<string, Circuit[]>();
  for (const circuit of circuitsServing(topology, environment.id)) {
    const siteId = circuit.site?.text;
    if (siteId !== undefined) circuitsBySite.set(siteId, [...(circuitsBySite.get(siteId) ?? []), circuit]);
  }
  const routes: UsersRoute[] = [];
  for (const [siteId, circuits] of circuitsBySite) {
    const site = topology.sites.get(siteId);
    if (site) routes.push(usersRoute(topology, environment, site, circuits));
  }
  return routes;
});

function usersRoute(topology: Topology, environment: Environment, site: Site, circuits: Circuit[]): UsersRoute {
  const region = environmentRegion(environment);
  const base = {
    id: `users:${site.id}:${environment.id}`,
    kind: 'users' as const,
    from: entityHop('site', site.id),
    to: entityHop('environment', environment.id),
    subject: { kind: 'environment' as const, id: environment.id },
    environment,
    site,
    region,
  };
  if (!region) return { ...base, route: 'unknown', cause: { kind: 'unknown-region' } };
  const cause = crossing(topology, circuits, datacenterAzureRegions(environment));
  return { ...base, route: routeOfCrossing(cause, site), ...(cause.kind === 'carried' && { circuit: cause.circuit }), cause };
}
