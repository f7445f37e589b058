/**
 * Crossing the Microsoft edge: whether a site's circuits carry traffic to given Azure regions over
 * Microsoft peering (the first circuit that carries them all), and else what each circuit lacks.
 */
import { AzureRegion, azureRegionById } from '../catalog/catalog';
import { datacenterRegionsOf, uncarriedRegions } from '../facts';
import { Circuit, cloudOf, Environment, internetOf, Site, Topology } from '../model/model';
import type { CircuitLack, Crossing, RouteKind } from './route';

export function crossing(topology: Topology, circuits: readonly Circuit[], regions: readonly AzureRegion[]): Crossing {
  if (cloudOf(topology) !== 'public') return { kind: 'cannot-tell', why: { kind: 'sovereign-cloud' } };
  const unknownCommunity = regions.filter((r) => !r.microsoftPeeringCommunity);
  if (unknownCommunity.length) return { kind: 'cannot-tell', why: { kind: 'unknown-community', regions: unknownCommunity } };
  const lacks: CircuitLack[] = [];
  for (const circuit of circuits) {
    const lack = lackOf(topology, circuit, regions);
    if (!lack) return { kind: 'carried', circuit, regions: [...regions] };
    lacks.push(lack);
  }
  return { kind: 'not-carried', lacks };
}

/** What a circuit lacks to carry every one of the regions, or `undefined` when it carries them. */
function lackOf(topology: Topology, circuit: Circuit, regions: readonly AzureRegion[]): CircuitLack | undefined {
  const { unreachable, unlisted } = uncarriedRegions(topology, circuit, regions.map((r) => r.id));
  const missing = { circuit, unreachable: regions.filter((r) => unreachable.includes(r.id)), unlisted: regions.filter((r) => unlisted.includes(r.id)) };
  if (!circuit.microsoftPeering) return { kind: 'no-microsoft-peering', ...missing };
  if (!circuit.microsoftPeering.routeFilter?.items.length) return { kind: 'no-filter-entries', ...missing };
  return unreachable.length === 0 && unlisted.length === 0 ? undefined : { kind: 'regions', ...missing };
}

/** What happens to traffic that falls back to the internet at a site: it takes the internet, or no route where the site blocks it. */
export function fallbackRoute(site: Site | undefined): 'internet' | 'no-route' {
  return site && internetOf(site) === 'blocked' ? 'no-route' : 'internet';
}

/** The circuit that carries a crossing, when one does. */
export function carrier(cause: { kind: string; circuit?: Circuit }): Circuit | undefined {
  return cause.kind === 'carried' ? cause.circuit : undefined;
}

/** The route a crossing gives: ExpressRoute over the circuit that carries it, else the site's fallback, or unknown. */
export function routeOfCrossing(crossing: Crossing, site: Site | undefined): RouteKind {
  if (crossing.kind === 'carried') return 'expressroute';
  return crossing.kind === 'not-carried' ? fallbackRoute(site) : 'unknown';
}

/** The Azure regions an environment runs in (as written, else the pair of its region), as the catalog knows them. */
export function datacenterAzureRegions(environment: Environment): AzureRegion[] {
  return datacenterRegionsOf(environment).flatMap((id) => azureRegionById(id) ?? []);
}
