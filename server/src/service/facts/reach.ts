/**
 * What a circuit reaches from its peering location and SKU (ExpressRoute FAQ and locations page):
 * Local reaches only the location's local Azure regions, Standard the Azure regions of the location's
 * geopolitical region, Premium every Azure region of the cloud. `unknown` wherever a fact is missing.
 */
import { findPeeringLocation, geopoliticalRegionOf, PeeringLocation } from '../catalog/catalog';
import { Circuit, Environment, ListItem, Topology } from '../model/model';
import { entityFact, ownFact } from './memo';
import { datacenterRegionsOf } from './regions';

export type Sku = 'local' | 'standard' | 'premium';
export const SKUS: readonly Sku[] = ['local', 'standard', 'premium'];

/** A circuit whose peering location the catalog knows and whose SKU is written: what it reaches is decided. */
export interface ReachBasis {
  location: PeeringLocation;
  sku: Sku;
}

export function skuOf(circuit: Circuit): Sku | undefined {
  const text = circuit.sku?.text.trim().toLowerCase();
  return SKUS.find((sku) => sku === text);
}

export const reachBasis = ownFact((circuit: Circuit): ReachBasis | undefined => {
  const location = circuit.peeringLocation && findPeeringLocation(circuit.peeringLocation.text);
  const sku = skuOf(circuit);
  return location && sku ? { location, sku } : undefined;
});

export type RegionReach = 'reachable' | 'unreachable' | 'unknown';

/** Whether a circuit of that basis reaches an Azure region. */
export function reachOf(basis: ReachBasis, azureRegionId: string): RegionReach {
  const { location, sku } = basis;
  if (location.localAzureRegions.includes(azureRegionId) || sku === 'premium') return 'reachable';
  if (sku === 'local') return 'unreachable';
  const home = location.geopoliticalRegion;
  const there = geopoliticalRegionOf(azureRegionId);
  if (!home || !there) return 'unknown';
  return home === there ? 'reachable' : 'unreachable';
}

/** The least SKU that reaches every one of the regions from the location: `standard` or `premium`. */
export function skuReaching(location: PeeringLocation, azureRegionIds: readonly string[]): Sku {
  const standard = azureRegionIds.every((id) => reachOf({ location, sku: 'standard' }, id) === 'reachable');
  return standard ? 'standard' : 'premium';
}

export interface OutOfReach {
  environment: Environment;
  /** The item of the circuit's `environments` list that names it. */
  item: ListItem;
  /** The environment's datacenter regions the circuit cannot reach. */
  regions: string[];
  basis: ReachBasis;
}

/** Each environment a circuit serves that runs in a datacenter region the circuit cannot reach. */
export const outOfReach = entityFact((topology: Topology, circuit: Circuit): OutOfReach[] => {
  const basis = reachBasis(circuit);
  if (!basis) return [];
  const found: OutOfReach[] = [];
  const seen = new Set<string>();
  for (const item of circuit.environments?.items ?? []) {
    const environment = topology.environments.get(item.text);
    if (!environment || seen.has(environment.id)) continue;
    seen.add(environment.id);
    const regions = datacenterRegionsOf(environment).filter((id) => reachOf(basis, id) === 'unreachable');
    if (regions.length > 0) found.push({ environment, item, regions, basis });
  }
  return found;
});

/** Whether the circuit reaches the Azure region (`unknown` when its location or SKU is not known). */
export function circuitReaches(circuit: Circuit, azureRegionId: string): RegionReach {
  const basis = reachBasis(circuit);
  return basis ? reachOf(basis, azureRegionId) : 'unknown';
}
