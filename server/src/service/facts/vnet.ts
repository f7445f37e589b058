/**
 * Virtual Network support (subnet delegation): which environments an enterprise policy serves, which
 * Azure regions its subnets must cover, how many addresses its environments need, which circuits'
 * private peering link its virtual networks to a site, and whether a connector runs its calls in the
 * delegated subnet. Rules, traffic, completion, hover and the graph read these; each walk is computed
 * once per topology version.
 */
import {
  AzureRegion,
  azureRegionById,
  findAzureRegion,
  geographyOf,
  RESERVED_SUBNET_ADDRESSES,
  virtualNetworkAddressesFor,
  virtualNetworkRegion,
  virtualNetworkSupport,
  VirtualNetworkConnectorSupport,
} from '../catalog/catalog';
import { Cidr, parseCidr } from '../syntax/cidr';
import { Circuit, cloudOf, Connector, DelegatedSubnet, EnterprisePolicy, entitiesNaming, Environment, ListItem, Site, Topology } from '../model/model';
import { catalogConnector } from './connectors';
import { entityFact, topologyFact } from './memo';
import { environmentRegion } from './regions';

/** The enterprise policy an environment names, when the file defines it. */
export function policyOf(topology: Topology, environment: Environment | undefined): EnterprisePolicy | undefined {
  const id = environment?.enterprisePolicy?.text;
  return id !== undefined ? topology.enterprisePolicies.get(id) : undefined;
}

/** The environments linked to a policy (their `enterprisePolicy` names it), in file order. */
export function policyEnvironments(topology: Topology, policy: EnterprisePolicy): Environment[] {
  return entitiesNaming(topology, 'environment', 'enterprisePolicy', policy.id);
}

/** The environment a connector names, when the file defines it. */
export function environmentOfConnector(topology: Topology, connector: Connector): Environment | undefined {
  const id = connector.environment?.text;
  return id !== undefined ? topology.environments.get(id) : undefined;
}

/** The policy of a connector's environment: the connector's calls may run in its delegated subnets. */
export function connectorPolicy(topology: Topology, connector: Connector): EnterprisePolicy | undefined {
  return policyOf(topology, environmentOfConnector(topology, connector));
}

/** Whether a connector's type runs its calls in the delegated subnet (`unknown` when ppnet cannot tell). */
export function connectorVnetSupport(connector: Connector): VirtualNetworkConnectorSupport {
  return virtualNetworkSupport(catalogConnector(connector));
}

/** A connector whose calls run in a delegated subnet: its environment has a policy and its type is on Microsoft's list. */
export function runsInSubnet(topology: Topology, connector: Connector): boolean {
  return connectorPolicy(topology, connector) !== undefined && connectorVnetSupport(connector) === 'supported';
}

/** The subnets of a policy, with the Azure region each names (`undefined` when it names no known one). */
export function policySubnets(policy: EnterprisePolicy): { subnet: DelegatedSubnet; region?: AzureRegion }[] {
  return (policy.subnets?.items ?? []).map((subnet) => ({ subnet, region: subnet.region ? findAzureRegion(subnet.region.text) : undefined }));
}

/** The Azure regions a policy's subnets are in (known regions only). */
export function policyRegions(policy: EnterprisePolicy): string[] {
  return [...new Set(policySubnets(policy).flatMap((s) => (s.region ? [s.region.id] : [])))];
}

/**
 * The Azure regions an environment's delegated subnets must be in: its written `datacenterRegions`
 * (an environment in a pair the table does not list), else the Virtual Network support table's row for
 * its region. `undefined` when neither is known (unknown region, no row: ppnet cannot check).
 */
export function vnetRegionsNeeded(environment: Environment): readonly string[] | undefined {
  const written = environment.datacenterRegions?.items.map((i) => findAzureRegion(i.text)?.id).filter((id): id is string => id !== undefined);
  if (written && written.length > 0) return [...new Set(written)];
  const region = environmentRegion(environment);
  return region ? virtualNetworkRegion(region)?.azureRegions : undefined;
}

export interface MissingRegion {
  region: AzureRegion;
  /** The linked environments that run there. */
  environments: Environment[];
}

export interface MisplacedSubnet {
  subnet: DelegatedSubnet;
  /** The subnet's `region` value. */
  at: ListItem | DelegatedSubnet['region'];
  region: AzureRegion;
  /** `outside`: not in the environments' geography (wrong); `other-pair`: in it, but not in the pair ppnet knows. */
  fit: 'outside' | 'other-pair';
  environments: Environment[];
}

export interface RegionCoverage {
  missing: MissingRegion[];
  misplaced: MisplacedSubnet[];
}

/** Which needed regions a policy's subnets leave out, and which subnets lie in no needed region (public cloud only). */
export const regionCoverage = entityFact((topology: Topology, policy: EnterprisePolicy): RegionCoverage => {
  const coverage: RegionCoverage = { missing: [], misplaced: [] };
  if (cloudOf(topology) !== 'public') return coverage;
  const covered = new Set(policyRegions(policy));
  const needed = new Map<string, Environment[]>();
  const geography = new Set<string>();
  const checked: Environment[] = [];
  for (const environment of policyEnvironments(topology, policy)) {
    const regions = vnetRegionsNeeded(environment);
    const region = environmentRegion(environment);
    if (!regions || !region) continue;
    checked.push(environment);
    for (const id of regions) needed.set(id, [...(needed.get(id) ?? []), environment]);
    for (const id of geographyOf(region)) geography.add(id);
    for (const id of regions) geography.add(id);
  }
  for (const [id, environments] of needed) {
    const region = azureRegionById(id);
    if (region && !covered.has(id)) coverage.missing.push({ region, environments });
  }
  if (checked.length === 0) return coverage;
  for (const { subnet, region } of policySubnets(policy)) {
    if (!region || !subnet.region || needed.has(region.id)) continue;
    coverage.misplaced.push({ subnet, at: subnet.region, region, fit: geography.has(region.id) ? 'other-pair' : 'outside', environments: checked });
  }
  return coverage;
});

export interface EnvironmentNeed {
  environment: Environment;
  type: string;
  addresses: number;
}

/** The addresses a policy's environments need in each subnet (Microsoft's upper estimates), environments of unknown size left out. */
export const addressesNeeded = entityFact((topology: Topology, policy: EnterprisePolicy): { total: number; environments: EnvironmentNeed[] } => {
  const environments: EnvironmentNeed[] = [];
  for (const environment of policyEnvironments(topology, policy)) {
    const type = environment.type?.text ?? 'production';
    const addresses = virtualNetworkAddressesFor(type);
    if (addresses !== undefined) environments.push({ environment, type, addresses });
  }
  return { total: environments.reduce((sum, e) => sum + e.addresses, 0), environments };
});

/** An IPv4 subnet's addresses that Power Platform can use: all of them but the ones Azure reserves. */
export function usableAddresses(cidr: Cidr): number {
  return Math.max(0, 2 ** (32 - cidr.length) - RESERVED_SUBNET_ADDRESSES);
}

/** The longest IPv4 prefix length whose usable addresses hold `needed`. */
export function prefixFitting(needed: number): number {
  let length = 29;
  while (length > 0 && 2 ** (32 - length) - RESERVED_SUBNET_ADDRESSES < needed) length--;
  return length;
}

/** A subnet's range when it is a valid IPv4 prefix (invalid-prefix speaks of the others). */
export function subnetCidr(subnet: DelegatedSubnet): Cidr | undefined {
  const parsed = subnet.cidr && parseCidr(subnet.cidr.text);
  return parsed && parsed.ok && parsed.cidr.version === 4 ? parsed.cidr : undefined;
}

/** A circuit's private peering linking one of a policy's virtual networks (or the hub it is peered to) to the circuit's site. */
export interface PrivatePeeringLink {
  circuit: Circuit;
  site: Site;
  vnet: string;
  /** The item of the circuit's `privatePeering.vnets` that names the virtual network. */
  item: ListItem;
}

/** The virtual network names of a policy's subnets, each once. */
export function policyVnets(policy: EnterprisePolicy): string[] {
  return [...new Set((policy.subnets?.items ?? []).flatMap((s) => (s.vnet ? [s.vnet.text] : [])))];
}

/** The hub networks a policy's subnets' networks are peered to (`hub`), each once. */
export function policyHubs(policy: EnterprisePolicy): string[] {
  return [...new Set((policy.subnets?.items ?? []).flatMap((s) => (s.hub ? [s.hub.text] : [])))];
}

/** The networks a circuit links to reach a policy's subnets: each subnet's hub where it names one, else its own network. */
export function policyLinkTargets(policy: EnterprisePolicy): string[] {
  return [...new Set((policy.subnets?.items ?? []).flatMap((s) => (s.hub ? [s.hub.text] : s.vnet ? [s.vnet.text] : [])))];
}

/** Every virtual network the file's policies name, delegated networks and their hubs, each once (completion of `privatePeering.vnets`). */
export const allPolicyVnets = topologyFact((topology: Topology): { vnet: string; policy: EnterprisePolicy; region?: string; hub: boolean }[] => {
  const seen = new Set<string>();
  const found: { vnet: string; policy: EnterprisePolicy; region?: string; hub: boolean }[] = [];
  for (const policy of topology.enterprisePolicies.values()) {
    for (const subnet of policy.subnets?.items ?? []) {
      for (const [name, hub] of [[subnet.vnet, false], [subnet.hub, true]] as const) {
        if (!name || seen.has(name.text)) continue;
        seen.add(name.text);
        found.push({ vnet: name.text, policy, region: hub ? undefined : subnet.region?.text, hub });
      }
    }
  }
  return found;
});

/** The circuits whose private peering links one of the policy's virtual networks, or a hub they are peered to, to a site the file defines. */
export const privatePeeringLinks = entityFact((topology: Topology, policy: EnterprisePolicy): PrivatePeeringLink[] => {
  // A delegated network is reached when the circuit links it, or the hub it is peered to.
  const vnets = new Set([...policyVnets(policy), ...policyHubs(policy)]);
  const links: PrivatePeeringLink[] = [];
  for (const circuit of topology.circuits.values()) {
    const site = circuit.site && topology.sites.get(circuit.site.text);
    if (!site) continue;
    for (const item of circuit.privatePeering?.vnets?.items ?? []) {
      if (vnets.has(item.text)) links.push({ circuit, site, vnet: item.text, item });
    }
  }
  return links;
});

/** The policies whose subnets name a virtual network. */
export function policiesOfVnet(topology: Topology, vnet: string): EnterprisePolicy[] {
  return [...topology.enterprisePolicies.values()].filter((p) => policyVnets(p).includes(vnet));
}

/** The policies whose subnets' networks are peered to a hub network. */
export function policiesPeeredTo(topology: Topology, hub: string): EnterprisePolicy[] {
  return [...topology.enterprisePolicies.values()].filter((p) => policyHubs(p).includes(hub));
}

/**
 * A connector's path through the delegated subnet to on-premises: it writes `via: vnet`, its
 * environment has a policy, its type runs in the subnet (or ppnet cannot tell), and a circuit's
 * private peering links one of the policy's virtual networks to a site.
 */
/**
 * The policy of a connector that is written to go through its environment's delegated subnet (`via: vnet`,
 * a type that may run there, a policy with virtual networks): its route is then the virtual network's,
 * and a missing route is vnet-route-missing's, not gateway-required's.
 */
export function vnetPathPolicy(topology: Topology, connector: Connector): EnterprisePolicy | undefined {
  if (connector.via?.text !== 'vnet' || connectorVnetSupport(connector) === 'unsupported') return undefined;
  const policy = connectorPolicy(topology, connector);
  return policy && policyVnets(policy).length > 0 ? policy : undefined;
}

export function vnetRoute(topology: Topology, connector: Connector): { policy: EnterprisePolicy; links: PrivatePeeringLink[] } | undefined {
  if (connector.via?.text !== 'vnet' || connectorVnetSupport(connector) === 'unsupported') return undefined;
  const policy = connectorPolicy(topology, connector);
  if (!policy) return undefined;
  const links = privatePeeringLinks(topology, policy);
  return links.length ? { policy, links } : undefined;
}
