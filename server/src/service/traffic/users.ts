/** Users at a site reaching an environment that a circuit at the site serves: over the circuit when its route filter carries the environment's datacenter regions. */
import { environmentRegion, entityFact } from '../facts';
import { Circuit, circuitsServing, Environment, Site, Topology } from '../model/model';
import { carrier, crossing, datacenterAzureRegions, routeOfCrossing } from './crossing';
import { entityHop, UsersRoute } from './route';

/** Where an environment's users are: each site of the circuits that serve it, with those circuits (sites the file does not define have no users to draw). */
export const usersSites = entityFact((topology: Topology, environment: Environment): { site: Site; circuits: Circuit[] }[] => {
  const sites = new Map<string, { site: Site; circuits: Circuit[] }>();
  for (const circuit of circuitsServing(topology, environment.id)) {
    const site = circuit.site && topology.sites.get(circuit.site.text);
    if (!site) continue;
    const at = sites.get(site.id);
    if (at) at.circuits.push(circuit);
    else sites.set(site.id, { site, circuits: [circuit] });
  }
  return [...sites.values()];
});

/** One route per site of the environment's users. */
export const usersRoutes = entityFact((topology: Topology, environment: Environment): UsersRoute[] =>
  usersSites(topology, environment).map(({ site, circuits }) => usersRoute(topology, environment, site, circuits)),
);

function usersRoute(topology: Topology, environment: Environment, site: Site, circuits: Circuit[]): UsersRoute {
  const region = environmentRegion(environment);
  const cause: UsersRoute['cause'] = region ? crossing(topology, circuits, datacenterAzureRegions(environment)) : { kind: 'unknown-region' };
  return {
    id: `users:${site.id}:${environment.id}`,
    kind: 'users',
    from: entityHop('site', site.id),
    to: entityHop('environment', environment.id),
    route: cause.kind === 'unknown-region' ? 'unknown' : routeOfCrossing(cause, site),
    circuit: carrier(cause),
    subject: { kind: 'environment', id: environment.id },
    environment,
    site,
    region,
    cause,
  };
}
