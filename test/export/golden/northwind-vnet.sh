#!/usr/bin/env bash
# Azure CLI script of the route filters and enterprise policies of "Northwind (Virtual Network support)", written by ppnet export.
# ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
# Every resource is created in one resource group ($RESOURCE_GROUP_NAME), which holds the circuits and virtual networks.
# Set the variables below that have no default, then run: bash <this file>
set -euo pipefail

: "${SUBSCRIPTION_ID:?set SUBSCRIPTION_ID: Id of the Azure subscription that holds the circuits and virtual networks.}"
: "${RESOURCE_GROUP_NAME:?set RESOURCE_GROUP_NAME: Resource group of the circuits and virtual networks, where the route filters, subnets and enterprise policies are created.}"
ER_NW_CIRCUIT_NAME="${ER_NW_CIRCUIT_NAME:-er-nw}"  # Name of ExpressRoute circuit er-nw in Azure (default: its id in the design).
: "${ER_NW_ROUTE_FILTER_NAME:?set ER_NW_ROUTE_FILTER_NAME: Name to give the route filter of circuit er-nw (the design does not name it).}"
EP_EU_POLICY_NAME="${EP_EU_POLICY_NAME:-ep-eu}"  # Name of enterprise policy ep-eu in Azure (default: its id in the design).
EP_EU_POLICY_LOCATION="${EP_EU_POLICY_LOCATION:-europe}"  # Location of enterprise policy ep-eu: the Power Platform region of its environments (default from the design).
: "${EP_EU_SUBNET_1_NAME:?set EP_EU_SUBNET_1_NAME: Name of the subnet 10.40.0.0/25 to delegate in virtual network nw-pp-weu for enterprise policy ep-eu.}"
: "${EP_EU_SUBNET_2_NAME:?set EP_EU_SUBNET_2_NAME: Name of the subnet 10.41.0.0/25 to delegate in virtual network nw-pp-neu for enterprise policy ep-eu.}"

az account set --subscription "$SUBSCRIPTION_ID"

# Circuit er-nw: one Allow rule with 12076:51002 (West Europe), 12076:51003 (North Europe).
az network route-filter create --name "$ER_NW_ROUTE_FILTER_NAME" --resource-group "$RESOURCE_GROUP_NAME"
az network route-filter rule create --filter-name "$ER_NW_ROUTE_FILTER_NAME" --name allow-power-platform --resource-group "$RESOURCE_GROUP_NAME" --access Allow --communities 12076:51002 12076:51003
# The update keeps the peering's other properties; only its route filter changes.
az network express-route peering update --circuit-name "$ER_NW_CIRCUIT_NAME" --name MicrosoftPeering --resource-group "$RESOURCE_GROUP_NAME" --route-filter "$ER_NW_ROUTE_FILTER_NAME"

# Enterprise policy ep-eu: kind NetworkInjection, 2 delegated subnets.
az network vnet subnet create --resource-group "$RESOURCE_GROUP_NAME" --vnet-name nw-pp-weu --name "$EP_EU_SUBNET_1_NAME" --address-prefixes 10.40.0.0/25 --delegations Microsoft.PowerPlatform/enterprisePolicies
az network vnet subnet create --resource-group "$RESOURCE_GROUP_NAME" --vnet-name nw-pp-neu --name "$EP_EU_SUBNET_2_NAME" --address-prefixes 10.41.0.0/25 --delegations Microsoft.PowerPlatform/enterprisePolicies
EP_EU_POLICY_BODY=$(cat <<EOF
{
  "location": "${EP_EU_POLICY_LOCATION}",
  "kind": "NetworkInjection",
  "properties": {
    "networkInjection": {
      "virtualNetworks": [
        { "id": "/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP_NAME}/providers/Microsoft.Network/virtualNetworks/nw-pp-weu", "subnet": { "name": "${EP_EU_SUBNET_1_NAME}" } },
        { "id": "/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP_NAME}/providers/Microsoft.Network/virtualNetworks/nw-pp-neu", "subnet": { "name": "${EP_EU_SUBNET_2_NAME}" } }
      ]
    }
  }
}
EOF
)
az resource create --resource-group "$RESOURCE_GROUP_NAME" --name "$EP_EU_POLICY_NAME" --resource-type Microsoft.PowerPlatform/enterprisePolicies --api-version 2020-10-30-preview --is-full-object --properties "$EP_EU_POLICY_BODY"
# Linking an environment to enterprise policy ep-eu is a Power Platform admin call; after deploying, run in PowerShell
# (module Microsoft.PowerPlatform.EnterprisePolicies; each environment must be a Managed Environment):
#   Enable-SubnetInjection -EnvironmentId <id of environment nw-prod, Northwind Production> -PolicyArmId /subscriptions/$SUBSCRIPTION_ID/resourceGroups/$RESOURCE_GROUP_NAME/providers/Microsoft.PowerPlatform/enterprisePolicies/$EP_EU_POLICY_NAME
#   Enable-SubnetInjection -EnvironmentId <id of environment nw-test, Northwind Test> -PolicyArmId /subscriptions/$SUBSCRIPTION_ID/resourceGroups/$RESOURCE_GROUP_NAME/providers/Microsoft.PowerPlatform/enterprisePolicies/$EP_EU_POLICY_NAME
