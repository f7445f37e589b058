// Bicep of the route filters and enterprise policies of "Contoso connectivity", written by ppnet export.
// ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
// Deploy it to the resource group of the circuits and virtual networks (the subscription is the deployment's):
//   az deployment group create --resource-group <group> --template-file <this file>

@description('Azure region of the route filters (default: the resource group\'s).')
param routeFilterLocation string = resourceGroup().location

// Circuit er-ams: one Allow rule with 12076:51002 (West Europe), 12076:51003 (North Europe), 12076:5060 (Microsoft Entra ID).
@description('Name of ExpressRoute circuit er-ams in Azure (default: its id in the design).')
param erAmsCircuitName string = 'er-ams'

@description('Name to give the route filter of circuit er-ams (the design does not name it).')
param erAmsRouteFilterName string

resource erAmsCircuit 'Microsoft.Network/expressRouteCircuits@2024-05-01' existing = {
  name: erAmsCircuitName
}

resource erAmsRouteFilter 'Microsoft.Network/routeFilters@2024-05-01' = {
  name: erAmsRouteFilterName
  location: routeFilterLocation
  properties: {
    rules: [
      {
        name: 'allow-power-platform'
        properties: {
          access: 'Allow'
          routeFilterRuleType: 'Community'
          communities: [
            '12076:51002' // West Europe
            '12076:51003' // North Europe
            '12076:5060' // Microsoft Entra ID
          ]
        }
      }
    ]
  }
}

resource erAmsPeeringNow 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' existing = {
  parent: erAmsCircuit
  name: 'MicrosoftPeering'
}

// Azure takes a peering whole: its present properties (peer ASN, VLAN, prefixes...) are read and kept, only routeFilter changes.
resource erAmsMicrosoftPeering 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' = {
  parent: erAmsCircuit
  name: 'MicrosoftPeering'
  properties: union(erAmsPeeringNow.properties, {
    routeFilter: {
      id: erAmsRouteFilter.id
    }
  })
}

// Circuit er-sea: one Allow rule with 12076:51004 (East US), 12076:51006 (West US).
@description('Name of ExpressRoute circuit er-sea in Azure (default: its id in the design).')
param erSeaCircuitName string = 'er-sea'

@description('Name to give the route filter of circuit er-sea (the design does not name it).')
param erSeaRouteFilterName string

resource erSeaCircuit 'Microsoft.Network/expressRouteCircuits@2024-05-01' existing = {
  name: erSeaCircuitName
}

resource erSeaRouteFilter 'Microsoft.Network/routeFilters@2024-05-01' = {
  name: erSeaRouteFilterName
  location: routeFilterLocation
  properties: {
    rules: [
      {
        name: 'allow-power-platform'
        properties: {
          access: 'Allow'
          routeFilterRuleType: 'Community'
          communities: [
            '12076:51004' // East US
            '12076:51006' // West US
          ]
        }
      }
    ]
  }
}

resource erSeaPeeringNow 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' existing = {
  parent: erSeaCircuit
  name: 'MicrosoftPeering'
}

// Azure takes a peering whole: its present properties (peer ASN, VLAN, prefixes...) are read and kept, only routeFilter changes.
resource erSeaMicrosoftPeering 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' = {
  parent: erSeaCircuit
  name: 'MicrosoftPeering'
  properties: union(erSeaPeeringNow.properties, {
    routeFilter: {
      id: erSeaRouteFilter.id
    }
  })
}
