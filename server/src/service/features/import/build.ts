/**
 * The entities of an imported topology, from the deployed estate and the map: which id each gets,
 * which map entry it takes, and each one's keys in the format's order (what the map names wins;
 * what neither holds is a TODO). `index.ts` writes them and says what is wrong with them.
 */
import type { DeployedCircuit, DeployedEnterprisePolicy, DeployedEnvironment, DeployedEstate, DeployedGatewayCluster } from '../../deployed/estate';
import { idKey, lastSegment } from '../../deployed/json';
import { azureRegionId, bandwidthText, catalogPeeringLocation, communityName, environmentTypeOfSku, powerPlatformRegionId, skuOfTier } from '../../deployed/spelling';
import { fromJson, YamlEntry, YamlMap, YamlValue } from './emit';
import { idFromName, uniqueIds } from './ids';
import type { ImportMap, MapEntry, MappedSection } from './map';

export type ImportedEntity =
  | { section: 'circuits'; resource: DeployedCircuit }
  | { section: 'environments'; resource: DeployedEnvironment }
  | { section: 'enterprisePolicies'; resource: DeployedEnterprisePolicy }
  | { section: 'gateways'; resource: DeployedGatewayCluster };

/** A value the format has no spelling for, kept out or as given: said as an info. */
export interface Unmapped {
  section: MappedSection;
  id: string;
  message: string;
}

export interface Built {
  /** The id each imported resource gets, by section and Azure id key. */
  ids: Record<MappedSection, Map<string, string>>;
  entities: Record<MappedSection, { id: string; entry: YamlMap }[]>;
  unmatched: { section: MappedSection; entry: MapEntry }[];
  unmapped: Unmapped[];
}

const SECTION_PREFIX: Record<MappedSection, string> = { circuits: 'er', environments: 'env', enterprisePolicies: 'ep', gateways: 'gw' };

function nameOf(entity: ImportedEntity): string {
  return entity.section === 'environments' ? entity.resource.displayName : entity.resource.name;
}

/** Each entity's id and map entry: the map's `id` wins, then the id from its name, unique within its section. */
function assignIds(section: MappedSection, resources: ImportedEntity[], map: ImportMap, built: Built): Map<ImportedEntity, MapEntry | undefined> {
  const base = uniqueIds(resources.map((r) => idFromName(nameOf(r), SECTION_PREFIX[section])));
  const byKey = new Map<string, number>();
  resources.forEach((r, i) => {
    for (const key of [r.resource.azureId, nameOf(r), base[i]]) if (!byKey.has(key.toLowerCase())) byKey.set(key.toLowerCase(), i);
  });
  // An exact id match first, then a name in any case.
  const exact = new Map(base.map((id, i) => [id, i]));
  const entries: (MapEntry | undefined)[] = resources.map(() => undefined);
  for (const entry of map.entries[section]) {
    const index = exact.get(entry.key) ?? byKey.get(entry.key.toLowerCase());
    if (index === undefined || entries[index]) built.unmatched.push({ section, entry });
    else entries[index] = entry;
  }
  const finals = uniqueIds(resources.map((_, i) => (typeof entries[i]?.fields.id === 'string' ? (entries[i]!.fields.id as string) : base[i])));
  const result = new Map<ImportedEntity, MapEntry | undefined>();
  resources.forEach((r, i) => {
    built.ids[section].set(idKey(r.resource.azureId), finals[i]);
    result.set(r, entries[i]);
  });
  return result;
}

/** Resolves a reference the map writes (an imported id, a display name, an Azure name or id) to the imported entity's id. */
export type Resolver = (section: MappedSection, text: string) => string;

export function buildEntities(estate: DeployedEstate, map: ImportMap): Built & { resolve: Resolver } {
  const built: Built = {
    ids: { circuits: new Map(), environments: new Map(), enterprisePolicies: new Map(), gateways: new Map() },
    entities: { circuits: [], environments: [], enterprisePolicies: [], gateways: [] },
    unmatched: [],
    unmapped: [],
  };
  const lists: Record<MappedSection, ImportedEntity[]> = {
    circuits: estate.circuits.map((resource) => ({ section: 'circuits', resource })),
    environments: estate.environments.map((resource) => ({ section: 'environments', resource })),
    enterprisePolicies: estate.enterprisePolicies.map((resource) => ({ section: 'enterprisePolicies', resource })),
    gateways: estate.gatewayClusters.map((resource) => ({ section: 'gateways', resource })),
  };
  const matched = new Map<ImportedEntity, MapEntry | undefined>();
  for (const section of Object.keys(lists) as MappedSection[]) for (const [e, m] of assignIds(section, lists[section], map, built)) matched.set(e, m);

  // References the map writes, by any name the entity goes by.
  const names: Record<MappedSection, Map<string, string>> = { circuits: new Map(), environments: new Map(), enterprisePolicies: new Map(), gateways: new Map() };
  for (const section of Object.keys(lists) as MappedSection[]) {
    for (const entity of lists[section]) {
      const id = built.ids[section].get(idKey(entity.resource.azureId))!;
      for (const key of [entity.resource.azureId, nameOf(entity), idFromName(nameOf(entity), SECTION_PREFIX[section])]) names[section].set(key.toLowerCase(), id);
      names[section].set(id.toLowerCase(), id);
    }
  }
  const resolve: Resolver = (section, text) => names[section].get(text.toLowerCase()) ?? text;
  const policyIds = new Map<string, string>();
  for (const policy of estate.enterprisePolicies) {
    const id = built.ids.enterprisePolicies.get(idKey(policy.azureId))!;
    policyIds.set(idKey(policy.azureId), id);
    if (policy.systemId) policyIds.set(idKey(policy.systemId), id);
  }

  for (const section of Object.keys(lists) as MappedSection[]) {
    for (const entity of lists[section]) {
      const id = built.ids[section].get(idKey(entity.resource.azureId))!;
      const unmapped = (message: string) => built.unmapped.push({ section, id, message });
      const fields =
        entity.section === 'circuits'
          ? circuitFields(entity.resource, unmapped)
          : entity.section === 'environments'
            ? environmentFields(entity.resource, policyIds, estate.covered.has('enterprisePolicy'), unmapped)
            : entity.section === 'enterprisePolicies'
              ? policyFields(entity.resource)
              : gatewayFields(entity.resource, unmapped);
      const entry = matched.get(entity);
      built.entities[section].push({ id, entry: { entries: withMap(section, fields, entry, nameOf(entity), id, entity.resource.azureId, resolve) } });
    }
    built.entities[section].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return { ...built, resolve };
}

/** The format's order of each kind's keys. */
const KEY_ORDER: Record<MappedSection, string[]> = {
  circuits: ['name', 'site', 'peeringLocation', 'region', 'sku', 'bandwidth', 'environments', 'microsoftPeering', 'privatePeering'],
  environments: ['name', 'region', 'datacenterRegions', 'type', 'releaseCycle', 'apps', 'cdn', 'managed', 'enterprisePolicy'],
  enterprisePolicies: ['name', 'subnets'],
  gateways: ['name', 'site', 'region', 'members', 'tls'],
};

/** The import's keys with the map's over them, in the format's order, `name` where the id is not the resource's name, `azureId` last. */
function withMap(section: MappedSection, fields: YamlEntry[], entry: MapEntry | undefined, name: string, id: string, azureId: string, resolve: Resolver): YamlEntry[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  if (name !== id && !byKey.has('name')) byKey.set('name', { key: 'name', value: name });
  for (const [key, value] of Object.entries(entry?.fields ?? {})) {
    if (key === 'id') continue;
    const resolved = key === 'environments' && Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? resolve('environments', v) : v)) : value;
    const yaml = fromJson(resolved);
    if (yaml !== undefined) byKey.set(key, { key, value: yaml });
  }
  const ordered = KEY_ORDER[section].map((key) => byKey.get(key)).filter((f): f is YamlEntry => f !== undefined);
  return [...ordered, { key: 'azureId', value: azureId }];
}

function circuitFields(circuit: DeployedCircuit, unmapped: (message: string) => void): YamlEntry[] {
  const fields: YamlEntry[] = [{ key: 'site', todo: 'the id of the site this circuit starts at (no export holds it; the map can give it)' }];
  const location = circuit.peeringLocation ? catalogPeeringLocation(circuit.peeringLocation) : undefined;
  if (circuit.peeringLocation && !location && circuit.expressRoutePortId) {
    // An ExpressRoute Direct port names its facility (Equinix-Amsterdam-AM5), not a peering location.
    fields.push({ key: 'peeringLocation', todo: `the peering location of ExpressRoute Direct port ${lastSegment(circuit.expressRoutePortId)}, whose export says ${circuit.peeringLocation}` });
    unmapped(`its ExpressRoute Direct port is at ${circuit.peeringLocation}, which is no peering location the catalog knows by that name: peeringLocation is left out.`);
  } else if (circuit.peeringLocation) fields.push({ key: 'peeringLocation', value: location ?? circuit.peeringLocation });
  else fields.push({ key: 'peeringLocation', todo: circuit.expressRoutePortId ? `the peering location of ExpressRoute Direct port ${lastSegment(circuit.expressRoutePortId)} (add the output of az network express-route port list)` : 'the circuit\'s peering location (the export gives none)' });
  fields.push({ key: 'region', todo: 'the Power Platform region selected for the circuit (no export holds it; the map can give it)' });
  if (circuit.skuTier) {
    const sku = skuOfTier(circuit.skuTier);
    if (sku) fields.push({ key: 'sku', value: sku });
    else {
      fields.push({ key: 'sku', todo: `standard, premium or local: the circuit's tier is ${circuit.skuTier}, which the format has no value for` });
      unmapped(`the circuit's SKU tier is ${circuit.skuTier}, which ppnet's format has no value for (standard, premium or local): sku is left out, so ppnet checks the circuit as the default standard one and does not check what it reaches.`);
    }
  } else fields.push({ key: 'sku', todo: 'standard, premium or local: the export gives no SKU tier' });
  if (circuit.bandwidthMbps !== undefined) fields.push({ key: 'bandwidth', value: bandwidthText(circuit.bandwidthMbps) });
  else fields.push({ key: 'bandwidth', todo: 'the circuit\'s bandwidth (the export gives none)' });
  fields.push({ key: 'environments', todo: 'the ids of the environments whose traffic this circuit carries (no export holds them; the map can give them)' });
  const microsoft = circuit.microsoftPeering;
  if (microsoft) {
    const peering: YamlEntry[] = [{ key: 'advertisedPrefixes', value: microsoft.advertisedPrefixes }];
    if (microsoft.routeFilter) {
      const communities = allowedCommunities(microsoft.routeFilter.rules);
      peering.push({ key: 'routeFilter', value: communities, itemComments: communities.map((c) => communityName(c)), comment: `route filter ${microsoft.routeFilter.name}` });
    } else if (microsoft.routeFilterId) {
      peering.push({ key: 'routeFilter', todo: `the communities of route filter ${lastSegment(microsoft.routeFilterId)}, which the inputs do not hold (add the output of az network route-filter list)` });
    }
    fields.push({ key: 'microsoftPeering', value: { entries: peering } });
  }
  const networks = circuit.privatePeering?.virtualNetworks ?? [];
  if (networks.length) fields.push({ key: 'privatePeering', value: { entries: [{ key: 'vnets', value: [...new Set(networks.map((n) => n.name))].sort() }] } });
  return fields;
}

/** The communities a filter's Allow rules name, once each, in numeric order. */
export function allowedCommunities(rules: { access: string; communities: string[] }[]): string[] {
  const values = new Set(rules.filter((r) => r.access.toLowerCase() === 'allow').flatMap((r) => r.communities));
  return [...values].sort(compareCommunities);
}

function compareCommunities(a: string, b: string): number {
  const [x1, y1] = a.split(':').map(Number);
  const [x2, y2] = b.split(':').map(Number);
  return x1 - x2 || y1 - y2 || (a < b ? -1 : a > b ? 1 : 0);
}

function environmentFields(environment: DeployedEnvironment, policyIds: Map<string, string>, policiesGiven: boolean, unmapped: (message: string) => void): YamlEntry[] {
  const fields: YamlEntry[] = [{ key: 'name', value: environment.displayName }];
  if (environment.region) {
    const region = powerPlatformRegionId(environment.region);
    fields.push({ key: 'region', value: region ?? environment.region });
    if (!region) unmapped(`its location ${environment.region} is no Power Platform region the catalog knows: region is written as given.`);
  } else fields.push({ key: 'region', todo: 'the Power Platform region of the environment (the export gives no location)' });
  if (environment.environmentSku) {
    const type = environmentTypeOfSku(environment.environmentSku);
    if (type) fields.push({ key: 'type', value: type });
    else unmapped(`its environment type ${environment.environmentSku} is none of ppnet's (production, sandbox, trial, developer, default, teams): type is left out.`);
  }
  if (environment.managed !== undefined) fields.push({ key: 'managed', value: environment.managed });
  if (environment.enterprisePolicyId) {
    const policy = policyIds.get(idKey(environment.enterprisePolicyId));
    if (policy) fields.push({ key: 'enterprisePolicy', value: policy });
    else
      fields.push({
        key: 'enterprisePolicy',
        todo: `the id of enterprise policy ${lastSegment(environment.enterprisePolicyId)}, which the inputs ${policiesGiven ? 'do not hold' : 'hold no enterprise policies for'} (add the policies' export: the az graph query of the README, or Get-AzResource -ExpandProperties)`,
      });
  }
  return fields;
}

function policyFields(policy: DeployedEnterprisePolicy): YamlEntry[] {
  const subnets: YamlValue[] = policy.subnets.map((subnet) => {
    const network = subnet.virtualNetwork;
    const entries: YamlEntry[] = [{ key: 'vnet', value: network?.name ?? lastSegment(subnet.virtualNetworkId) }];
    const region = network?.location ? (azureRegionId(network.location) ?? network.location) : undefined;
    entries.push(region ? { key: 'region', value: region } : { key: 'region', todo: 'the Azure region of the virtual network (add the output of az network vnet list)' });
    const cidr = network?.subnets.find((s) => s.name.toLowerCase() === subnet.subnetName.toLowerCase())?.addressPrefixes[0];
    entries.push(cidr ? { key: 'cidr', value: cidr, comment: `subnet ${subnet.subnetName}` } : { key: 'cidr', todo: `the address range of subnet ${subnet.subnetName} (add the output of az network vnet list)` });
    return { entries };
  });
  return [{ key: 'subnets', value: subnets }];
}

function gatewayFields(cluster: DeployedGatewayCluster, unmapped: (message: string) => void): YamlEntry[] {
  const fields: YamlEntry[] = [{ key: 'site', todo: 'the id of the site the gateway machines are at (no export holds it; the map can give it)' }];
  if (cluster.region) {
    const region = azureRegionId(cluster.region);
    if (region) fields.push({ key: 'region', value: region });
    else {
      fields.push({ key: 'region', todo: `the Azure region of the gateway (the export says ${cluster.region}, which is no Azure region the catalog knows)` });
      unmapped(`its region ${cluster.region} is no Azure region the catalog knows: region is left out.`);
    }
  } else fields.push({ key: 'region', todo: 'the Azure region the gateway is registered in (the export gives none; the map can give it)' });
  if (cluster.members.length) fields.push({ key: 'members', value: [...cluster.members].sort() });
  return fields;
}
