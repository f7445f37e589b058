/**
 * Deployed estates written as literal `DeployedEstate` objects, for the drift tests that check the
 * comparison apart from the reader: `contosoEstate()` is examples/contoso.ppnet.yaml as deployed.
 */
import type { DeployedCircuit, DeployedEstate, DeployedKind } from '../../server/src/service/deployed/estate';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/network/providers';

export function circuitId(name: string): string {
  return `${SUB}/Microsoft.Network/expressRouteCircuits/${name}`;
}

function circuit(name: string, tier: string, location: string, mbps: number, prefixes: string[], communities: string[]): DeployedCircuit {
  const source = { file: 'circuits.json', resource: circuitId(name) };
  const filterId = `${SUB}/Microsoft.Network/routeFilters/rf-${name}`;
  return {
    kind: 'circuit',
    azureId: circuitId(name),
    name,
    location: 'westeurope',
    peeringLocation: location,
    serviceProviderName: 'Equinix',
    skuTier: tier,
    skuFamily: 'MeteredData',
    bandwidthMbps: mbps,
    serviceProviderProvisioningState: 'Provisioned',
    circuitProvisioningState: 'Enabled',
    microsoftPeering: {
      azureId: `${circuitId(name)}/peerings/MicrosoftPeering`,
      state: 'Enabled',
      advertisedPrefixes: prefixes,
      advertisedPrefixesState: 'Configured',
      routeFilterId: filterId,
      routeFilter: { kind: 'routeFilter', azureId: filterId, name: `rf-${name}`, location: 'westeurope', rules: [{ name: 'allow', access: 'Allow', communities }], source: { file: 'route-filters.json', resource: filterId } },
      source,
    },
    source,
  };
}

/** examples/contoso.ppnet.yaml as deployed: what its design says, and nothing else. */
export function contosoEstate(): DeployedEstate {
  const env = (id: string, displayName: string, region: string, sku: string) => ({
    kind: 'environment' as const,
    azureId: id,
    displayName,
    region,
    azureRegion: region === 'europe' ? 'westeurope' : 'eastus',
    environmentSku: sku,
    managed: false,
    source: { file: 'environments.json', resource: id },
  });
  const cluster = (id: string, name: string, region: string, members: string[]) => ({
    kind: 'gatewayCluster' as const,
    azureId: id,
    name,
    region,
    members,
    source: { file: 'gateways.json', resource: id },
  });
  const circuits = [
    circuit('er-ams', 'Standard', 'Amsterdam', 1000, ['203.0.113.0/29'], ['12076:51002', '12076:51003', '12076:5060']),
    circuit('er-sea', 'Premium', 'Seattle', 500, ['203.0.113.64/29'], ['12076:51004', '12076:51006']),
  ];
  return {
    circuits,
    routeFilters: circuits.map((c) => c.microsoftPeering!.routeFilter!),
    connections: [],
    virtualNetworkGateways: [],
    virtualNetworks: [],
    environments: [
      env('8a1c6b4e-0000-4000-8000-000000000001', 'Contoso Production', 'europe', 'Production'),
      env('8a1c6b4e-0000-4000-8000-000000000002', 'Contoso Development', 'europe', 'Sandbox'),
      env('8a1c6b4e-0000-4000-8000-000000000003', 'Fabrikam US Operations', 'unitedstates', 'Production'),
    ],
    enterprisePolicies: [],
    gatewayClusters: [
      cluster('5b0e0000-0000-4000-8000-000000000001', 'Amsterdam gateway cluster', 'West Europe', ['gw-ams-01', 'gw-ams-02']),
      cluster('5b0e0000-0000-4000-8000-000000000002', 'gw-dub', 'North Europe', ['gw-dub-01', 'gw-dub-02']),
      cluster('5b0e0000-0000-4000-8000-000000000003', 'gw-sea', 'West US', ['gw-sea-01', 'gw-sea-02', 'gw-sea-03']),
    ],
    covered: new Set<DeployedKind>(['circuit', 'routeFilter', 'environment', 'gatewayCluster']),
    findings: [],
  };
}
