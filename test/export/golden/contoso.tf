# Terraform of the route filters and enterprise policies of "Contoso connectivity", written by ppnet export.
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

# Circuit er-ams: one Allow rule with 12076:51002 (West Europe), 12076:51003 (North Europe), 12076:5060 (Microsoft Entra ID).
variable "er_ams_circuit_name" {
  type        = string
  description = "Name of ExpressRoute circuit er-ams in Azure (default: its id in the design)."
  default     = "er-ams"
}

variable "er_ams_route_filter_name" {
  type        = string
  description = "Name to give the route filter of circuit er-ams (the design does not name it)."
}

data "azurerm_express_route_circuit" "er_ams" {
  name                = var.er_ams_circuit_name
  resource_group_name = var.resource_group_name
}

resource "azurerm_route_filter" "er_ams" {
  name                = var.er_ams_route_filter_name
  resource_group_name = var.resource_group_name
  location            = coalesce(var.route_filter_location, data.azurerm_resource_group.ppnet.location)

  rule {
    name        = "allow-power-platform"
    access      = "Allow"
    rule_type   = "Community"
    communities = [
      "12076:51002", # West Europe
      "12076:51003", # North Europe
      "12076:5060", # Microsoft Entra ID
    ]
  }
}

# Only the Microsoft peering's routeFilter changes: azapi_update_resource keeps the peering's other properties,
# which azurerm_express_route_circuit_peering would need written (peer ASN, VLAN, prefixes: ppnet does not know them).
resource "azapi_update_resource" "er_ams_microsoft_peering" {
  type        = "Microsoft.Network/expressRouteCircuits/peerings@2024-05-01"
  resource_id = "${data.azurerm_express_route_circuit.er_ams.id}/peerings/MicrosoftPeering"
  body = {
    properties = {
      routeFilter = {
        id = azurerm_route_filter.er_ams.id
      }
    }
  }
}

# Circuit er-sea: one Allow rule with 12076:51004 (East US), 12076:51006 (West US).
variable "er_sea_circuit_name" {
  type        = string
  description = "Name of ExpressRoute circuit er-sea in Azure (default: its id in the design)."
  default     = "er-sea"
}

variable "er_sea_route_filter_name" {
  type        = string
  description = "Name to give the route filter of circuit er-sea (the design does not name it)."
}

data "azurerm_express_route_circuit" "er_sea" {
  name                = var.er_sea_circuit_name
  resource_group_name = var.resource_group_name
}

resource "azurerm_route_filter" "er_sea" {
  name                = var.er_sea_route_filter_name
  resource_group_name = var.resource_group_name
  location            = coalesce(var.route_filter_location, data.azurerm_resource_group.ppnet.location)

  rule {
    name        = "allow-power-platform"
    access      = "Allow"
    rule_type   = "Community"
    communities = [
      "12076:51004", # East US
      "12076:51006", # West US
    ]
  }
}

# Only the Microsoft peering's routeFilter changes: azapi_update_resource keeps the peering's other properties,
# which azurerm_express_route_circuit_peering would need written (peer ASN, VLAN, prefixes: ppnet does not know them).
resource "azapi_update_resource" "er_sea_microsoft_peering" {
  type        = "Microsoft.Network/expressRouteCircuits/peerings@2024-05-01"
  resource_id = "${data.azurerm_express_route_circuit.er_sea.id}/peerings/MicrosoftPeering"
  body = {
    properties = {
      routeFilter = {
        id = azurerm_route_filter.er_sea.id
      }
    }
  }
}
