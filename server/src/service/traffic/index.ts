/**
 * Traffic paths: for every flow the topology implies (users to environments, canvas static content,
 * connectors, desktop flows, Azure services) the route it takes and its typed cause, decided once per
 * topology version, one file per kind of flow, following the ExpressRoute architecture article. The
 * route rules read these decisions; the preview draws them with their reasons (reasons.ts).
 */
import { topologyFact } from '../facts';
import type { Topology } from '../model/model';
import { azureServiceRoutes } from './azureService';
import { connectorRoutes } from './connector';
import { desktopFlowRoutes } from './desktopFlow';
import { Reason, reasonOf } from './reasons';
import type { FlowRoute } from './route';
import { staticContentRoutes } from './staticContent';
import { usersRoutes } from './users';

export * from './route';
export { azureServiceRoutes } from './azureService';
export { connectorRoute, connectorRoutes, expectedRoute } from './connector';
export { desktopFlowRoute, desktopFlowRoutes } from './desktopFlow';
export { gatewayRoute, gatewayRoutes } from './gateway';
export { staticContentRoutes } from './staticContent';
export { usersRoutes } from './users';
export type { Reason } from './reasons';

/** Every flow's route, in a stable order: by kind, then as the file lists the entities (each site's users before their static content). */
export const flowRoutes = topologyFact((topology: Topology): readonly FlowRoute[] => [
  ...[...topology.environments.values()].flatMap((environment) => {
    const staticContent = staticContentRoutes(topology, environment);
    return usersRoutes(topology, environment).flatMap((users, index) => (staticContent[index] ? [users, staticContent[index]] : [users]));
  }),
  ...connectorRoutes(topology),
  ...desktopFlowRoutes(topology),
  ...[...topology.azureServices.values()].flatMap((service) => azureServiceRoutes(topology, service)),
]);

/** A flow: its route and cause, and why in words. */
export type Flow = FlowRoute & Reason;

/** Every flow of a topology with its reason, in the order of `flowRoutes`. */
export const analyzeTraffic = topologyFact((topology: Topology): readonly Flow[] => flowRoutes(topology).map((route) => ({ ...route, ...reasonOf(route) })));

/** The environment a flow serves: its subject, or the one its connector or desktop flow names (when the file defines it). */
export function flowEnvironment(topology: Topology, flow: FlowRoute): string | undefined {
  const { kind, id } = flow.subject;
  const named = kind === 'environment' ? id : kind === 'connector' ? topology.connectors.get(id)?.environment?.text : kind === 'desktopFlow' ? topology.desktopFlows.get(id)?.environment?.text : undefined;
  return named !== undefined && topology.environments.has(named) ? named : undefined;
}
