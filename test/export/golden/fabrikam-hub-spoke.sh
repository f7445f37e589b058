#!/usr/bin/env bash
# Azure CLI script of the route filters and enterprise policies of "Fabrikam (hub and spoke)", written by ppnet export.
# ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.
# Every resource is created in one resource group ($RESOURCE_GROUP_NAME), which holds the circuits and virtual networks.
# Set the variables below that have no default, then run: bash <this file>
set -euo pipefail

: "${SUBSCRIPTION_ID:?set SUBSCRIPTION_ID: Id of the Azure subscription that holds the circuits and virtual networks.}"
: "${RESOURCE_GROUP_NAME:?set RESOURCE_GROUP_NAME: Resource group of the circuits and virtual networks, where the route filters, subnets and enterprise policies are created.}"
ER_LON_CIRCUIT_NAME="${ER_LON_CIRCUIT_NAME:-er-lon}"  # Name of ExpressRoute circuit er-lon in Azure (default: its id in the design).
: "${ER_LON_ROUTE_FILTER_NAME:?set ER_LON_ROUTE_FILTER_NAME: Name to give the route filter of circuit er-lon (the design does not name it).}"
EP_UK_POLICY_NAME="${EP_UK_POLICY_NAME:-ep-uk}"  # Name of enterprise policy ep-uk in Azure (default: its id in the design).
EP_UK_POLICY_LOCATION="${EP_UK_POLICY_LOCATION:-uk}"  # Location of enterprise policy ep-uk: the Power Platform region of its environments (default from the design).
: "${EP_UK_SUBNET_1_NAME:?set EP_UK_SUBNET_1_NAME: Name of the subnet 10.70.0.0/26 to delegate in virtual network fab-spoke-uks for enterprise policy ep-uk.}"
: "${EP_UK_SUBNET_2_NAME:?set EP_UK_SUBNET_2_NAME: Name of the subnet 10.71.0.0/26 to delegate in virtual network fab-spoke-ukw for enterprise policy ep-uk.}"
EP_UK_EARLY_POLICY_NAME="${EP_UK_EARLY_POLICY_NAME:-ep-uk-early}"  # Name of enterprise policy ep-uk-early in Azure (default: its id in the design).
EP_UK_EARLY_POLICY_LOCATION="${EP_UK_EARLY_POLICY_LOCATION:-uk}"  # Location of enterprise policy ep-uk-early: the Power Platform region of its environments (default from the design).
: "${EP_UK_EARLY_SUBNET_1_NAME:?set EP_UK_EARLY_SUBNET_1_NAME: Name of the subnet 10.70.0.64/27 to delegate in virtual network fab-spoke-uks for enterprise policy ep-uk-early.}"
: "${EP_UK_EARLY_SUBNET_2_NAME:?set EP_UK_EARLY_SUBNET_2_NAME: Name of the subnet 10.71.0.64/27 to delegate in virtual network fab-spoke-ukw for enterprise policy ep-uk-early.}"

az account set --subscription "$SUBSCRIPTION_ID"

# Circuit er-lon: one Allow rule with 12076:51024 (UK South), 12076:51025 (UK West), 12076:5060 (Microsoft Entra ID), 12076:5010 (Exchange Online), 12076:52024 (Azure Storage in UK South), 12076:5250 (Microsoft PSTN services).
az network route-filter create --name "$ER_LON_ROUTE_FILTER_NAME" --resource-group "$RESOURCE_GROUP_NAME"
az network route-filter rule create --filter-name "$ER_LON_ROUTE_FILTER_NAME" --name allow-power-platform --resource-group "$RESOURCE_GROUP_NAME" --access Allow --communities 12076:51024 12076:51025 12076:5060 12076:5010 12076:52024 12076:5250
# The update keeps the peering's other properties; only its route filter changes.
az network express-route peering update --circuit-name "$ER_LON_CIRCUIT_NAME" --name MicrosoftPeering --resource-group "$RESOURCE_GROUP_NAME" --route-filter "$ER_LON_ROUTE_FILTER_NAME"

# Enterprise policy ep-uk: kind NetworkInjection, 2 delegated subnets.
az network vnet subnet create --resource-group "$RESOURCE_GROUP_NAME" --vnet-name fab-spoke-uks --name "$EP_UK_SUBNET_1_NAME" --address-prefixes 10.70.0.0/26 --delegations Microsoft.PowerPlatform/enterprisePolicies
az network vnet subnet create --resource-group "$RESOURCE_GROUP_NAME" --vnet-name fab-spoke-ukw --name "$EP_UK_SUBNET_2_NAME" --address-prefixes 10.71.0.0/26 --delegations Microsoft.PowerPlatform/enterprisePolicies
EP_UK_POLICY_BODY=$(cat <<EOF
{
  "location": "${EP_UK_POLICY_LOCATION}",
  "kind": "NetworkInjection",
  "properties": {
    "networkInjection": {
      "virtualNetworks": [
        { "id": "/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP_NAME}/providers/Microsoft.Network/virtualNetworks/fab-spoke-uks", "subnet": { "name": "${EP_UK_SUBNET_1_NAME}" } },
        { "id": "/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP_NAME}/providers/Microsoft.Network/virtualNetworks/fab-spoke-ukw", "subnet": { "name": "${EP_UK_SUBNET_2_NAME}" } }
      ]
    }
  }
}
EOF
)
az resource create --resource-group "$RESOURCE_GROUP_NAME" --name "$EP_UK_POLICY_NAME" --resource-type Microsoft.PowerPlatform/enterprisePolicies --api-version 2020-10-30-preview --is-full-object --properties "$EP_UK_POLICY_BODY"
# Linking an environment to enterprise policy ep-uk is a Power Platform admin call; after deploying, run in PowerShell
# (module Microsoft.PowerPlatform.EnterprisePolicies; each environment must be a Managed Environment):
#   Enable-SubnetInjection -EnvironmentId <id of environment fab-prod, Fabrikam Production> -PolicyArmId /subscriptions/$SUBSCRIPTION_ID/resourceGroups/$RESOURCE_GROUP_NAME/providers/Microsoft.PowerPlatform/enterprisePolicies/$EP_UK_POLICY_NAME

# Enterprise policy ep-uk-early: kind NetworkInjection, 2 delegated subnets.
az network vnet subnet create --resource-group "$RESOURCE_GROUP_NAME" --vnet-name fab-spoke-uks --name "$EP_UK_EARLY_SUBNET_1_NAME" --address-prefixes 10.70.0.64/27 --delegations Microsoft.PowerPlatform/enterprisePolicies
az network vnet subnet create --resource-group "$RESOURCE_GROUP_NAME" --vnet-name fab-spoke-ukw --name "$EP_UK_EARLY_SUBNET_2_NAME" --address-prefixes 10.71.0.64/27 --delegations Microsoft.PowerPlatform/enterprisePolicies
EP_UK_EARLY_POLICY_BODY=$(cat <<EOF
{
  "location": "${EP_UK_EARLY_POLICY_LOCATION}",
  "kind": "NetworkInjection",
  "properties": {
    "networkInjection": {
      "virtualNetworks": [
        { "id": "/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP_NAME}/providers/Microsoft.Network/virtualNetworks/fab-spoke-uks", "subnet": { "name": "${EP_UK_EARLY_SUBNET_1_NAME}" } },
        { "id": "/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP_NAME}/providers/Microsoft.Network/virtualNetworks/fab-spoke-ukw", "subnet": { "name": "${EP_UK_EARLY_SUBNET_2_NAME}" } }
      ]
    }
  }
}
EOF
)
az resource create --resource-group "$RESOURCE_GROUP_NAME" --name "$EP_UK_EARLY_POLICY_NAME" --resource-type Microsoft.PowerPlatform/enterprisePolicies --api-version 2020-10-30-preview --is-full-object --properties "$EP_UK_EARLY_POLICY_BODY"
# Linking an environment to enterprise policy ep-uk-early is a Power Platform admin call; after deploying, run in PowerShell
# (module Microsoft.PowerPlatform.EnterprisePolicies; each environment must be a Managed Environment):
#   Enable-SubnetInjection -EnvironmentId <id of environment fab-early, Fabrikam Early Validation> -PolicyArmId /subscriptions/$SUBSCRIPTION_ID/resourceGroups/$RESOURCE_GROUP_NAME/providers/Microsoft.PowerPlatform/enterprisePolicies/$EP_UK_EARLY_POLICY_NAME
