/**
 * The export as Bicep: the route filters, their attachment to each circuit's Microsoft peering (the
 * circuit `existing`, the peering's present properties kept with `union()`), the delegated subnets of
 * existing virtual networks, and the enterprise policies. Deployed to one resource group.
 */
import {
  circuitName,
  escapeControls,
  CIRCUIT_TYPE,
  DELEGATION_NAME,
  DELEGATION_SERVICE,
  filterLines,
  filtersToWrite,
  headerLines,
  Input,
  linkLines,
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
  ROUTE_FILTER_LOCATION,
  ROUTE_FILTER_TYPE,
  routeFilterName,
  RULE_NAME,
  SUBNET_TYPE,
  subnetName,
  VNET_TYPE,
} from './common';
import { ExportModel } from './model';

/** A Bicep string literal. */
export function bicepString(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `'${escapeControls(escaped, (code) => `\\u{${code.toString(16).toUpperCase()}}`)}'`;
}

const comment = (lines: string[], indent = '') => lines.map((line) => `${indent}// ${line}`);

function param(input: Input): string[] {
  const value = input.default !== undefined ? ` = ${bicepString(input.default)}` : '';
  return [`@description(${bicepString(input.description)})`, `param ${input.camel} string${value}`, ''];
}

export function toBicep(model: ExportModel): string {
  const out: string[] = comment(
    headerLines(model, 'Bicep', [
      'Deploy it to the resource group of the circuits and virtual networks (the subscription is the deployment\'s):',
      '  az deployment group create --resource-group <group> --template-file <this file>',
    ]),
  );
  out.push('');
  const filters = filtersToWrite(model);
  if (filters.length) {
    out.push(`@description(${bicepString(ROUTE_FILTER_LOCATION)})`, 'param routeFilterLocation string = resourceGroup().location', '');
  }
  for (const circuit of model.circuits) {
    out.push(...comment(filterLines(circuit)));
    if (!circuit.communities.length) {
      out.push('');
      continue;
    }
    const c = circuit.camel;
    out.push(...param(circuitName(circuit)), ...param(routeFilterName(circuit)));
    out.push(`resource ${c}Circuit '${CIRCUIT_TYPE}@${NETWORK_API}' existing = {`, `  name: ${circuitName(circuit).camel}`, '}', '');
    out.push(
      `resource ${c}RouteFilter '${ROUTE_FILTER_TYPE}@${NETWORK_API}' = {`,
      `  name: ${routeFilterName(circuit).camel}`,
      '  location: routeFilterLocation',
      '  properties: {',
      '    rules: [',
      '      {',
      `        name: '${RULE_NAME}'`,
      '        properties: {',
      "          access: 'Allow'",
      "          routeFilterRuleType: 'Community'",
      '          communities: [',
      ...circuit.communities.map((k) => `            ${bicepString(k.value)}${k.names.length ? ` // ${oneLine(k.names.join(', '))}` : ''}`),
      '          ]',
      '        }',
      '      }',
      '    ]',
      '  }',
      '}',
      '',
      `resource ${c}PeeringNow '${PEERING_TYPE}@${NETWORK_API}' existing = {`,
      `  parent: ${c}Circuit`,
      `  name: '${MICROSOFT_PEERING}'`,
      '}',
      '',
      "// Azure takes a peering whole: its present properties (peer ASN, VLAN, prefixes...) are read and kept, only routeFilter changes.",
      `resource ${c}MicrosoftPeering '${PEERING_TYPE}@${NETWORK_API}' = {`,
      `  parent: ${c}Circuit`,
      `  name: '${MICROSOFT_PEERING}'`,
      `  properties: union(${c}PeeringNow.properties, {`,
      '    routeFilter: {',
      `      id: ${c}RouteFilter.id`,
      '    }',
      '  })',
      '}',
      '',
    );
  }
  for (const vnet of model.vnets) {
    out.push(`resource ${vnet.camel}Vnet '${VNET_TYPE}@${NETWORK_API}' existing = {`, `  name: ${bicepString(vnet.name)}`, '}', '');
  }
  for (const policy of model.policies) {
    out.push(...comment(policyLines(policy)));
    const name = policyName(policy);
    const location = policyLocation(policy);
    out.push(...param(name), ...param(location));
    for (const subnet of policy.subnets) {
      const previous = previousInVnet(model, subnet);
      out.push(
        ...param(subnetName(policy, subnet)),
        '// Written whole: if this subnet exists, add its network security group, route table or NAT gateway here, or they are removed.',
        `resource ${subnet.camel} '${SUBNET_TYPE}@${NETWORK_API}' = {`,
        `  parent: ${subnet.vnet.camel}Vnet`,
        `  name: ${subnetName(policy, subnet).camel}`,
        '  properties: {',
        `    addressPrefix: ${bicepString(subnet.cidr)}`,
        '    delegations: [',
        '      {',
        `        name: '${DELEGATION_NAME}'`,
        '        properties: {',
        `          serviceName: '${DELEGATION_SERVICE}'`,
        '        }',
        '      }',
        '    ]',
        '  }',
        ...(previous ? ['  dependsOn: [', `    ${previous.camel}`, '  ]'] : []),
        '}',
        '',
      );
    }
    out.push(
      `resource ${policy.camel}Policy '${POLICY_TYPE}@${POLICY_API}' = {`,
      `  name: ${name.camel}`,
      `  location: ${location.camel}`,
      `  kind: '${NETWORK_INJECTION}'`,
      '  properties: {',
      '    networkInjection: {',
      '      virtualNetworks: [',
      ...policy.subnets.flatMap((subnet) => [
        '        {',
        `          id: ${subnet.vnet.camel}Vnet.id`,
        '          subnet: {',
        `            name: ${subnet.camel}.name`,
        '          }',
        '        }',
      ]),
      '      ]',
      '    }',
      '  }',
      '}',
      '',
      ...comment(linkLines(policy, `<${policy.camel}PolicyId, an output of the deployment>`)),
      `output ${policy.camel}PolicyId string = ${policy.camel}Policy.id`,
      '',
    );
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
