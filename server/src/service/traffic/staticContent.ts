/** The static content of canvas apps: from the CDN, over the internet only, or with the CDN off from the environment, as its users go. */
import { entityFact } from '../facts';
import { appsOf, cdnOf, Environment, Topology } from '../model/model';
import { fallbackRoute } from './crossing';
import { CDN, StaticContentRoute, UsersRoute } from './route';
import { usersRoutes } from './users';

/** One route per site of the environment's users, when it runs canvas apps. */
export const staticContentRoutes = entityFact((topology: Topology, environment: Environment): StaticContentRoute[] =>
  appsOf(environment).includes('canvas') ? usersRoutes(topology, environment).map((users) => staticContentRoute(environment, users)) : [],
);

function staticContentRoute(environment: Environment, users: UsersRoute): StaticContentRoute {
  const base = {
    id: `static-content:${users.site.id}:${environment.id}`,
    kind: 'static-content' as const,
    from: users.from,
    subject: { kind: 'environment' as const, id: environment.id },
    environment,
    site: users.site,
  };
  if (!cdnOf(environment)) return { ...base, to: users.to, route: users.route, ...(users.circuit && { circuit: users.circuit }), cause: { kind: 'cdn-off', users } };
  return { ...base, to: CDN, route: fallbackRoute(users.site), cause: { kind: 'cdn' } };
}
