/**
 * A desktop flow's machine reaching Azure Relay: over the internet (`relay: internet`, the default),
 * or with `relay: expressroute` over a circuit at its site whose route filter carries the datacenter
 * regions of the flow's environment, else falling back to the internet.
 */
import { entityFact, microsoftPeeringCircuitsAtSite } from '../facts';
import { DesktopFlow, relayOf, Topology } from '../model/model';
import { crossing, datacenterAzureRegions, fallbackRoute, routeOfCrossing } from './crossing';
import { DesktopFlowRoute, entityHop, RELAY } from './route';

export const desktopFlowRoute = entityFact((topology: Topology, flow: DesktopFlow): DesktopFlowRoute => {
  const environmentId = flow.environment?.text;
  const environment = environmentId !== undefined ? topology.environments.get(environmentId) : undefined;
  const siteId = flow.site?.text;
  const site = siteId !== undefined ? topology.sites.get(siteId) : undefined;
  const base = {
    id: `desktop-flow:${flow.id}`,
    kind: 'desktop-flow' as const,
    from: entityHop('desktopFlow', flow.id),
    to: RELAY,
    subject: { kind: 'desktopFlow' as const, id: flow.id },
    flow,
    ...(site && { site }),
    ...(environment && { environment }),
  };
  if (relayOf(flow) !== 'expressroute') return { ...base, route: fallbackRoute(site), cause: { kind: 'relay-internet' } };
  if (siteId === undefined) return { ...base, route: 'unknown', cause: { kind: 'no-site' } };
  const circuits = microsoftPeeringCircuitsAtSite(topology, siteId);
  // Without a circuit with Microsoft peering the relay takes the internet, whatever the environment.
  if (circuits.length === 0) return { ...base, route: fallbackRoute(site), cause: { kind: 'not-carried', lacks: [] } };
  if (!environment) return { ...base, route: 'unknown', cause: { kind: 'no-environment' } };
  // The regions written in datacenterRegions count even where the environment's region is unknown.
  const regions = datacenterAzureRegions(environment);
  if (regions.length === 0) return { ...base, route: 'unknown', cause: { kind: 'unknown-region', environment } };
  const cause = crossing(topology, circuits, regions);
  return { ...base, route: routeOfCrossing(cause, site), ...(cause.kind === 'carried' && { circuit: cause.circuit }), cause };
});
