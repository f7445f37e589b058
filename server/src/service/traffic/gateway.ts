/**
 * How a gateway reaches Azure Service Bus in its Azure region (it opens the connection, outbound only):
 * over a circuit at its site whose route filter carries that region, else the internet, or no route
 * where the site blocks it. Every connector that uses the gateway takes this route.
 */
import { findAzureRegion } from '../catalog/catalog';
import { entityFact, microsoftPeeringCircuitsAtSite } from '../facts';
import { Gateway, Topology } from '../model/model';
import { crossing, fallbackRoute, routeOfCrossing } from './crossing';
import type { GatewayRoute } from './route';

export const gatewayRoute = entityFact((topology: Topology, gateway: Gateway): GatewayRoute => {
  const siteId = gateway.site?.text;
  const site = siteId !== undefined ? topology.sites.get(siteId) : undefined;
  const region = gateway.region && findAzureRegion(gateway.region.text);
  const base = { gateway, ...(site && { site }), ...(region && { region }) };
  if (siteId === undefined) return { ...base, route: 'unknown', cause: { kind: 'no-site' } };
  const circuits = microsoftPeeringCircuitsAtSite(topology, siteId);
  // Without a circuit with Microsoft peering the gateway has only the internet, whatever its region.
  if (circuits.length === 0) return { ...base, route: fallbackRoute(site), cause: { kind: 'not-carried', lacks: [] } };
  if (!region) return { ...base, route: 'unknown', cause: { kind: 'unknown-region' } };
  const cause = crossing(topology, circuits, [region]);
  return { ...base, route: routeOfCrossing(cause, site), ...(cause.kind === 'carried' && { circuit: cause.circuit }), cause };
});
