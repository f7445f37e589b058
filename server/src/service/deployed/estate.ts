/**
 * What is deployed, as ppnet reads it from the JSON that Azure and Power Platform export: the
 * resources `ppnet import` turns into a topology and `ppnet drift` compares with a design.
 *
 * The reader (`read.ts`) builds it from any mix of inputs and joins the references (a circuit's
 * Microsoft peering gets its route filter, private peering its virtual networks through the
 * ExpressRoute connections and gateways), so that import and drift read the same joined estate and
 * never the raw JSON. Values are kept as Azure spells them (`West Europe`, `Premium`, `12076:51002`);
 * turning them into the catalog's spelling is import's and drift's job.
 */

/** Where a resource came from, for findings: the input (a path, or `-` for standard input) and the resource. */
export interface DeployedSource {
  file: string;
  /** The resource's `id`, else its name, as a finding names it. */
  resource: string;
}

/** The kinds of resource an input can cover; drift reports `drift-missing` only for kinds the inputs covered. */
export type DeployedKind = 'circuit' | 'routeFilter' | 'connection' | 'virtualNetworkGateway' | 'virtualNetwork' | 'environment' | 'enterprisePolicy' | 'gatewayCluster';

export interface DeployedRouteFilterRule {
  name: string;
  /** `Allow` or `Deny`, as given. */
  access: string;
  /** BGP community values (`12076:51002`), as given. */
  communities: string[];
}

export interface DeployedRouteFilter {
  kind: 'routeFilter';
  /** The ARM resource id. */
  azureId: string;
  name: string;
  location?: string;
  rules: DeployedRouteFilterRule[];
  source: DeployedSource;
}

export interface DeployedMicrosoftPeering {
  azureId?: string;
  /** `Enabled` or `Disabled`, as given. */
  state?: string;
  advertisedPrefixes: string[];
  /** `NotConfigured`, `Configuring`, `Configured` or `ValidationNeeded`, as given. */
  advertisedPrefixesState?: string;
  /** The route filter's id as the peering names it. */
  routeFilterId?: string;
  /** The route filter itself, when an input gave it. */
  routeFilter?: DeployedRouteFilter;
  source: DeployedSource;
}

export interface DeployedSubnet {
  azureId?: string;
  name: string;
  addressPrefixes: string[];
  /** The services the subnet is delegated to (`Microsoft.PowerPlatform/enterprisePolicies`). */
  delegations: string[];
  /** Ids of the IP configurations in the subnet (a gateway's, in `GatewaySubnet`). */
  ipConfigurationIds: string[];
}

export interface DeployedVirtualNetwork {
  kind: 'virtualNetwork';
  azureId: string;
  name: string;
  /** The Azure region (`westeurope`). */
  location?: string;
  addressPrefixes: string[];
  subnets: DeployedSubnet[];
  /**
   * True when no input gave the network itself: private peering reaches it through a gateway whose IP
   * configuration names its subnet, so only its id and name are known (no location, prefixes or subnets).
   */
  onlyId?: boolean;
  source: DeployedSource;
}

export interface DeployedPrivatePeering {
  azureId?: string;
  state?: string;
  /** The virtual networks linked through ExpressRoute connections, where the inputs let ppnet join them. */
  virtualNetworks: DeployedVirtualNetwork[];
  source: DeployedSource;
}

export interface DeployedCircuit {
  kind: 'circuit';
  azureId: string;
  name: string;
  /** The ARM resource's region (not the peering location). */
  location?: string;
  /** As Azure spells it (`Amsterdam`); for ExpressRoute Direct, from its port when an input gave it. */
  peeringLocation?: string;
  serviceProviderName?: string;
  /** `Standard`, `Premium`, `Basic` or `Local`, as given. */
  skuTier?: string;
  skuFamily?: string;
  /** Provider circuits' `bandwidthInMbps`; ExpressRoute Direct's `bandwidthInGbps` × 1000. */
  bandwidthMbps?: number;
  /** ExpressRoute Direct: the port's resource id. */
  expressRoutePortId?: string;
  /** `NotProvisioned`, `Provisioning`, `Provisioned` or `Deprovisioning`, as given. */
  serviceProviderProvisioningState?: string;
  circuitProvisioningState?: string;
  microsoftPeering?: DeployedMicrosoftPeering;
  privatePeering?: DeployedPrivatePeering;
  source: DeployedSource;
}

export interface DeployedConnection {
  kind: 'connection';
  azureId: string;
  name: string;
  connectionType?: string;
  /** `peer.id`: the circuit. */
  circuitId?: string;
  /** `virtualNetworkGateway1.id`. */
  gatewayId?: string;
  source: DeployedSource;
}

export interface DeployedVirtualNetworkGateway {
  kind: 'virtualNetworkGateway';
  azureId: string;
  name: string;
  gatewayType?: string;
  /** The subnet ids its IP configurations name (`.../subnets/GatewaySubnet`). */
  subnetIds: string[];
  source: DeployedSource;
}

export interface DeployedEnvironment {
  kind: 'environment';
  /** The admin API's id (the environment's name, a GUID); `azureId` in a design. */
  azureId: string;
  displayName: string;
  /** The Power Platform region (`europe`), the admin API's `location`. */
  region?: string;
  /** `properties.azureRegion` (`westeurope`). */
  azureRegion?: string;
  /** `Sandbox`, `Production`, `Trial`, `Developer` or `Default`, as given. */
  environmentSku?: string;
  /** From `governanceConfiguration.protectionLevel`: anything but `Basic` is a Managed Environment. */
  managed?: boolean;
  /** The enterprise policy linked for Virtual Network support (its ARM id or system id, as given). */
  enterprisePolicyId?: string;
  source: DeployedSource;
}

export interface DeployedPolicySubnet {
  /** The virtual network's id. */
  virtualNetworkId: string;
  subnetName: string;
  /** The virtual network itself, when an input gave it. */
  virtualNetwork?: DeployedVirtualNetwork;
}

export interface DeployedEnterprisePolicy {
  kind: 'enterprisePolicy';
  azureId: string;
  name: string;
  /** The Power Platform region. */
  location?: string;
  /** `NetworkInjection` is the only kind ppnet imports. */
  policyKind?: string;
  systemId?: string;
  subnets: DeployedPolicySubnet[];
  source: DeployedSource;
}

export interface DeployedGatewayCluster {
  kind: 'gatewayCluster';
  /** The cluster's id (a GUID). */
  azureId: string;
  name: string;
  region?: string;
  /** Member gateways' names. */
  members: string[];
  source: DeployedSource;
}

/** A finding about the inputs themselves (`import-unreadable`, `import-unknown-shape`, `import-incomplete`, `import-dangling`). */
export interface InputFinding {
  code: string;
  severity: 'error' | 'warning' | 'information';
  /** One line; names the resource (its id or name) when it is about one. */
  message: string;
  file: string;
}

export interface DeployedEstate {
  circuits: DeployedCircuit[];
  routeFilters: DeployedRouteFilter[];
  connections: DeployedConnection[];
  virtualNetworkGateways: DeployedVirtualNetworkGateway[];
  virtualNetworks: DeployedVirtualNetwork[];
  environments: DeployedEnvironment[];
  enterprisePolicies: DeployedEnterprisePolicy[];
  gatewayClusters: DeployedGatewayCluster[];
  /** The kinds some input held (even an empty list of them). */
  covered: Set<DeployedKind>;
  findings: InputFinding[];
}

/** One input: its name for findings and its decoded text (the CLI and the server decode bytes: BOM, UTF-16). */
export interface DeployedInput {
  file: string;
  text: string;
}

export function emptyEstate(): DeployedEstate {
  return { circuits: [], routeFilters: [], connections: [], virtualNetworkGateways: [], virtualNetworks: [], environments: [], enterprisePolicies: [], gatewayClusters: [], covered: new Set(), findings: [] };
}
