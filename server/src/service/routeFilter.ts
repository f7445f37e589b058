/**
 * Route-filter facts the rules and their fixes share: which regions a circuit's served environments
 * need, what each entry of a filter denotes, and how the filter writes its entries (names or values).
 */
import { AzureRegion, azureRegionById, findPowerPlatformRegion, resolveRouteFilterEntry, RouteFilterEntry } from './catalog';
import type { NewItem } from './edits';
import { Circuit, cloudOf, Environment, ListField, ListItem, Topology } from './model';

export interface NeededRegion {
  region: AzureRegion;
  /** The first served environment that needs it. */
  environment: Environment;
}

/** The datacenter regions of every environment the circuit serves, each once, in the order they are met. */
export function regionsNeeded(topology: Topology, circuit: Circuit): NeededRegion[] {
  const needed = new Map<string, NeededRegion>();
  for (const environment of servedEnvironments(topology, circuit)) {
    const region = environment.region && findPowerPlatformRegion(environment.region.text);
    for (const id of region?.datacenterRegions ?? []) {
      const azure = azureRegionById(id);
      if (azure && !needed.has(id)) needed.set(id, { region: azure, environment });
    }
  }
  return [...needed.values()];
}

/** The regions needed, when the file is about the public cloud, whose regions the catalog knows. */
export function neededInPublicCloud(topology: Topology, circuit: Circuit): NeededRegion[] {
  return cloudOf(topology) === 'public' ? regionsNeeded(topology, circuit) : [];
}

/** The environments a circuit's `environments` list names (unknown ids skipped). */
export function servedEnvironments(topology: Topology, circuit: Circuit): Environment[] {
  const environments: Environment[] = [];
  for (const item of circuit.environments?.items ?? []) {
    const environment = topology.environments.get(item.text);
    if (environment && !environments.includes(environment)) environments.push(environment);
  }
  return environments;
}

export interface ResolvedEntry {
  item: ListItem;
  entry: RouteFilterEntry;
}

export function resolvedEntries(list: ListField | undefined): ResolvedEntry[] {
  return (list?.items ?? []).map((item) => ({ item, entry: resolveRouteFilterEntry(item.text) }));
}

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

/** How a filter of that style writes a region: its value, or its display name (always when the value is unknown). */
export function regionItem(region: AzureRegion, values: boolean): NewItem {
  return { text: values && region.microsoftPeeringCommunity ? region.microsoftPeeringCommunity : region.displayName };
}

/** The circuit a fix's diagnostic names in its data. */
export function circuitOfData(topology: Topology, data: unknown): Circuit | undefined {
  const id = (data as { circuitId?: unknown } | undefined)?.circuitId;
  return typeof id === 'string' ? topology.circuits.get(id) : undefined;
}
