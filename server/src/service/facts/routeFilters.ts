/**
 * What a circuit's route filter carries and what its served environments need: which regions they
 * need, what each entry of a filter denotes, which communities are missing, and how the filter writes
 * its entries (names or values). Each walk is computed once per topology version.
 */
import { AzureRegion, azureRegionById, resolveRouteFilterEntry, RouteFilterEntry } from '../catalog/catalog';
import { Circuit, cloudOf, Environment, ListField, ListItem, Topology } from '../model/model';
import { entityFact, ownFact } from './memo';
import { circuitReaches } from './reach';
import { datacenterRegionsOf } from './regions';

export interface NeededRegion {
  region: AzureRegion;
  /** The first served environment that needs it. */
  environment: Environment;
}

/** The datacenter regions of every environment the circuit serves, each once, in the order they are met. */
export const regionsNeeded = entityFact((topology: Topology, circuit: Circuit): NeededRegion[] => {
  const needed = new Map<string, NeededRegion>();
  for (const environment of servedEnvironments(topology, circuit)) {
    for (const id of datacenterRegionsOf(environment)) {
      const azure = azureRegionById(id);
      if (azure && !needed.has(id)) needed.set(id, { region: azure, environment });
    }
  }
  return [...needed.values()];
});

/** The regions needed, when the file is about the public cloud, whose regions the catalog knows. */
export function neededInPublicCloud(topology: Topology, circuit: Circuit): NeededRegion[] {
  return cloudOf(topology) === 'public' ? regionsNeeded(topology, circuit) : [];
}

/** The environments a circuit's `environments` list names (unknown ids skipped). */
export const servedEnvironments = entityFact((topology: Topology, circuit: Circuit): Environment[] => {
  const environments: Environment[] = [];
  for (const item of circuit.environments?.items ?? []) {
    const environment = topology.environments.get(item.text);
    if (environment && !environments.includes(environment)) environments.push(environment);
  }
  return environments;
});

export interface ResolvedEntry {
  item: ListItem;
  entry: RouteFilterEntry;
}

/** What each entry of a list denotes, once per list: a list of an entity the incremental parser keeps keeps its value. */
const resolvedOf = ownFact((list: ListField): readonly ResolvedEntry[] => list.items.map((item) => ({ item, entry: resolveRouteFilterEntry(item.text) })));

export function resolvedEntries(list: ListField | undefined): readonly ResolvedEntry[] {
  return list ? resolvedOf(list) : [];
}

/** What a circuit's route filter carries: the Azure regions and service communities it selects, and the entries ppnet cannot place. */
export interface CarriedRoutes {
  entries: readonly ResolvedEntry[];
  /** Azure region ids whose regional community the filter lists. */
  regions: ReadonlySet<string>;
  /** Service community values the filter lists (a service's name where no page gives its value), regional service communities included. */
  services: ReadonlySet<string>;
  /** Entries that are not a known region or service community. */
  unknown: ResolvedEntry[];
}

/** It reads the circuit alone: kept with the circuit while the incremental parser keeps it. */
const carriedBy = ownFact((circuit: Circuit): CarriedRoutes => {
  const entries = resolvedEntries(circuit.microsoftPeering?.routeFilter);
  const regions = new Set<string>();
  const services = new Set<string>();
  const unknown: ResolvedEntry[] = [];
  for (const resolved of entries) {
    const { entry } = resolved;
    if (entry.kind === 'region' || entry.kind === 'region-unknown-community') regions.add(entry.region.id);
    else if (entry.kind === 'service') services.add(entry.service.value ?? entry.service.name);
    // A region's Storage, SQL, Cosmos DB or Backup community carries that service only: never the region itself.
    else if (entry.kind === 'regional-service') services.add(entry.value);
    else unknown.push(resolved);
  }
  return { entries, regions, services, unknown };
});

export const carriedRoutes = (_topology: Topology, circuit: Circuit): CarriedRoutes => carriedBy(circuit);

export interface MissingCommunity {
  regionId: string;
  community: string;
  environmentId: string;
}

/** The regional communities the circuit's served environments need and its route filter lacks (known values only: catalog-gap speaks of the others; regions the circuit cannot reach are circuit-sku-reach's). */
export const missingCommunities = entityFact((topology: Topology, circuit: Circuit): MissingCommunity[] => {
  const present = new Set<string>();
  for (const { entry } of carriedRoutes(topology, circuit).entries) if (entry.kind === 'region') present.add(entry.region.id);
  const missing: MissingCommunity[] = [];
  for (const { region, environment } of regionsNeeded(topology, circuit)) {
    if (!region.microsoftPeeringCommunity || present.has(region.id)) continue;
    if (circuitReaches(circuit, region.id) === 'unreachable') continue; // circuit-sku-reach: no filter entry helps
    missing.push({ regionId: region.id, community: region.microsoftPeeringCommunity, environmentId: environment.id });
  }
  return missing;
});

const COMMUNITY_VALUE = /^\s*\d+:\d+\s*$/;

/** A Microsoft-peering regional value (12076:51NNN) the catalog does not know: maybe a region newer than it. */
export function isUnknownRegionalValue(text: string, entry: RouteFilterEntry): boolean {
  return entry.kind === 'unknown' && /^12076:51\d{3}$/.test(text.trim());
}

/** A filter writes values when its known communities are written as values (12076:51002), none by name. */
export function writesValues(list: ListField | undefined): boolean {
  const known = resolvedEntries(list).filter((r) => r.entry.kind === 'region' || r.entry.kind === 'service');
  return known.length > 0 && known.every((r) => COMMUNITY_VALUE.test(r.item.text));
}

/** Which of the Azure regions a circuit does not carry: out of its reach (peering location and SKU), or not in its route filter. */
export interface UncarriedRegions {
  unreachable: string[];
  unlisted: string[];
}

export function uncarriedRegions(topology: Topology, circuit: Circuit, azureRegionIds: readonly string[]): UncarriedRegions {
  const listed = carriedRoutes(topology, circuit).regions;
  const unreachable = azureRegionIds.filter((id) => circuitReaches(circuit, id) === 'unreachable');
  return { unreachable, unlisted: azureRegionIds.filter((id) => !unreachable.includes(id) && !listed.has(id)) };
}
