/**
 * The BGP community values a circuit's route filter allows, as Azure takes them: each entry of the
 * design resolved to its value (a region's Microsoft-peering community, a service community), the
 * entries that resolve to the same value merged, and the entries that resolve to no value ppnet can
 * write, with the reason. What infrastructure-as-code exports write.
 */
import { resolveRouteFilterEntry } from '../catalog/catalog';
import { Circuit, cloudOf, ListItem, Topology } from '../model/model';
import { isUnknownRegionalValue } from './routeFilters';

export interface FilterCommunity {
  /** The value Azure takes (`12076:51002`). */
  value: string;
  /** What each entry that resolves to it names (`West Europe`), in file order; empty for a value ppnet does not know. */
  names: string[];
}

/**
 * Why an entry resolves to no value: a region whose community the catalog does not know, a service
 * whose value no page gives (Azure Communication Services), a private-peering value, a sovereign cloud's value in a public-cloud file, a Power Platform region,
 * an entry that is no community at all, or a name in a file of another cloud (ppnet knows the public
 * cloud's values only).
 */
export type UnplacedReason = 'region-unknown-community' | 'service-without-value' | 'private-peering' | 'sovereign' | 'power-platform-region' | 'unknown' | 'other-cloud';

export interface UnplacedEntry {
  item: ListItem;
  reason: UnplacedReason;
}

export interface FilterCommunities {
  communities: FilterCommunity[];
  unplaced: UnplacedEntry[];
}

const COMMUNITY_VALUE = /^\d+:\d+$/;

/** The values a circuit's route filter allows, in the order first written. */
export function filterCommunities(topology: Topology, circuit: Circuit): FilterCommunities {
  const byValue = new Map<string, FilterCommunity>();
  const unplaced: UnplacedEntry[] = [];
  const add = (value: string, name?: string) => {
    const community = byValue.get(value) ?? { value, names: [] };
    byValue.set(value, community);
    if (name !== undefined && !community.names.includes(name)) community.names.push(name);
  };
  const publicCloud = cloudOf(topology) === 'public';
  for (const item of circuit.microsoftPeering?.routeFilter?.items ?? []) {
    const text = item.text.trim();
    if (!publicCloud) {
      // Names resolve against the public cloud's catalog: only a written value is sure.
      if (COMMUNITY_VALUE.test(text)) add(text);
      else unplaced.push({ item, reason: 'other-cloud' });
      continue;
    }
    const entry = resolveRouteFilterEntry(text);
    if (entry.kind === 'region') add(entry.community, entry.region.displayName);
    else if (entry.kind === 'service' && entry.service.value) add(entry.service.value, entry.service.name);
    else if (entry.kind === 'service') unplaced.push({ item, reason: 'service-without-value' });
    // A region's Azure Storage, SQL, Cosmos DB or Backup community (12076:52NNN-55NNN) is always written as its value.
    else if (entry.kind === 'regional-service') add(entry.value, entry.region && `${entry.service.name} in ${entry.region.displayName}`);
    else if (isUnknownRegionalValue(text, entry)) add(text); // maybe a region newer than the catalog
    else unplaced.push({ item, reason: entry.kind });
  }
  return { communities: [...byValue.values()], unplaced };
}
