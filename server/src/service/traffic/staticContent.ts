/** The static content of canvas apps: from the CDN, over the internet only, or with the CDN off from the environment, as its users go. */
import { entityFact } from '../facts';
import { appsOf, cdnOf, Circuit, Environment, Site, Topology } from '../model/model';
import { fallbackRoute } from './crossing';
import { CDN, entityHop, Hop, RouteKind, StaticContentRoute } from './route';
import { usersRoutes, usersSites } from './users';

/** One route per site of the environment's users, when it runs canvas apps (the CDN's route needs only the site). */
export const staticContentRoutes = entityFact((topology: Topology, environment: Environment): StaticContentRoute[] => {
  if (!appsOf(environment).includes('canvas')) return [];
  const route = (site: Site, to: Hop, route: RouteKind, cause: StaticContentRoute['cause'], circuit?: Circuit): StaticContentRoute => ({
    id: `static-content:${site.id}:${environment.id}`,
    kind: 'static-content',
    from: entityHop('site', site.id),
    to,
    route,
    circuit,
    subject: { kind: 'environment', id: environment.id },
    environment,
    site,
    cause,
  });
  if (cdnOf(environment)) return usersSites(topology, environment).map(({ site }) => route(site, CDN, fallbackRoute(site), { kind: 'cdn' }));
  return usersRoutes(topology, environment).map((users) => route(users.site, users.to, users.route, { kind: 'cdn-off', users }, users.circuit));
});
