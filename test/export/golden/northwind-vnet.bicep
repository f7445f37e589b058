// Bicep of the route filters and enterprise policies of "Northwind (Virtual Network support)", written by ppnet export.
// ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
// Deploy it to the resource group of the circuits and virtual networks (the subscription is the deployment's):
//   az deployment group create --resource-group <group> --template-file <this file>

@description('Azure region of the route filters (default: the resource group\'s).')
param routeFilterLocation string = resourceGroup().location

// Circuit er-nw: one Allow rule with 12076:51002 (West Europe), 12076:51003 (North Europe).
@description('Name of ExpressRoute circuit er-nw in Azure (default: its id in the design).')
param erNwCircuitName string = 'er-nw'

@description('Name to give the route filter of circuit er-nw (the design does not name it).')
param erNwRouteFilterName string

resource erNwCircuit 'Microsoft.Network/expressRouteCircuits@2024-05-01' existing = {
  name: erNwCircuitName
}

resource erNwRouteFilter 'Microsoft.Network/routeFilters@2024-05-01' = {
  name: erNwRouteFilterName
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
          ]
        }
      }
    ]
  }
}

resource erNwPeeringNow 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' existing = {
  parent: erNwCircuit
  name: 'MicrosoftPeering'
}

// Azure takes a peering whole: its present properties (peer ASN, VLAN, prefixes...) are read and kept, only routeFilter changes.
resource erNwMicrosoftPeering 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' = {
  parent: erNwCircuit
  name: 'MicrosoftPeering'
  properties: union(erNwPeeringNow.properties, {
    routeFilter: {
      id: erNwRouteFilter.id
    }
  })
}

resource nwPpWeuVnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'nw-pp-weu'
}

resource nwPpNeuVnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'nw-pp-neu'
}

// Enterprise policy ep-eu: kind NetworkInjection, 2 delegated subnets.
@description('Name of enterprise policy ep-eu in Azure (default: its id in the design).')
param epEuPolicyName string = 'ep-eu'

@description('Location of enterprise policy ep-eu: the Power Platform region of its environments (default from the design).')
param epEuPolicyLocation string = 'europe'

@description('Name of the subnet 10.40.0.0/25 to delegate in virtual network nw-pp-weu for enterprise policy ep-eu.')
param epEuSubnet1Name string

// Written whole: if this subnet exists, add its network security group, route table or NAT gateway here, or they are removed.
resource epEuSubnet1 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: nwPpWeuVnet
  name: epEuSubnet1Name
  properties: {
    addressPrefix: '10.40.0.0/25'
    delegations: [
      {
        name: 'powerplatform-enterprise-policies'
        properties: {
          serviceName: 'Microsoft.PowerPlatform/enterprisePolicies'
        }
      }
    ]
  }
}

@description('Name of the subnet 10.41.0.0/25 to delegate in virtual network nw-pp-neu for enterprise policy ep-eu.')
param epEuSubnet2Name string

// Written whole: if this subnet exists, add its network security group, route table or NAT gateway here, or they are removed.
resource epEuSubnet2 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: nwPpNeuVnet
  name: epEuSubnet2Name
  properties: {
    addressPrefix: '10.41.0.0/25'
    delegations: [
      {
        name: 'powerplatform-enterprise-policies'
        properties: {
          serviceName: 'Microsoft.PowerPlatform/enterprisePolicies'
        }
      }
    ]
  }
}

resource epEuPolicy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview' = {
  name: epEuPolicyName
  location: epEuPolicyLocation
  kind: 'NetworkInjection'
  properties: {
    networkInjection: {
      virtualNetworks: [
        {
          id: nwPpWeuVnet.id
          subnet: {
            name: epEuSubnet1.name
          }
        }
        {
          id: nwPpNeuVnet.id
          subnet: {
            name: epEuSubnet2.name
          }
        }
      ]
    }
  }
}

// Linking an environment to enterprise policy ep-eu is a Power Platform admin call; after deploying, run in PowerShell
// (module Microsoft.PowerPlatform.EnterprisePolicies; each environment must be a Managed Environment):
//   Enable-SubnetInjection -EnvironmentId <id of environment nw-prod, Northwind Production> -PolicyArmId <epEuPolicyId, an output of the deployment>
//   Enable-SubnetInjection -EnvironmentId <id of environment nw-test, Northwind Test> -PolicyArmId <epEuPolicyId, an output of the deployment>
output epEuPolicyId string = epEuPolicy.id
