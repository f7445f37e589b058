/**
 * A desktop flow's machine reaching Azure Relay: over the internet (`relay: internet`, the default),
 * or with `relay: expressroute` over a circuit at its site whose route filter carries the datacenter
 * regions of the flow's environment, else falling back to the internet.
 */
import { microsoftPeeringCircuitsAtSite, sectionFact } from '../facts';
import { DesktopFlow, Environment, relayOf, Topology } from '../model/model';
import { carrier, crossing, datacenterAzureRegions, fallbackRoute } from './crossing';
import { DesktopFlowRoute, entityHop, RELAY } from './route';

function decideDesktopFlow(topology: Topology, flow: DesktopFlow): DesktopFlowRoute {
  const environmentId = flow.environment?.text;
  const environment = environmentId !== undefined ? topology.environments.get(environmentId) : undefined;
  const siteId = flow.site?.text;
  const site = siteId !== undefined ? topology.sites.get(siteId) : undefined;
  const cause = desktopFlowCause(topology, flow, siteId, environment);
  return {
    id: `desktop-flow:${flow.id}`,
    kind: 'desktop-flow',
    from: entityHop('desktopFlow', flow.id),
    to: RELAY,
    route: cause.kind === 'relay-internet' || cause.kind === 'not-carried' ? fallbackRoute(site) : cause.kind === 'carried' ? 'expressroute' : 'unknown',
    circuit: carrier(cause),
    subject: { kind: 'desktopFlow', id: flow.id },
    flow,
    site,
    environment,
    cause,
  };
}

const desktopFlows = sectionFact((topology) => topology.desktopFlows.values(), decideDesktopFlow);

/** Every desktop flow's route, in file order. */
export const desktopFlowRoutes = desktopFlows.all;
export const desktopFlowRoute = desktopFlows.of;

function desktopFlowCause(topology: Topology, flow: DesktopFlow, siteId: string | undefined, environment: Environment | undefined): DesktopFlowRoute['cause'] {
  if (relayOf(flow) !== 'expressroute') return { kind: 'relay-internet' };
  if (siteId === undefined) return { kind: 'no-site' };
  const circuits = microsoftPeeringCircuitsAtSite(topology, siteId);
  // Without a circuit with Microsoft peering the relay takes the internet, whatever the environment.
  if (circuits.length === 0) return { kind: 'not-carried', lacks: [] };
  if (!environment) return { kind: 'no-environment' };
  // The regions written in datacenterRegions count even where the environment's region is unknown.
  const regions = datacenterAzureRegions(environment);
  if (regions.length === 0) return { kind: 'unknown-region', environment };
  return crossing(topology, circuits, regions);
}
