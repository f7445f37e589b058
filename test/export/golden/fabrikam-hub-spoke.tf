# Terraform of the route filters and enterprise policies of "Fabrikam (hub and spoke)", written by ppnet export.
# ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
# Every resource is created in one resource group (var.resource_group_name), which holds the circuits and virtual networks.
# Run: terraform init && terraform apply

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    azapi = {
      source  = "azure/azapi"
      version = "~> 2.0"
    }
    powerplatform = {
      source  = "microsoft/power-platform"
      version = "~> 3.0"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = var.subscription_id
}

variable "subscription_id" {
  type        = string
  description = "Id of the Azure subscription that holds the circuits and virtual networks."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the circuits and virtual networks, where the route filters, subnets and enterprise policies are created."
}

data "azurerm_resource_group" "ppnet" {
  name = var.resource_group_name
}

variable "route_filter_location" {
  type        = string
  description = "Azure region of the route filters (default: the resource group's)."
  default     = null
}

# Circuit er-lon: one Allow rule with 12076:51024 (UK South), 12076:51025 (UK West), 12076:5060 (Microsoft Entra ID), 12076:5010 (Exchange Online), 12076:52024 (Azure Storage in UK South), 12076:5250 (Microsoft PSTN services).
variable "er_lon_circuit_name" {
  type        = string
  description = "Name of ExpressRoute circuit er-lon in Azure (default: its id in the design)."
  default     = "er-lon"
}

variable "er_lon_route_filter_name" {
  type        = string
  description = "Name to give the route filter of circuit er-lon (the design does not name it)."
}

data "azurerm_express_route_circuit" "er_lon" {
  name                = var.er_lon_circuit_name
  resource_group_name = var.resource_group_name
}

resource "azurerm_route_filter" "er_lon" {
  name                = var.er_lon_route_filter_name
  resource_group_name = var.resource_group_name
  location            = coalesce(var.route_filter_location, data.azurerm_resource_group.ppnet.location)

  rule {
    name        = "allow-power-platform"
    access      = "Allow"
    rule_type   = "Community"
    communities = [
      "12076:51024", # UK South
      "12076:51025", # UK West
      "12076:5060", # Microsoft Entra ID
      "12076:5010", # Exchange Online
      "12076:52024", # Azure Storage in UK South
      "12076:5250", # Microsoft PSTN services
    ]
  }
}

# Only the Microsoft peering's routeFilter changes: azapi_update_resource keeps the peering's other properties,
# which azurerm_express_route_circuit_peering would need written (peer ASN, VLAN, prefixes: ppnet does not know them).
resource "azapi_update_resource" "er_lon_microsoft_peering" {
  type        = "Microsoft.Network/expressRouteCircuits/peerings@2024-05-01"
  resource_id = "${data.azurerm_express_route_circuit.er_lon.id}/peerings/MicrosoftPeering"
  body = {
    properties = {
      routeFilter = {
        id = azurerm_route_filter.er_lon.id
      }
    }
  }
}

data "azurerm_virtual_network" "fab_spoke_uks" {
  name                = "fab-spoke-uks"
  resource_group_name = var.resource_group_name
}

data "azurerm_virtual_network" "fab_spoke_ukw" {
  name                = "fab-spoke-ukw"
  resource_group_name = var.resource_group_name
}

# Enterprise policy ep-uk: kind NetworkInjection, 2 delegated subnets.
variable "ep_uk_policy_name" {
  type        = string
  description = "Name of enterprise policy ep-uk in Azure (default: its id in the design)."
  default     = "ep-uk"
}

variable "ep_uk_policy_location" {
  type        = string
  description = "Location of enterprise policy ep-uk: the Power Platform region of its environments (default from the design)."
  default     = "uk"
}

variable "ep_uk_subnet_1_name" {
  type        = string
  description = "Name of the subnet 10.70.0.0/26 to delegate in virtual network fab-spoke-uks for enterprise policy ep-uk."
}

resource "azurerm_subnet" "ep_uk_subnet_1" {
  name                 = var.ep_uk_subnet_1_name
  resource_group_name  = var.resource_group_name
  virtual_network_name = data.azurerm_virtual_network.fab_spoke_uks.name
  address_prefixes     = ["10.70.0.0/26"]

  delegation {
    name = "powerplatform-enterprise-policies"

    service_delegation {
      name    = "Microsoft.PowerPlatform/enterprisePolicies"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}

variable "ep_uk_subnet_2_name" {
  type        = string
  description = "Name of the subnet 10.71.0.0/26 to delegate in virtual network fab-spoke-ukw for enterprise policy ep-uk."
}

resource "azurerm_subnet" "ep_uk_subnet_2" {
  name                 = var.ep_uk_subnet_2_name
  resource_group_name  = var.resource_group_name
  virtual_network_name = data.azurerm_virtual_network.fab_spoke_ukw.name
  address_prefixes     = ["10.71.0.0/26"]

  delegation {
    name = "powerplatform-enterprise-policies"

    service_delegation {
      name    = "Microsoft.PowerPlatform/enterprisePolicies"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}

resource "azapi_resource" "ep_uk" {
  type      = "Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview"
  name      = var.ep_uk_policy_name
  location  = var.ep_uk_policy_location
  parent_id = data.azurerm_resource_group.ppnet.id
  # A preview API version the provider may not know: Azure checks the body.
  schema_validation_enabled = false
  body = {
    kind = "NetworkInjection"
    properties = {
      networkInjection = {
        virtualNetworks = [
          {
            id = data.azurerm_virtual_network.fab_spoke_uks.id
            subnet = {
              name = azurerm_subnet.ep_uk_subnet_1.name
            }
          },
          {
            id = data.azurerm_virtual_network.fab_spoke_ukw.id
            subnet = {
              name = azurerm_subnet.ep_uk_subnet_2.name
            }
          },
        ]
      }
    }
  }
  response_export_values = ["properties.systemId"]
}

variable "fab_prod_environment_id" {
  type        = string
  description = "Id (a GUID) of Power Platform environment fab-prod (Fabrikam Production), linked to enterprise policy ep-uk."
}

resource "powerplatform_enterprise_policy" "ep_uk_fab_prod" {
  environment_id = var.fab_prod_environment_id
  system_id      = azapi_resource.ep_uk.output.properties.systemId
  policy_type    = "NetworkInjection"
}

# Enterprise policy ep-uk-early: kind NetworkInjection, 2 delegated subnets.
variable "ep_uk_early_policy_name" {
  type        = string
  description = "Name of enterprise policy ep-uk-early in Azure (default: its id in the design)."
  default     = "ep-uk-early"
}

variable "ep_uk_early_policy_location" {
  type        = string
  description = "Location of enterprise policy ep-uk-early: the Power Platform region of its environments (default from the design)."
  default     = "uk"
}

variable "ep_uk_early_subnet_1_name" {
  type        = string
  description = "Name of the subnet 10.70.0.64/27 to delegate in virtual network fab-spoke-uks for enterprise policy ep-uk-early."
}

resource "azurerm_subnet" "ep_uk_early_subnet_1" {
  name                 = var.ep_uk_early_subnet_1_name
  resource_group_name  = var.resource_group_name
  virtual_network_name = data.azurerm_virtual_network.fab_spoke_uks.name
  address_prefixes     = ["10.70.0.64/27"]

  delegation {
    name = "powerplatform-enterprise-policies"

    service_delegation {
      name    = "Microsoft.PowerPlatform/enterprisePolicies"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }

  depends_on = [azurerm_subnet.ep_uk_subnet_1]
}

variable "ep_uk_early_subnet_2_name" {
  type        = string
  description = "Name of the subnet 10.71.0.64/27 to delegate in virtual network fab-spoke-ukw for enterprise policy ep-uk-early."
}

resource "azurerm_subnet" "ep_uk_early_subnet_2" {
  name                 = var.ep_uk_early_subnet_2_name
  resource_group_name  = var.resource_group_name
  virtual_network_name = data.azurerm_virtual_network.fab_spoke_ukw.name
  address_prefixes     = ["10.71.0.64/27"]

  delegation {
    name = "powerplatform-enterprise-policies"

    service_delegation {
      name    = "Microsoft.PowerPlatform/enterprisePolicies"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }

  depends_on = [azurerm_subnet.ep_uk_subnet_2]
}

resource "azapi_resource" "ep_uk_early" {
  type      = "Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview"
  name      = var.ep_uk_early_policy_name
  location  = var.ep_uk_early_policy_location
  parent_id = data.azurerm_resource_group.ppnet.id
  # A preview API version the provider may not know: Azure checks the body.
  schema_validation_enabled = false
  body = {
    kind = "NetworkInjection"
    properties = {
      networkInjection = {
        virtualNetworks = [
          {
            id = data.azurerm_virtual_network.fab_spoke_uks.id
            subnet = {
              name = azurerm_subnet.ep_uk_early_subnet_1.name
            }
          },
          {
            id = data.azurerm_virtual_network.fab_spoke_ukw.id
            subnet = {
              name = azurerm_subnet.ep_uk_early_subnet_2.name
            }
          },
        ]
      }
    }
  }
  response_export_values = ["properties.systemId"]
}

variable "fab_early_environment_id" {
  type        = string
  description = "Id (a GUID) of Power Platform environment fab-early (Fabrikam Early Validation), linked to enterprise policy ep-uk-early."
}

resource "powerplatform_enterprise_policy" "ep_uk_early_fab_early" {
  environment_id = var.fab_early_environment_id
  system_id      = azapi_resource.ep_uk_early.output.properties.systemId
  policy_type    = "NetworkInjection"
}
