# Terraform of the route filters and enterprise policies of "Northwind connectivity (with mistakes)", written by ppnet export.
# The design has 12 errors (ppnet check lists them): what it exports may not work as intended.
# ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
# Every resource is created in one resource group (var.resource_group_name), which holds the circuits and virtual networks.
# Run: terraform init && terraform apply
# Circuit er-idle has no Microsoft peering in the design: no route filter for it.

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

# Circuit er-lon: one Allow rule with 12076:51024 (UK South), 12076:5040 (CRM Online).
# Left out: "12076:50024", a private-peering value, which a route filter of Microsoft peering does not take.
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
      "12076:5040", # CRM Online
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
