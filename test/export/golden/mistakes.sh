#!/usr/bin/env bash
# Azure CLI script of the route filters and enterprise policies of "Northwind connectivity (with mistakes)", written by ppnet export.
# The design has 12 errors (ppnet check lists them): what it exports may not work as intended.
# ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
# Every resource is created in one resource group ($RESOURCE_GROUP_NAME), which holds the circuits and virtual networks.
# Set the variables below that have no default, then run: bash <this file>
# Circuit er-idle has no Microsoft peering in the design: no route filter for it.
set -euo pipefail

: "${SUBSCRIPTION_ID:?set SUBSCRIPTION_ID: Id of the Azure subscription that holds the circuits and virtual networks.}"
: "${RESOURCE_GROUP_NAME:?set RESOURCE_GROUP_NAME: Resource group of the circuits and virtual networks, where the route filters, subnets and enterprise policies are created.}"
ER_LON_CIRCUIT_NAME="${ER_LON_CIRCUIT_NAME:-er-lon}"  # Name of ExpressRoute circuit er-lon in Azure (default: its id in the design).
: "${ER_LON_ROUTE_FILTER_NAME:?set ER_LON_ROUTE_FILTER_NAME: Name to give the route filter of circuit er-lon (the design does not name it).}"

az account set --subscription "$SUBSCRIPTION_ID"

# Circuit er-lon: one Allow rule with 12076:51024 (UK South), 12076:5040 (CRM Online).
# Left out: "12076:50024", a private-peering value, which a route filter of Microsoft peering does not take.
az network route-filter create --name "$ER_LON_ROUTE_FILTER_NAME" --resource-group "$RESOURCE_GROUP_NAME"
az network route-filter rule create --filter-name "$ER_LON_ROUTE_FILTER_NAME" --name allow-power-platform --resource-group "$RESOURCE_GROUP_NAME" --access Allow --communities 12076:51024 12076:5040
# The update keeps the peering's other properties; only its route filter changes.
az network express-route peering update --circuit-name "$ER_LON_CIRCUIT_NAME" --name MicrosoftPeering --resource-group "$RESOURCE_GROUP_NAME" --route-filter "$ER_LON_ROUTE_FILTER_NAME"
