/**
 * How a gateway reaches Azure Service Bus in its Azure region (it opens the connection, outbound only):
 * over a circuit at its site whose route filter carries that region, else the internet, or no route
 * where the site blocks it. Every connector that uses the gateway takes this route.
 */
import { AzureRegion, findAzureRegion } from '../catalog/catalog';
import { microsoftPeeringCircuitsAtSite, sectionFact } from '../facts';
import { Gateway, Topology } from '../model/model';
import { carrier, crossing, routeOfCrossing } from './crossing';
import type { GatewayRoute } from './route';

function decideGateway(topology: Topology, gateway: Gateway): GatewayRoute {
  const siteId = gateway.site?.text;
  const site = siteId !== undefined ? topology.sites.get(siteId) : undefined;
  const region = (gateway.region && findAzureRegion(gateway.region.text)) || undefined;
  const cause = gatewayCause(topology, siteId, region);
  const route = cause.kind === 'no-site' || cause.kind === 'unknown-region' ? 'unknown' : routeOfCrossing(cause, site);
  return { gateway, route, circuit: carrier(cause), site, region, cause };
}

const gateways = sectionFact((topology) => topology.gateways.values(), decideGateway);

/** Every gateway's route to Service Bus, in file order. */
export const gatewayRoutes = gateways.all;
export const gatewayRoute = gateways.of;

function gatewayCause(topology: Topology, siteId: string | undefined, region: AzureRegion | undefined): GatewayRoute['cause'] {
  if (siteId === undefined) return { kind: 'no-site' };
  const circuits = microsoftPeeringCircuitsAtSite(topology, siteId);
  // Without a circuit with Microsoft peering the gateway has only the internet, whatever its region.
  if (circuits.length === 0) return { kind: 'not-carried', lacks: [] };
  if (!region) return { kind: 'unknown-region' };
  return crossing(topology, circuits, [region]);
}
