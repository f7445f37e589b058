/**
 * The facts catalog (regions, datacenter pairs, BGP communities, connectors) as data with lookups.
 * The data file is a copy of the shared facts; every fact keeps its source key so that messages can
 * link to the Microsoft page it comes from.
 */
import data from '../data/catalog.json';

export interface PowerPlatformRegion {
  /** The location id; the display name where no Microsoft page gives the id (see `idVerified`). */
  id: string;
  /** `false` when no Microsoft page read gives the location id (Singapore, Italy): the file writes the display name. */
  idVerified: boolean;
  displayName: string;
  /** Azure regions that host the region's scale groups (one or two: the one pair the catalog knows). */
  datacenterRegions: string[];
  /** Azure regions Power Automate lists for gateways of this geography; `null` when no page lists them. */
  gatewayRegions: string[] | null;
  /** Other pairs of Azure regions an environment of this region may run in (Microsoft's enterprise-policy module: United States also centralus + eastus2). */
  otherDatacenterPairs?: string[][];
  /** The main region of an early-release region (same datacenters). */
  firstReleaseOf?: string;
  note?: string;
}

/** An ExpressRoute peering location (meet-me facility) of the public cloud. */
export interface PeeringLocation {
  id: string;
  displayName: string;
  /** The ExpressRoute geopolitical region; `null` when no Microsoft page states it. */
  geopoliticalRegion: string | null;
  /** The Azure regions a Local circuit at this location reaches (empty: Local is not offered here). */
  localAzureRegions: string[];
}

export interface AzureRegion {
  id: string;
  displayName: string;
  /** `null` when the catalog does not know the value: rules must say they cannot check. */
  microsoftPeeringCommunity: string | null;
  privatePeeringCommunity: string | null;
  /** The region's Azure Storage, SQL, Cosmos DB and Backup communities (12076:52NNN to 55NNN), where the routing page lists the region. */
  regionalServiceCommunities?: Record<RegionalServiceKey, string>;
}

/** A column of the routing page's table after the two regional ones: one service's prefixes in one region. */
export type RegionalServiceKey = 'storage' | 'sql' | 'cosmosDb' | 'backup';

export interface RegionalServiceKind {
  key: RegionalServiceKey;
  /** "Azure Storage" */
  name: string;
  /** "12076:52": the value of a region is this prefix and the region's three digits. */
  valuePrefix: string;
}

export interface ServiceCommunity {
  name: string;
  /** `null` where the page that names the service gives no value (Azure Communication Services). */
  value: string | null;
  /** Names the routing page used before (Azure Active Directory for Microsoft Entra ID, Dynamics 365 for CRM Online). */
  formerNames?: string[];
  /** Other current names, as the route filter's list of services shows them (Azure SIP Trunking for Microsoft PSTN services). */
  portalNames?: string[];
  /** A Microsoft 365 community: the circuit needs the Premium add-on. */
  microsoft365?: boolean;
  note?: string;
}

/** A service community of a sovereign cloud (the routing page's US Government table). */
export interface SovereignServiceCommunity extends ServiceCommunity {
  value: string;
  cloud: 'usgov';
}

export type ConnectorTarget = 'on-premises' | 'microsoft' | 'third-party' | 'either';

export interface ConnectorInfo {
  id: string;
  displayName: string;
  target: ConnectorTarget;
  gatewayCapable: boolean;
  note?: string;
}

export type SourceKey = keyof typeof data.sources;

export const powerPlatformRegions: readonly PowerPlatformRegion[] = data.powerPlatformRegions.map((r) => ({
  ...r,
  id: r.id ?? r.displayName,
  idVerified: r.id !== null,
  gatewayRegions: r.gatewayRegions ?? null,
}));
export const peeringLocations: readonly PeeringLocation[] = data.peeringLocations;
const geopoliticalRegions: Readonly<Record<string, string>> = data.geopoliticalRegionsOfAzureRegions.regions;
export const azureRegions: readonly AzureRegion[] = data.azureRegions;
export const serviceCommunities: readonly ServiceCommunity[] = data.serviceCommunities;
export const regionalServiceKinds: readonly RegionalServiceKind[] = data.regionalServiceCommunityKinds as RegionalServiceKind[];
export const sovereignServiceCommunities: readonly SovereignServiceCommunity[] = data.sovereignServiceCommunities.usgov.map((s) => ({ ...s, cloud: 'usgov' as const }));
export const connectors: readonly ConnectorInfo[] = data.connectors as ConnectorInfo[];

/** The URL of a catalog source key (`arch`, `routing`, ...). */
export function sourceUrl(key: SourceKey): string {
  return data.sources[key];
}

/** Region values and filter entries match regardless of case, spaces, hyphens and underscores. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The same words in any order ("India South" is how the routing page names South India). */
function wordKey(text: string): string {
  return text
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

function indexBy<T>(items: readonly T[], keys: (item: T) => string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    for (const key of keys(item)) {
      if (!map.has(key)) map.set(key, item);
    }
  }
  return map;
}

const ppByName = indexBy(powerPlatformRegions, (r) => [normalize(r.id), normalize(r.displayName)]);
const azureByName = indexBy(azureRegions, (r) => [normalize(r.id), normalize(r.displayName)]);
const azureByWords = indexBy(azureRegions, (r) => [wordKey(r.displayName)]);
const azureById = indexBy(azureRegions, (r) => [r.id]);
const azureByMicrosoftCommunity = indexBy(azureRegions, (r) =>
  r.microsoftPeeringCommunity ? [r.microsoftPeeringCommunity] : [],
);
const azureByPrivateCommunity = indexBy(azureRegions, (r) =>
  r.privatePeeringCommunity ? [r.privatePeeringCommunity] : [],
);
const serviceByKey = indexBy(serviceCommunities, (s) => [...(s.value ? [s.value] : []), normalize(s.name), ...(s.portalNames ?? []).map(normalize)]);
const serviceByFormerName = indexBy(serviceCommunities, (s) => (s.formerNames ?? []).map(normalize));
const sovereignServiceByValue = indexBy(sovereignServiceCommunities, (s) => [s.value]);
const regionalServiceByValue = new Map<string, { region: AzureRegion; kind: RegionalServiceKind }>();
for (const region of azureRegions) {
  for (const kind of regionalServiceKinds) {
    const value = region.regionalServiceCommunities?.[kind.key];
    if (value) regionalServiceByValue.set(value, { region, kind });
  }
}
const peeringByName = indexBy(peeringLocations, (p) => [normalize(p.id), normalize(p.displayName)]);
const connectorByKey = indexBy(connectors, (c) => [normalize(c.id), normalize(c.displayName)]);
const sovereignCommunities = new Set(
  Object.values(data.sovereignRegionCommunities).flatMap((regions) => Object.values(regions)),
);

/** The clouds of the format whose regions each table of the routing page's national clouds gives. */
const SOVEREIGN_TABLES: Record<string, (keyof typeof data.sovereignRegionCommunities)[]> = { gcc: ['usgov'], 'gcc-high': ['usgov'], dod: ['usgov', 'usdod'], china: ['china'] };

/** A sovereign cloud's regional communities, as [value, region id] pairs (none for a cloud ppnet does not know). */
export function sovereignRegionCommunitiesOf(cloud: string): [string, string][] {
  return (SOVEREIGN_TABLES[cloud] ?? []).flatMap((table) => Object.entries(data.sovereignRegionCommunities[table]).map(([id, value]): [string, string] => [value, id]));
}

/** A Power Platform region by id or display name, in any case. */
export function findPowerPlatformRegion(text: string): PowerPlatformRegion | undefined {
  return ppByName.get(normalize(text));
}

/** An Azure region by id, display name, the routing page's word order, or its community value. */
export function findAzureRegion(text: string): AzureRegion | undefined {
  const trimmed = text.trim();
  return (
    azureByName.get(normalize(trimmed)) ??
    azureByWords.get(wordKey(trimmed)) ??
    azureByMicrosoftCommunity.get(trimmed)
  );
}

export function azureRegionById(id: string): AzureRegion | undefined {
  return azureById.get(id);
}

export function findConnector(text: string): ConnectorInfo | undefined {
  return connectorByKey.get(normalize(text));
}

/** A peering location by id or display name, in any case ("Amsterdam", "amsterdam", "Newport(Wales)"). */
export function findPeeringLocation(text: string): PeeringLocation | undefined {
  return peeringByName.get(normalize(text)) ?? peeringByName.get(normalize(text).replace(/[()]/g, ''));
}

/** The ExpressRoute geopolitical region of an Azure region, when the locations page states it. */
export function geopoliticalRegionOf(azureRegionId: string): string | undefined {
  return geopoliticalRegions[azureRegionId];
}

/** Every Azure region an environment of the region may run in as Microsoft's pages and tools give them: its pair, then its other pairs. */
export function knownDatacenterRegions(region: PowerPlatformRegion): string[] {
  return [...new Set([...region.datacenterRegions, ...(region.otherDatacenterPairs ?? []).flat()])];
}

/** The main region an early-release region shares its datacenters with (itself otherwise). */
export function mainRegionOf(region: PowerPlatformRegion): string {
  return region.firstReleaseOf ?? region.id;
}

/** The Power Platform region whose geography (datacenter and gateway regions) holds an Azure region. */
export function powerPlatformRegionsContaining(azureRegionId: string): PowerPlatformRegion[] {
  return powerPlatformRegions.filter(
    (r) => r.datacenterRegions.includes(azureRegionId) || (r.gatewayRegions ?? []).includes(azureRegionId),
  );
}

/** All Azure regions of a Power Platform region's geography, datacenter regions first. */
export function geographyOf(region: PowerPlatformRegion): string[] {
  return [...new Set([...region.datacenterRegions, ...(region.gatewayRegions ?? [])])];
}

export type RouteFilterEntry =
  | { kind: 'region'; region: AzureRegion; community: string }
  | { kind: 'region-unknown-community'; region: AzureRegion }
  | { kind: 'service'; service: ServiceCommunity; formerName?: string }
  /** One service's prefixes in one region (12076:52NNN to 55NNN): never the region's own community; `region` unknown for a region the catalog lacks. */
  | { kind: 'regional-service'; value: string; service: RegionalServiceKind; region?: AzureRegion }
  | { kind: 'private-peering'; value: string; region?: AzureRegion }
  /** A community of a sovereign cloud: a region's (12076:511NN, 512NN, 513NN) or a US Government service's (12076:5110...). */
  | { kind: 'sovereign'; value: string; service?: SovereignServiceCommunity }
  | { kind: 'power-platform-region'; region: PowerPlatformRegion }
  | { kind: 'unknown' };

const COMMUNITY = /^\d+:\d+$/;

/** What one route-filter entry denotes: a regional or service community, or a mistake. */
export function resolveRouteFilterEntry(text: string): RouteFilterEntry {
  const trimmed = text.trim();
  if (COMMUNITY.test(trimmed)) {
    const region = azureByMicrosoftCommunity.get(trimmed);
    if (region) return { kind: 'region', region, community: trimmed };
    const service = serviceByKey.get(trimmed);
    if (service) return { kind: 'service', service };
    const privateRegion = azureByPrivateCommunity.get(trimmed);
    if (privateRegion || /^12076:50\d{3}$/.test(trimmed)) {
      return { kind: 'private-peering', value: trimmed, region: privateRegion };
    }
    const regional = regionalServiceByValue.get(trimmed);
    if (regional) return { kind: 'regional-service', value: trimmed, service: regional.kind, region: regional.region };
    const column = /^12076:5[2-5]\d{3}$/.test(trimmed) && regionalServiceKinds.find((k) => trimmed.startsWith(k.valuePrefix));
    if (column) return { kind: 'regional-service', value: trimmed, service: column };
    const sovereignService = sovereignServiceByValue.get(trimmed);
    if (sovereignService) return { kind: 'sovereign', value: trimmed, service: sovereignService };
    if (sovereignCommunities.has(trimmed)) return { kind: 'sovereign', value: trimmed };
    return { kind: 'unknown' };
  }
  const service = serviceByKey.get(normalize(trimmed));
  if (service) return { kind: 'service', service };
  const renamed = serviceByFormerName.get(normalize(trimmed));
  if (renamed) return { kind: 'service', service: renamed, formerName: trimmed };
  const region = findAzureRegion(trimmed);
  if (region) {
    return region.microsoftPeeringCommunity
      ? { kind: 'region', region, community: region.microsoftPeeringCommunity }
      : { kind: 'region-unknown-community', region };
  }
  const pp = findPowerPlatformRegion(trimmed);
  if (pp) return { kind: 'power-platform-region', region: pp };
  return { kind: 'unknown' };
}

/** "CRM Online (12076:5040)", or the name alone when no page gives the value. */
export function describeService(service: ServiceCommunity): string {
  return service.value ? `${service.name} (${service.value})` : service.name;
}

/** "North Europe (12076:51003)", or the name alone when the value is unknown. */
export function describeRegionCommunity(region: AzureRegion): string {
  return region.microsoftPeeringCommunity
    ? `${region.displayName} (${region.microsoftPeeringCommunity})`
    : region.displayName;
}

// ---- Virtual Network support (subnet delegation) ----

const vnet = data.virtualNetworkSupport;

/** The Azure regions where an enterprise policy's subnets must be for environments of a Power Platform region. */
export interface VirtualNetworkRegion {
  powerPlatformRegion: string;
  azureRegions: string[];
  /** The policy's `location` value; `null` where no page gives it (Italy). */
  policyLocation: string | null;
}

const vnetRegionByRegion = indexBy(vnet.regions as VirtualNetworkRegion[], (r) => [normalize(r.powerPlatformRegion)]);

/** The Virtual Network support table's row for a Power Platform region; `undefined` where the table has none (unknown). */
export function virtualNetworkRegion(region: PowerPlatformRegion): VirtualNetworkRegion | undefined {
  return vnetRegionByRegion.get(normalize(region.id)) ?? vnetRegionByRegion.get(normalize(region.displayName));
}

/** Whether Virtual Network support is available in a cloud (`gcc`: no); `undefined` for a cloud the page does not name. */
export function virtualNetworkCloudSupported(cloud: string): boolean | undefined {
  return (vnet.clouds as Record<string, boolean | null>)[cloud] ?? undefined;
}

/** Whether environments of a type can use Virtual Network support; `undefined` for a type the page does not name. */
export function virtualNetworkTypeSupported(type: string): boolean | undefined {
  return (vnet.environmentTypes as Record<string, boolean>)[type];
}

/** The addresses Microsoft's estimate gives an environment of a type (upper figure); `undefined` when it gives none. */
export function virtualNetworkAddressesFor(type: string): number | undefined {
  return (vnet.subnetSizing.addressesPerEnvironment as Record<string, number>)[type];
}

/** Addresses Azure reserves in every subnet. */
export const RESERVED_SUBNET_ADDRESSES: number = vnet.subnetSizing.reservedPerSubnet;

export type VirtualNetworkConnectorSupport = 'supported' | 'unsupported' | 'unknown';

const vnetConnectors = new Set<string>(vnet.connectors);
const vnetConnectorsUnknown = new Set<string>(vnet.connectorsUnknown);

/** Whether a catalog connector runs its calls in the delegated subnet (`unknown` for a connector ppnet cannot place). */
export function virtualNetworkSupport(info: ConnectorInfo | undefined): VirtualNetworkConnectorSupport {
  if (!info || vnetConnectorsUnknown.has(info.id)) return 'unknown';
  return vnetConnectors.has(info.id) ? 'supported' : 'unsupported';
}

/** The connectors that run their calls in the delegated subnet, in the page's order. */
export function virtualNetworkConnectors(): ConnectorInfo[] {
  return vnet.connectors.flatMap((id) => connectors.find((c) => c.id === id) ?? []);
}

// ---- ExpressRoute limits (FAQ) ----

const limits = data.expressRouteLimits;

/** The bandwidths ExpressRoute circuits are offered in, in Mbps (40 and 100 Gbps on ExpressRoute Direct). */
export const CIRCUIT_BANDWIDTHS_MBPS: readonly number[] = limits.bandwidthsMbps;

/** Virtual networks a circuit can link: 10 on Local and Standard; on Premium by bandwidth (`undefined` when the bandwidth is not one offered). */
export function vnetLinkLimit(sku: 'local' | 'standard' | 'premium', bandwidthMbps: number | undefined): number | undefined {
  if (sku !== 'premium') return limits.vnetLinksPerCircuit[sku];
  return bandwidthMbps === undefined ? undefined : (limits.vnetLinksPerCircuit.premiumByBandwidthMbps as Record<string, number>)[String(bandwidthMbps)];
}

/** The most virtual networks any circuit can link (Premium at 10 Gbps and above). */
export const MAX_VNET_LINKS: number = Math.max(...Object.values(limits.vnetLinksPerCircuit.premiumByBandwidthMbps));

/** The fewest virtual networks a Premium circuit can link (at its smallest bandwidth). */
export const MIN_PREMIUM_VNET_LINKS: number = Math.min(...Object.values(limits.vnetLinksPerCircuit.premiumByBandwidthMbps));

/** Circuits that can link one virtual network: at one peering location, and in all. */
export const CIRCUITS_PER_VNET = limits.circuitsPerVnet;
