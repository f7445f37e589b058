# Terraform of the route filters and enterprise policies of "Northwind (Virtual Network support)", written by ppnet export.
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

# Circuit er-nw: one Allow rule with 12076:51002 (West Europe), 12076:51003 (North Europe).
variable "er_nw_circuit_name" {
  type        = string
  description = "Name of ExpressRoute circuit er-nw in Azure (default: its id in the design)."
  default     = "er-nw"
}

variable "er_nw_route_filter_name" {
  type        = string
  description = "Name to give the route filter of circuit er-nw (the design does not name it)."
}

data "azurerm_express_route_circuit" "er_nw" {
  name                = var.er_nw_circuit_name
  resource_group_name = var.resource_group_name
}

resource "azurerm_route_filter" "er_nw" {
  name                = var.er_nw_route_filter_name
  resource_group_name = var.resource_group_name
  location            = coalesce(var.route_filter_location, data.azurerm_resource_group.ppnet.location)

  rule {
    name        = "allow-power-platform"
    access      = "Allow"
    rule_type   = "Community"
    communities = [
      "12076:51002", # West Europe
      "12076:51003", # North Europe
    ]
  }
}

# Only the Microsoft peering's routeFilter changes: azapi_update_resource keeps the peering's other properties,
# which azurerm_express_route_circuit_peering would need written (peer ASN, VLAN, prefixes: ppnet does not know them).
resource "azapi_update_resource" "er_nw_microsoft_peering" {
  type        = "Microsoft.Network/expressRouteCircuits/peerings@2024-05-01"
  resource_id = "${data.azurerm_express_route_circuit.er_nw.id}/peerings/MicrosoftPeering"
  body = {
    properties = {
      routeFilter = {
        id = azurerm_route_filter.er_nw.id
      }
    }
  }
}

data "azurerm_virtual_network" "nw_pp_weu" {
  name                = "nw-pp-weu"
  resource_group_name = var.resource_group_name
}

data "azurerm_virtual_network" "nw_pp_neu" {
  name                = "nw-pp-neu"
  resource_group_name = var.resource_group_name
}

# Enterprise policy ep-eu: kind NetworkInjection, 2 delegated subnets.
variable "ep_eu_policy_name" {
  type        = string
  description = "Name of enterprise policy ep-eu in Azure (default: its id in the design)."
  default     = "ep-eu"
}

variable "ep_eu_policy_location" {
  type        = string
  description = "Location of enterprise policy ep-eu: the Power Platform region of its environments (default from the design)."
  default     = "europe"
}

variable "ep_eu_subnet_1_name" {
  type        = string
  description = "Name of the subnet 10.40.0.0/25 to delegate in virtual network nw-pp-weu for enterprise policy ep-eu."
}

resource "azurerm_subnet" "ep_eu_subnet_1" {
  name                 = var.ep_eu_subnet_1_name
  resource_group_name  = var.resource_group_name
  virtual_network_name = data.azurerm_virtual_network.nw_pp_weu.name
  address_prefixes     = ["10.40.0.0/25"]

  delegation {
    name = "powerplatform-enterprise-policies"

    service_delegation {
      name    = "Microsoft.PowerPlatform/enterprisePolicies"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}

variable "ep_eu_subnet_2_name" {
  type        = string
  description = "Name of the subnet 10.41.0.0/25 to delegate in virtual network nw-pp-neu for enterprise policy ep-eu."
}

resource "azurerm_subnet" "ep_eu_subnet_2" {
  name                 = var.ep_eu_subnet_2_name
  resource_group_name  = var.resource_group_name
  virtual_network_name = data.azurerm_virtual_network.nw_pp_neu.name
  address_prefixes     = ["10.41.0.0/25"]

  delegation {
    name = "powerplatform-enterprise-policies"

    service_delegation {
      name    = "Microsoft.PowerPlatform/enterprisePolicies"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}

resource "azapi_resource" "ep_eu" {
  type      = "Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview"
  name      = var.ep_eu_policy_name
  location  = var.ep_eu_policy_location
  parent_id = data.azurerm_resource_group.ppnet.id
  # A preview API version the provider may not know: Azure checks the body.
  schema_validation_enabled = false
  body = {
    kind = "NetworkInjection"
    properties = {
      networkInjection = {
        virtualNetworks = [
          {
            id = data.azurerm_virtual_network.nw_pp_weu.id
            subnet = {
              name = azurerm_subnet.ep_eu_subnet_1.name
            }
          },
          {
            id = data.azurerm_virtual_network.nw_pp_neu.id
            subnet = {
              name = azurerm_subnet.ep_eu_subnet_2.name
            }
          },
        ]
      }
    }
  }
  response_export_values = ["properties.systemId"]
}

variable "nw_prod_environment_id" {
  type        = string
  description = "Id (a GUID) of Power Platform environment nw-prod (Northwind Production), linked to enterprise policy ep-eu."
}

resource "powerplatform_enterprise_policy" "ep_eu_nw_prod" {
  environment_id = var.nw_prod_environment_id
  system_id      = azapi_resource.ep_eu.output.properties.systemId
  policy_type    = "NetworkInjection"
}

variable "nw_test_environment_id" {
  type        = string
  description = "Id (a GUID) of Power Platform environment nw-test (Northwind Test), linked to enterprise policy ep-eu."
}

resource "powerplatform_enterprise_policy" "ep_eu_nw_test" {
  environment_id = var.nw_test_environment_id
  system_id      = azapi_resource.ep_eu.output.properties.systemId
  policy_type    = "NetworkInjection"
}
