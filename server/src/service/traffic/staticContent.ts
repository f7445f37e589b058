/** The static content of canvas apps: from the CDN, over the internet only, or with the CDN off from the environment, as its users go. */
import { entityFact } from '../facts';
import { appsOf, cdnOf, Environment, Site, Topology } from '../model/model';
import { fallbackRoute } from './crossing';
import { CDN, entityHop, StaticContentRoute } from './route';
import { usersRoutes, usersSites } from './users';

/** One route per site of the environment's users, when it runs canvas apps (the CDN's route needs only the site). */
export const staticContentRoutes = entityFact((topology: Topology, environment: Environment): StaticContentRoute[] => {
  if (!appsOf(environment).includes('canvas')) return [];
  const base = (site: Site) => ({
    id: `static-content:${site.id}:${environment.id}`,
    kind: 'static-content' as const,
    from: entityHop('site', site.id),
    subject: { kind: 'environment' as const, id: environment.id },
    environment,
    site,
  });
  if (cdnOf(environment)) return usersSites(topology, environment).map(({ site }) => ({ ...base(site), to: CDN, route: fallbackRoute(site), cause: { kind: 'cdn' } }));
  return usersRoutes(topology, environment).map((users) => ({
    ...base(users.site),
    to: users.to,
    route: users.route,
    ...(users.circuit && { circuit: users.circuit }),
    cause: { kind: 'cdn-off', users },
  }));
});
