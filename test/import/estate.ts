/**
 * A generated deployed estate for the tests and the bench: `count` circuits in az's flattened shape,
 * each with its Microsoft and private peering, route filter, ExpressRoute connection, gateway and
 * virtual network, and an environment, in one Resource Graph-like answer `{ "data": [...] }`.
 */
const SUB = '/subscriptions/00000000-0000-0000-0000-00000000beef/resourceGroups/estate/providers/Microsoft.Network';
const LOCATIONS = ['Amsterdam', 'London', 'Paris', 'Dublin', 'Frankfurt', 'Seattle', 'Chicago', 'Tokyo'];

export function generateEstate(count: number): string {
  const data: object[] = [];
  for (let i = 0; i < count; i++) {
    const circuit = `${SUB}/expressRouteCircuits/er-${i}`;
    const filter = `${SUB}/routeFilters/rf-${i}`;
    const gateway = `${SUB}/virtualNetworkGateways/gw-${i}`;
    const network = `${SUB}/virtualNetworks/vnet-${i}`;
    data.push(
      {
        id: circuit,
        name: `er-${i}`,
        type: 'Microsoft.Network/expressRouteCircuits',
        location: 'westeurope',
        sku: { name: 'Standard_MeteredData', tier: i % 3 === 0 ? 'Premium' : 'Standard', family: 'MeteredData' },
        serviceProviderProperties: { serviceProviderName: 'Equinix', peeringLocation: LOCATIONS[i % LOCATIONS.length], bandwidthInMbps: 1000 },
        serviceProviderProvisioningState: 'Provisioned',
        circuitProvisioningState: 'Enabled',
        peerings: [
          { id: `${circuit}/peerings/AzurePrivatePeering`, name: 'AzurePrivatePeering', peeringType: 'AzurePrivatePeering', state: 'Enabled', vlanId: 100 },
          {
            id: `${circuit}/peerings/MicrosoftPeering`,
            name: 'MicrosoftPeering',
            peeringType: 'MicrosoftPeering',
            state: 'Enabled',
            microsoftPeeringConfig: { advertisedPublicPrefixes: [`203.0.${i % 256}.0/29`], advertisedPublicPrefixesState: 'Configured' },
            routeFilter: { id: filter },
          },
        ],
      },
      { id: filter, name: `rf-${i}`, type: 'Microsoft.Network/routeFilters', location: 'westeurope', rules: [{ name: 'allow', access: 'Allow', communities: ['12076:51002', '12076:51003'] }] },
      { id: `${SUB}/connections/cn-${i}`, name: `cn-${i}`, type: 'Microsoft.Network/connections', connectionType: 'ExpressRoute', peer: { id: circuit }, virtualNetworkGateway1: { id: gateway } },
      { id: gateway, name: `gw-${i}`, type: 'Microsoft.Network/virtualNetworkGateways', gatewayType: 'ExpressRoute', ipConfigurations: [{ id: `${gateway}/ipConfigurations/default`, subnet: { id: `${network}/subnets/GatewaySubnet` } }] },
      { id: network, name: `vnet-${i}`, type: 'Microsoft.Network/virtualNetworks', location: 'westeurope', addressSpace: { addressPrefixes: [`10.${i % 256}.0.0/16`] }, subnets: [{ id: `${network}/subnets/GatewaySubnet`, name: 'GatewaySubnet', addressPrefix: `10.${i % 256}.255.0/27` }] },
      {
        id: `/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/env-${i}`,
        type: 'Microsoft.BusinessAppPlatform/scopes/environments',
        name: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
        location: 'europe',
        properties: { displayName: `Environment ${i}`, azureRegion: 'westeurope', environmentSku: 'Production', governanceConfiguration: { protectionLevel: 'Standard' } },
      },
    );
  }
  return JSON.stringify({ count: data.length, data }, null, 2);
}
