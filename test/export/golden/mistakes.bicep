// Bicep of the route filters and enterprise policies of "Northwind connectivity (with mistakes)", written by ppnet export.
// The design has 12 errors (ppnet check lists them): what it exports may not work as intended.
// ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
// Deploy it to the resource group of the circuits and virtual networks (the subscription is the deployment's):
//   az deployment group create --resource-group <group> --template-file <this file>
// Circuit er-idle has no Microsoft peering in the design: no route filter for it.

@description('Azure region of the route filters (default: the resource group\'s).')
param routeFilterLocation string = resourceGroup().location

// Circuit er-lon: one Allow rule with 12076:51024 (UK South), 12076:5040 (CRM Online).
// Left out: "12076:50024", a private-peering value, which a route filter of Microsoft peering does not take.
@description('Name of ExpressRoute circuit er-lon in Azure (default: its id in the design).')
param erLonCircuitName string = 'er-lon'

@description('Name to give the route filter of circuit er-lon (the design does not name it).')
param erLonRouteFilterName string

resource erLonCircuit 'Microsoft.Network/expressRouteCircuits@2024-05-01' existing = {
  name: erLonCircuitName
}

resource erLonRouteFilter 'Microsoft.Network/routeFilters@2024-05-01' = {
  name: erLonRouteFilterName
  location: routeFilterLocation
  properties: {
    rules: [
      {
        name: 'allow-power-platform'
        properties: {
          access: 'Allow'
          routeFilterRuleType: 'Community'
          communities: [
            '12076:51024' // UK South
            '12076:5040' // CRM Online
          ]
        }
      }
    ]
  }
}

resource erLonPeeringNow 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' existing = {
  parent: erLonCircuit
  name: 'MicrosoftPeering'
}

// Azure takes a peering whole: its present properties (peer ASN, VLAN, prefixes...) are read and kept, only routeFilter changes.
resource erLonMicrosoftPeering 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' = {
  parent: erLonCircuit
  name: 'MicrosoftPeering'
  properties: union(erLonPeeringNow.properties, {
    routeFilter: {
      id: erLonRouteFilter.id
    }
  })
}
