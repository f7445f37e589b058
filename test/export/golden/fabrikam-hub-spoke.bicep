// Bicep of the route filters and enterprise policies of "Fabrikam (hub and spoke)", written by ppnet export.
// ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
// Deploy it to the resource group of the circuits and virtual networks (the subscription is the deployment's):
//   az deployment group create --resource-group <group> --template-file <this file>

@description('Azure region of the route filters (default: the resource group\'s).')
param routeFilterLocation string = resourceGroup().location

// Circuit er-lon: one Allow rule with 12076:51024 (UK South), 12076:51025 (UK West), 12076:5060 (Microsoft Entra ID), 12076:5010 (Exchange Online), 12076:52024 (Azure Storage in UK South), 12076:5250 (Microsoft PSTN services).
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
            '12076:51025' // UK West
            '12076:5060' // Microsoft Entra ID
            '12076:5010' // Exchange Online
            '12076:52024' // Azure Storage in UK South
            '12076:5250' // Microsoft PSTN services
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

resource fabSpokeUksVnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'fab-spoke-uks'
}

resource fabSpokeUkwVnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'fab-spoke-ukw'
}

// Enterprise policy ep-uk: kind NetworkInjection, 2 delegated subnets.
@description('Name of enterprise policy ep-uk in Azure (default: its id in the design).')
param epUkPolicyName string = 'ep-uk'

@description('Location of enterprise policy ep-uk: the Power Platform region of its environments (default from the design).')
param epUkPolicyLocation string = 'uk'

@description('Name of the subnet 10.70.0.0/26 to delegate in virtual network fab-spoke-uks for enterprise policy ep-uk.')
param epUkSubnet1Name string

// Written whole: if this subnet exists, add its network security group, route table or NAT gateway here, or they are removed.
resource epUkSubnet1 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: fabSpokeUksVnet
  name: epUkSubnet1Name
  properties: {
    addressPrefix: '10.70.0.0/26'
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

@description('Name of the subnet 10.71.0.0/26 to delegate in virtual network fab-spoke-ukw for enterprise policy ep-uk.')
param epUkSubnet2Name string

// Written whole: if this subnet exists, add its network security group, route table or NAT gateway here, or they are removed.
resource epUkSubnet2 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: fabSpokeUkwVnet
  name: epUkSubnet2Name
  properties: {
    addressPrefix: '10.71.0.0/26'
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

resource epUkPolicy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview' = {
  name: epUkPolicyName
  location: epUkPolicyLocation
  kind: 'NetworkInjection'
  properties: {
    networkInjection: {
      virtualNetworks: [
        {
          id: fabSpokeUksVnet.id
          subnet: {
            name: epUkSubnet1.name
          }
        }
        {
          id: fabSpokeUkwVnet.id
          subnet: {
            name: epUkSubnet2.name
          }
        }
      ]
    }
  }
}

// Linking an environment to enterprise policy ep-uk is a Power Platform admin call; after deploying, run in PowerShell
// (module Microsoft.PowerPlatform.EnterprisePolicies; each environment must be a Managed Environment):
//   Enable-SubnetInjection -EnvironmentId <id of environment fab-prod, Fabrikam Production> -PolicyArmId <epUkPolicyId, an output of the deployment>
output epUkPolicyId string = epUkPolicy.id

// Enterprise policy ep-uk-early: kind NetworkInjection, 2 delegated subnets.
@description('Name of enterprise policy ep-uk-early in Azure (default: its id in the design).')
param epUkEarlyPolicyName string = 'ep-uk-early'

@description('Location of enterprise policy ep-uk-early: the Power Platform region of its environments (default from the design).')
param epUkEarlyPolicyLocation string = 'uk'

@description('Name of the subnet 10.70.0.64/27 to delegate in virtual network fab-spoke-uks for enterprise policy ep-uk-early.')
param epUkEarlySubnet1Name string

// Written whole: if this subnet exists, add its network security group, route table or NAT gateway here, or they are removed.
resource epUkEarlySubnet1 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: fabSpokeUksVnet
  name: epUkEarlySubnet1Name
  properties: {
    addressPrefix: '10.70.0.64/27'
    delegations: [
      {
        name: 'powerplatform-enterprise-policies'
        properties: {
          serviceName: 'Microsoft.PowerPlatform/enterprisePolicies'
        }
      }
    ]
  }
  dependsOn: [
    epUkSubnet1
  ]
}

@description('Name of the subnet 10.71.0.64/27 to delegate in virtual network fab-spoke-ukw for enterprise policy ep-uk-early.')
param epUkEarlySubnet2Name string

// Written whole: if this subnet exists, add its network security group, route table or NAT gateway here, or they are removed.
resource epUkEarlySubnet2 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: fabSpokeUkwVnet
  name: epUkEarlySubnet2Name
  properties: {
    addressPrefix: '10.71.0.64/27'
    delegations: [
      {
        name: 'powerplatform-enterprise-policies'
        properties: {
          serviceName: 'Microsoft.PowerPlatform/enterprisePolicies'
        }
      }
    ]
  }
  dependsOn: [
    epUkSubnet2
  ]
}

resource epUkEarlyPolicy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview' = {
  name: epUkEarlyPolicyName
  location: epUkEarlyPolicyLocation
  kind: 'NetworkInjection'
  properties: {
    networkInjection: {
      virtualNetworks: [
        {
          id: fabSpokeUksVnet.id
          subnet: {
            name: epUkEarlySubnet1.name
          }
        }
        {
          id: fabSpokeUkwVnet.id
          subnet: {
            name: epUkEarlySubnet2.name
          }
        }
      ]
    }
  }
}

// Linking an environment to enterprise policy ep-uk-early is a Power Platform admin call; after deploying, run in PowerShell
// (module Microsoft.PowerPlatform.EnterprisePolicies; each environment must be a Managed Environment):
//   Enable-SubnetInjection -EnvironmentId <id of environment fab-early, Fabrikam Early Validation> -PolicyArmId <epUkEarlyPolicyId, an output of the deployment>
output epUkEarlyPolicyId string = epUkEarlyPolicy.id
