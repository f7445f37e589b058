#!/usr/bin/env bash
# Azure CLI script of the route filters and enterprise policies of "Contoso connectivity", written by ppnet export.
# ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
# Every resource is created in one resource group ($RESOURCE_GROUP_NAME), which holds the circuits and virtual networks.
# Set the variables below that have no default, then run: bash <this file>
set -euo pipefail

: "${SUBSCRIPTION_ID:?set SUBSCRIPTION_ID: Id of the Azure subscription that holds the circuits and virtual networks.}"
: "${RESOURCE_GROUP_NAME:?set RESOURCE_GROUP_NAME: Resource group of the circuits and virtual networks, where the route filters, subnets and enterprise policies are created.}"
ER_AMS_CIRCUIT_NAME="${ER_AMS_CIRCUIT_NAME:-er-ams}"  # Name of ExpressRoute circuit er-ams in Azure (default: its id in the design).
: "${ER_AMS_ROUTE_FILTER_NAME:?set ER_AMS_ROUTE_FILTER_NAME: Name to give the route filter of circuit er-ams (the design does not name it).}"
ER_SEA_CIRCUIT_NAME="${ER_SEA_CIRCUIT_NAME:-er-sea}"  # Name of ExpressRoute circuit er-sea in Azure (default: its id in the design).
: "${ER_SEA_ROUTE_FILTER_NAME:?set ER_SEA_ROUTE_FILTER_NAME: Name to give the route filter of circuit er-sea (the design does not name it).}"

az account set --subscription "$SUBSCRIPTION_ID"

# Circuit er-ams: one Allow rule with 12076:51002 (West Europe), 12076:51003 (North Europe), 12076:5060 (Microsoft Entra ID).
az network route-filter create --name "$ER_AMS_ROUTE_FILTER_NAME" --resource-group "$RESOURCE_GROUP_NAME"
az network route-filter rule create --filter-name "$ER_AMS_ROUTE_FILTER_NAME" --name allow-power-platform --resource-group "$RESOURCE_GROUP_NAME" --access Allow --communities 12076:51002 12076:51003 12076:5060
# The update keeps the peering's other properties; only its route filter changes.
az network express-route peering update --circuit-name "$ER_AMS_CIRCUIT_NAME" --name MicrosoftPeering --resource-group "$RESOURCE_GROUP_NAME" --route-filter "$ER_AMS_ROUTE_FILTER_NAME"

# Circuit er-sea: one Allow rule with 12076:51004 (East US), 12076:51006 (West US).
az network route-filter create --name "$ER_SEA_ROUTE_FILTER_NAME" --resource-group "$RESOURCE_GROUP_NAME"
az network route-filter rule create --filter-name "$ER_SEA_ROUTE_FILTER_NAME" --name allow-power-platform --resource-group "$RESOURCE_GROUP_NAME" --access Allow --communities 12076:51004 12076:51006
# The update keeps the peering's other properties; only its route filter changes.
az network express-route peering update --circuit-name "$ER_SEA_CIRCUIT_NAME" --name MicrosoftPeering --resource-group "$RESOURCE_GROUP_NAME" --route-filter "$ER_SEA_ROUTE_FILTER_NAME"
