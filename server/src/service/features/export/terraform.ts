/**
 * The export as Terraform: azurerm for the route filters (the circuits and virtual networks as data
 * sources) and the delegated subnets, azapi for what azurerm cannot do without knowing the whole
 * peering (`azapi_update_resource` sets only the Microsoft peering's routeFilter) and for the
 * enterprise policies, and the Power Platform provider's `powerplatform_enterprise_policy` for the
 * environment links, as that provider's own examples do.
 */
import {
  circuitName,
  DELEGATION_NAME,
  DELEGATION_SERVICE,
  environmentId,
  escapeControls,
  filterLines,
  filtersToWrite,
  headerLines,
  Input,
  MICROSOFT_PEERING,
  NETWORK_API,
  NETWORK_INJECTION,
  oneLine,
  PEERING_TYPE,
  POLICY_API,
  POLICY_TYPE,
  policyLines,
  policyLocation,
  policyName,
  previousInVnet,
  RESOURCE_GROUP,
  ROUTE_FILTER_LOCATION,
  routeFilterName,
  RULE_NAME,
  SUBSCRIPTION,
  subnetName,
} from './common';
import { ExportModel } from './model';

/** A Terraform string literal: quotes, backslashes and template sequences escaped. */
export function hclString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{');
  return `"${escapeControls(escaped, (code) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`)}"`;
}

const comment = (lines: string[], indent = '') => lines.map((line) => `${indent}# ${line}`);

function variable(input: Input): string[] {
  return [
    `variable "${input.snake}" {`,
    '  type        = string',
    `  description = ${hclString(input.description)}`,
    ...(input.default !== undefined ? [`  default     = ${hclString(input.default)}`] : []),
    '}',
    '',
  ];
}

export function toTerraform(model: ExportModel): string {
  const linked = model.policies.some((p) => p.environments.length > 0);
  const out: string[] = comment(
    headerLines(model, 'Terraform', [
      'Every resource is created in one resource group (var.resource_group_name), which holds the circuits and virtual networks.',
      'Run: terraform init && terraform apply',
    ]),
  );
  out.push(
    '',
    'terraform {',
    '  required_providers {',
    '    azurerm = {',
    '      source  = "hashicorp/azurerm"',
    '      version = "~> 4.0"',
    '    }',
    '    azapi = {',
    '      source  = "azure/azapi"',
    '      version = "~> 2.0"',
    '    }',
    ...(linked ? ['    powerplatform = {', '      source  = "microsoft/power-platform"', '      version = "~> 3.0"', '    }'] : []),
    '  }',
    '}',
    '',
    'provider "azurerm" {',
    '  features {}',
    `  subscription_id = var.${SUBSCRIPTION.snake}`,
    '}',
    '',
    ...variable(SUBSCRIPTION),
    ...variable(RESOURCE_GROUP),
    'data "azurerm_resource_group" "ppnet" {',
    `  name = var.${RESOURCE_GROUP.snake}`,
    '}',
    '',
  );
  if (filtersToWrite(model).length) {
    out.push(
      'variable "route_filter_location" {',
      '  type        = string',
      `  description = ${hclString(ROUTE_FILTER_LOCATION)}`,
      '  default     = null',
      '}',
      '',
    );
  }
  for (const circuit of model.circuits) {
    out.push(...comment(filterLines(circuit)));
    if (!circuit.communities.length) {
      out.push('');
      continue;
    }
    const c = circuit.snake;
    out.push(...variable(circuitName(circuit)), ...variable(routeFilterName(circuit)));
    out.push(
      `data "azurerm_express_route_circuit" "${c}" {`,
      `  name                = var.${circuitName(circuit).snake}`,
      `  resource_group_name = var.${RESOURCE_GROUP.snake}`,
      '}',
      '',
      `resource "azurerm_route_filter" "${c}" {`,
      `  name                = var.${routeFilterName(circuit).snake}`,
      `  resource_group_name = var.${RESOURCE_GROUP.snake}`,
      '  location            = coalesce(var.route_filter_location, data.azurerm_resource_group.ppnet.location)',
      '',
      '  rule {',
      `    name        = "${RULE_NAME}"`,
      '    access      = "Allow"',
      '    rule_type   = "Community"',
      '    communities = [',
      ...circuit.communities.map((k) => `      ${hclString(k.value)},${k.names.length ? ` # ${oneLine(k.names.join(', '))}` : ''}`),
      '    ]',
      '  }',
      '}',
      '',
      "# Only the Microsoft peering's routeFilter changes: azapi_update_resource keeps the peering's other properties,",
      "# which azurerm_express_route_circuit_peering would need written (peer ASN, VLAN, prefixes: ppnet does not know them).",
      `resource "azapi_update_resource" "${c}_microsoft_peering" {`,
      `  type        = "${PEERING_TYPE}@${NETWORK_API}"`,
      `  resource_id = "\${data.azurerm_express_route_circuit.${c}.id}/peerings/${MICROSOFT_PEERING}"`,
      '  body = {',
      '    properties = {',
      '      routeFilter = {',
      `        id = azurerm_route_filter.${c}.id`,
      '      }',
      '    }',
      '  }',
      '}',
      '',
    );
  }
  for (const vnet of model.vnets) {
    out.push(
      `data "azurerm_virtual_network" "${vnet.snake}" {`,
      `  name                = ${hclString(vnet.name)}`,
      `  resource_group_name = var.${RESOURCE_GROUP.snake}`,
      '}',
      '',
    );
  }
  for (const policy of model.policies) {
    out.push(...comment(policyLines(policy)), ...variable(policyName(policy)), ...variable(policyLocation(policy)));
    for (const subnet of policy.subnets) {
      const previous = previousInVnet(model, subnet);
      out.push(
        ...variable(subnetName(policy, subnet)),
        `resource "azurerm_subnet" "${subnet.snake}" {`,
        `  name                 = var.${subnetName(policy, subnet).snake}`,
        `  resource_group_name  = var.${RESOURCE_GROUP.snake}`,
        `  virtual_network_name = data.azurerm_virtual_network.${subnet.vnet.snake}.name`,
        `  address_prefixes     = [${hclString(subnet.cidr)}]`,
        '',
        '  delegation {',
        `    name = "${DELEGATION_NAME}"`,
        '',
        '    service_delegation {',
        `      name    = "${DELEGATION_SERVICE}"`,
        '      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]',
        '    }',
        '  }',
        ...(previous ? ['', `  depends_on = [azurerm_subnet.${previous.snake}]`] : []),
        '}',
        '',
      );
    }
    const p = policy.snake;
    out.push(
      `resource "azapi_resource" "${p}" {`,
      `  type      = "${POLICY_TYPE}@${POLICY_API}"`,
      `  name      = var.${policyName(policy).snake}`,
      `  location  = var.${policyLocation(policy).snake}`,
      '  parent_id = data.azurerm_resource_group.ppnet.id',
      '  # A preview API version the provider may not know: Azure checks the body.',
      '  schema_validation_enabled = false',
      '  body = {',
      `    kind = "${NETWORK_INJECTION}"`,
      '    properties = {',
      '      networkInjection = {',
      '        virtualNetworks = [',
      ...policy.subnets.flatMap((subnet) => [
        '          {',
        `            id = data.azurerm_virtual_network.${subnet.vnet.snake}.id`,
        '            subnet = {',
        `              name = azurerm_subnet.${subnet.snake}.name`,
        '            }',
        '          },',
      ]),
      '        ]',
      '      }',
      '    }',
      '  }',
      '  response_export_values = ["properties.systemId"]',
      '}',
      '',
    );
    for (const environment of policy.environments) {
      out.push(
        ...variable(environmentId(policy, environment)),
        `resource "powerplatform_enterprise_policy" "${p}_${environment.snake}" {`,
        `  environment_id = var.${environmentId(policy, environment).snake}`,
        `  system_id      = azapi_resource.${p}.output.properties.systemId`,
        `  policy_type    = "${NETWORK_INJECTION}"`,
        '}',
        '',
      );
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
