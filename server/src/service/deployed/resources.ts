/**
 * Each kind of exported resource read into the estate's types, whatever its envelope (ARM's
 * `properties`, `az`'s flattened object, PowerShell's capitalised one): values kept as Azure and Power
 * Platform spell them. A resource that lacks what ppnet needs is read as far as it goes and `report`
 * says what is missing.
 */
import type {
  DeployedCircuit,
  DeployedConnection,
  DeployedEnterprisePolicy,
  DeployedEnvironment,
  DeployedGatewayCluster,
  DeployedMicrosoftPeering,
  DeployedRouteFilter,
  DeployedSource,
  DeployedSubnet,
  DeployedVirtualNetwork,
  DeployedVirtualNetworkGateway,
} from './estate';
import { asArray, asNumber, asString, asStrings, field, isObject, lastSegment, prop, referenceId } from './json';
import { idOf } from './shape';

/** Says something about one resource of the input being read. */
export type Report = (code: 'import-incomplete' | 'import-dangling' | 'import-unknown-shape', severity: 'error' | 'warning' | 'information', message: string) => void;

/** A peering as read, before it is joined to its circuit. */
export interface PeeringRecord {
  /** Its own id, when given. */
  id?: string;
  /** The circuit's id: from the peering's id, or the circuit it was embedded in. */
  circuitId?: string;
  type: 'microsoft' | 'private' | 'other';
  state?: string;
  advertisedPrefixes: string[];
  advertisedPrefixesState?: string;
  routeFilterId?: string;
  source: DeployedSource;
}

/** PowerShell's `ConvertTo-Json` writes objects below its depth (2 by default) as their type's name. */
function truncatedByDepth(value: unknown): boolean {
  return typeof value === 'string' && /^(Microsoft\.|System\.)[\w.]+$|^@\{/.test(value.trim());
}

const DEPTH_HINT = 'PowerShell wrote it as a type name: export again with ConvertTo-Json -Depth 10';

/** An object-valued property, with a report when PowerShell cut it off. */
function objectProp(resource: unknown, key: string, label: string, report: Report): unknown {
  const value = prop(resource, key);
  if (truncatedByDepth(value) || (Array.isArray(value) && value.some(truncatedByDepth))) {
    report('import-incomplete', 'warning', `${label}: ${key} is missing (${DEPTH_HINT}).`);
    return undefined;
  }
  return value;
}

function nameOf(resource: unknown, id: string | undefined): string | undefined {
  return asString(field(resource, 'name')) ?? (id ? lastSegment(id) : undefined);
}

export function readCircuit(resource: unknown, file: string, report: Report): { circuit: DeployedCircuit; peerings: PeeringRecord[] } | undefined {
  const id = idOf(resource);
  const name = nameOf(resource, id);
  const label = `ExpressRoute circuit ${id ?? name ?? '(no id or name)'}`;
  if (!id) {
    report('import-incomplete', 'warning', `${label} has no id, which ppnet needs to join its peerings and to write azureId: it is not imported.`);
    return undefined;
  }
  const source = { file, resource: id };
  let truncated = false;
  const noted: Report = (...args) => {
    truncated = true;
    report(...args);
  };
  const sku = objectProp(resource, 'sku', label, noted);
  const provider = objectProp(resource, 'serviceProviderProperties', label, noted);
  const port = referenceId(objectProp(resource, 'expressRoutePort', label, noted));
  const gbps = asNumber(prop(resource, 'bandwidthInGbps'));
  const mbps = asNumber(field(provider, 'bandwidthInMbps'));
  const circuit: DeployedCircuit = {
    kind: 'circuit',
    azureId: id,
    name: name!,
    location: asString(field(resource, 'location')),
    peeringLocation: asString(field(provider, 'peeringLocation')),
    serviceProviderName: asString(field(provider, 'serviceProviderName')),
    skuTier: asString(field(sku, 'tier')) ?? skuTierOfName(asString(field(sku, 'name'))),
    skuFamily: asString(field(sku, 'family')),
    bandwidthMbps: mbps ?? (gbps !== undefined ? Math.round(gbps * 1000) : undefined),
    expressRoutePortId: port,
    serviceProviderProvisioningState: asString(prop(resource, 'serviceProviderProvisioningState')),
    circuitProvisioningState: asString(prop(resource, 'circuitProvisioningState')),
    source,
  };
  const missing = [
    !circuit.peeringLocation && !port ? 'peering location' : undefined,
    !circuit.skuTier ? 'SKU tier' : undefined,
    circuit.bandwidthMbps === undefined ? 'bandwidth' : undefined,
  ].filter(Boolean);
  if (missing.length && !truncated) {
    const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}` : missing[0];
    report('import-incomplete', 'warning', `${label} gives no ${list}: the topology has a TODO line in ${missing.length > 1 ? 'their places' : 'its place'}.`);
  }
  const peerings = objectProp(resource, 'peerings', label, report);
  return { circuit, peerings: asArray(peerings).map((p) => readPeering(p, file, id)) };
}

/** `Premium_MeteredData` → `Premium`. */
function skuTierOfName(name: string | undefined): string | undefined {
  return name?.split('_')[0] || undefined;
}

export function readPeering(resource: unknown, file: string, circuitId?: string): PeeringRecord {
  const id = idOf(resource);
  const type = (asString(prop(resource, 'peeringType')) ?? asString(field(resource, 'name')) ?? '').toLowerCase();
  const config = prop(resource, 'microsoftPeeringConfig');
  const ipv6 = prop(resource, 'ipv6PeeringConfig');
  const ipv6Config = field(field(ipv6, 'properties') ?? ipv6, 'microsoftPeeringConfig') ?? field(ipv6, 'microsoftPeeringConfig');
  return {
    id,
    circuitId: circuitId ?? (id && /\/peerings\/[^/]+\/?$/i.test(id) ? id.replace(/\/peerings\/[^/]+\/?$/i, '') : undefined),
    type: type.includes('microsoft') ? 'microsoft' : type.includes('private') ? 'private' : 'other',
    state: asString(prop(resource, 'state')),
    advertisedPrefixes: [...asStrings(field(config, 'advertisedPublicPrefixes')), ...asStrings(field(ipv6Config, 'advertisedPublicPrefixes'))],
    advertisedPrefixesState: asString(field(config, 'advertisedPublicPrefixesState')),
    routeFilterId: referenceId(prop(resource, 'routeFilter')) ?? referenceId(field(ipv6, 'routeFilter')),
    source: { file, resource: id ?? (circuitId ? `${circuitId}/peerings/${asString(field(resource, 'name')) ?? type}` : type) },
  };
}

export function microsoftPeeringOf(record: PeeringRecord): DeployedMicrosoftPeering {
  return {
    azureId: record.id,
    state: record.state,
    advertisedPrefixes: record.advertisedPrefixes,
    advertisedPrefixesState: record.advertisedPrefixesState,
    routeFilterId: record.routeFilterId,
    source: record.source,
  };
}

export function readRouteFilter(resource: unknown, file: string, report: Report): DeployedRouteFilter | undefined {
  const id = idOf(resource);
  if (!id) {
    report('import-incomplete', 'warning', `Route filter ${nameOf(resource, id) ?? '(no name)'} has no id, which a Microsoft peering names it by: it is not imported.`);
    return undefined;
  }
  const rules = objectProp(resource, 'rules', `Route filter ${id}`, report);
  return {
    kind: 'routeFilter',
    azureId: id,
    name: nameOf(resource, id)!,
    location: asString(field(resource, 'location')),
    rules: asArray(rules).map((rule, i) => ({
      name: asString(field(rule, 'name')) ?? `rule ${i + 1}`,
      access: asString(prop(rule, 'access')) ?? '',
      communities: asStrings(prop(rule, 'communities')),
    })),
    source: { file, resource: id },
  };
}

export function readConnection(resource: unknown, file: string): DeployedConnection | undefined {
  const id = idOf(resource);
  if (!id) return undefined;
  return {
    kind: 'connection',
    azureId: id,
    name: nameOf(resource, id)!,
    connectionType: asString(prop(resource, 'connectionType')),
    circuitId: referenceId(prop(resource, 'peer')),
    gatewayId: referenceId(prop(resource, 'virtualNetworkGateway1')),
    source: { file, resource: id },
  };
}

export function readGateway(resource: unknown, file: string): DeployedVirtualNetworkGateway | undefined {
  const id = idOf(resource);
  if (!id) return undefined;
  return {
    kind: 'virtualNetworkGateway',
    azureId: id,
    name: nameOf(resource, id)!,
    gatewayType: asString(prop(resource, 'gatewayType')),
    subnetIds: asArray(prop(resource, 'ipConfigurations'))
      .map((configuration) => referenceId(prop(configuration, 'subnet')))
      .filter((s): s is string => s !== undefined),
    source: { file, resource: id },
  };
}

export function readVirtualNetwork(resource: unknown, file: string): DeployedVirtualNetwork | undefined {
  const id = idOf(resource);
  if (!id) return undefined;
  return {
    kind: 'virtualNetwork',
    azureId: id,
    name: nameOf(resource, id)!,
    location: asString(field(resource, 'location')),
    addressPrefixes: asStrings(field(prop(resource, 'addressSpace'), 'addressPrefixes')),
    subnets: asArray(prop(resource, 'subnets')).map(readSubnet),
    source: { file, resource: id },
  };
}

function readSubnet(subnet: unknown): DeployedSubnet {
  const id = idOf(subnet);
  const single = asString(prop(subnet, 'addressPrefix'));
  return {
    azureId: id,
    name: asString(field(subnet, 'name')) ?? (id ? lastSegment(id) : ''),
    addressPrefixes: [...(single ? [single] : []), ...asStrings(prop(subnet, 'addressPrefixes')).filter((p) => p !== single)],
    delegations: asArray(prop(subnet, 'delegations'))
      .map((d) => asString(prop(d, 'serviceName')))
      .filter((s): s is string => s !== undefined),
    ipConfigurationIds: asArray(prop(subnet, 'ipConfigurations'))
      .map(referenceId)
      .filter((s): s is string => s !== undefined),
  };
}

export function readEnvironment(resource: unknown, file: string, report: Report): DeployedEnvironment | undefined {
  // Get-AdminPowerAppEnvironment keeps the admin API's object in `Internal`: read that, with its own names as fallbacks.
  const internal = field(resource, 'internal');
  const api = isObject(internal) ? internal : resource;
  const guid = asString(field(api, 'name')) ?? asString(field(resource, 'environmentName'));
  const displayName = asString(prop(api, 'displayName')) ?? asString(field(resource, 'displayName'));
  if (!guid) {
    report('import-incomplete', 'warning', `Environment ${displayName ?? '(no name)'} has no name (its GUID), which ppnet writes as azureId: it is not imported.`);
    return undefined;
  }
  const governance = prop(api, 'governanceConfiguration');
  const protection = asString(field(governance, 'protectionLevel'));
  const vnets = field(prop(api, 'enterprisePolicies'), 'vnets') ?? field(prop(api, 'enterprisePolicies'), 'vnet');
  const vnet = Array.isArray(vnets) ? vnets[0] : vnets;
  return {
    kind: 'environment',
    azureId: guid,
    displayName: displayName ?? guid,
    region: asString(field(api, 'location')) ?? asString(field(resource, 'location')),
    azureRegion: asString(prop(api, 'azureRegion')),
    environmentSku: asString(prop(api, 'environmentSku')) ?? asString(field(resource, 'environmentType')),
    managed: protection === undefined ? undefined : protection.toLowerCase() !== 'basic',
    enterprisePolicyId: policyReference(vnet),
    source: { file, resource: guid },
  };
}

/** The admin API's link to a policy (`{ id, systemId, policyId, location, linkStatus }`): the ARM id, else the system id, else the policy id. */
function policyReference(link: unknown): string | undefined {
  const id = asString(field(link, 'id'));
  if (id && /\/providers\//i.test(id)) return id;
  return asString(field(link, 'systemId')) ?? id ?? asString(field(link, 'policyId'));
}

export function readEnterprisePolicy(resource: unknown, file: string, report: Report): DeployedEnterprisePolicy | undefined {
  const id = idOf(resource);
  if (!id) {
    report('import-incomplete', 'warning', `Enterprise policy ${nameOf(resource, id) ?? '(no name)'} has no id, which environments link it by: it is not imported.`);
    return undefined;
  }
  const injection = prop(resource, 'networkInjection');
  return {
    kind: 'enterprisePolicy',
    azureId: id,
    name: nameOf(resource, id)!,
    location: asString(field(resource, 'location')),
    policyKind: asString(field(resource, 'kind')),
    systemId: asString(prop(resource, 'systemId')),
    subnets: asArray(field(injection, 'virtualNetworks'))
      .map((network) => ({ virtualNetworkId: referenceId(network) ?? '', subnetName: asString(field(field(network, 'subnet'), 'name')) ?? '' }))
      .filter((s) => s.virtualNetworkId !== ''),
    source: { file, resource: id },
  };
}

export function readGatewayCluster(resource: unknown, file: string, report: Report): DeployedGatewayCluster | undefined {
  const id = idOf(resource) ?? asString(field(resource, 'clusterId'));
  const name = asString(field(resource, 'name'));
  if (!id || !name) {
    report('import-incomplete', 'warning', `Gateway cluster ${id ?? name ?? '(no id or name)'} has no ${id ? 'name' : 'id'}: it is not imported.`);
    return undefined;
  }
  return {
    kind: 'gatewayCluster',
    azureId: id,
    name,
    region: asString(field(resource, 'region')),
    members: asArray(field(resource, 'memberGateways'))
      .map((member) => asString(field(member, 'name')))
      .filter((s): s is string => s !== undefined),
    source: { file, resource: id },
  };
}

/** An ExpressRoute Direct port's peering location (its circuits carry only the port's id). */
export function readPortLocation(resource: unknown): { id: string; peeringLocation: string } | undefined {
  const id = idOf(resource);
  const peeringLocation = asString(prop(resource, 'peeringLocation'));
  return id && peeringLocation ? { id, peeringLocation } : undefined;
}
