/**
 * The export as an ARM template: the same resources as the Bicep export (bicep.ts), with template
 * expressions. JSON has no comments: what a resource allows and leaves out is in its `comments`, the
 * header in the template's `metadata`.
 */
import {
  circuitName,
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

/** A string literal inside a template expression. */
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** A plain string value: one that starts with `[` would be read as an expression, so it is escaped. */
const plain = (text: string) => (text.startsWith('[') ? `[${text}` : text);
const parameter = (input: Input) => `parameters(${lit(input.camel)})`;
const resourceId = (type: string, ...names: string[]) => `resourceId(${[lit(type), ...names].join(', ')})`;

function armParameter(input: Input): Record<string, unknown> {
  return { type: 'string', ...(input.default !== undefined ? { defaultValue: plain(input.default) } : {}), metadata: { description: input.description } };
}

export function toArm(model: ExportModel): string {
  const parameters: Record<string, unknown> = {};
  const resources: Record<string, unknown>[] = [];
  const outputs: Record<string, unknown> = {};
  const add = (input: Input) => (parameters[input.camel] = armParameter(input));
  const filters = filtersToWrite(model);
  if (filters.length) parameters.routeFilterLocation = { type: 'string', defaultValue: '[resourceGroup().location]', metadata: { description: ROUTE_FILTER_LOCATION } };
  for (const circuit of filters) {
    const circuitInput = circuitName(circuit);
    const filterInput = routeFilterName(circuit);
    add(circuitInput);
    add(filterInput);
    const filterId = resourceId(ROUTE_FILTER_TYPE, parameter(filterInput));
    const peeringId = resourceId(PEERING_TYPE, parameter(circuitInput), lit(MICROSOFT_PEERING));
    resources.push(
      {
        type: ROUTE_FILTER_TYPE,
        apiVersion: NETWORK_API,
        name: `[${parameter(filterInput)}]`,
        location: "[parameters('routeFilterLocation')]",
        comments: filterLines(circuit).join(' '),
        properties: {
          rules: [{ name: RULE_NAME, properties: { access: 'Allow', routeFilterRuleType: 'Community', communities: circuit.communities.map((c) => c.value) } }],
        },
      },
      {
        type: PEERING_TYPE,
        apiVersion: NETWORK_API,
        name: `[format('{0}/{1}', ${parameter(circuitInput)}, ${lit(MICROSOFT_PEERING)})]`,
        comments: `Azure takes a peering whole: the Microsoft peering of circuit ${circuit.id} keeps its present properties (reference()), only routeFilter changes.`,
        properties: `[union(reference(${peeringId}, ${lit(NETWORK_API)}), createObject('routeFilter', createObject('id', ${filterId})))]`,
        dependsOn: [`[${filterId}]`],
      },
    );
  }
  for (const policy of model.policies) {
    const name = policyName(policy);
    const location = policyLocation(policy);
    add(name);
    add(location);
    for (const subnet of policy.subnets) {
      const input = subnetName(policy, subnet);
      add(input);
      const previous = previousInVnet(model, subnet);
      resources.push({
        type: SUBNET_TYPE,
        apiVersion: NETWORK_API,
        name: `[format('{0}/{1}', ${lit(subnet.vnet.name)}, ${parameter(input)})]`,
        comments: `Written whole: if the subnet exists, add its network security group, route table or NAT gateway here, or they are removed.`,
        properties: { addressPrefix: subnet.cidr, delegations: [{ name: DELEGATION_NAME, properties: { serviceName: DELEGATION_SERVICE } }] },
        ...(previous ? { dependsOn: [`[${resourceId(SUBNET_TYPE, lit(previous.vnet.name), parameter(subnetName(policy, previous)))}]`] } : {}),
      });
    }
    const policyId = resourceId(POLICY_TYPE, parameter(name));
    resources.push({
      type: POLICY_TYPE,
      apiVersion: POLICY_API,
      name: `[${parameter(name)}]`,
      location: `[${parameter(location)}]`,
      kind: NETWORK_INJECTION,
      comments: [...policyLines(policy), ...linkLines(policy, `<the output ${policy.camel}PolicyId>`)].join(' '),
      properties: {
        networkInjection: {
          virtualNetworks: policy.subnets.map((subnet) => ({
            id: `[${resourceId(VNET_TYPE, lit(subnet.vnet.name))}]`,
            subnet: { name: `[${parameter(subnetName(policy, subnet))}]` },
          })),
        },
      },
      dependsOn: policy.subnets.map((subnet) => `[${resourceId(SUBNET_TYPE, lit(subnet.vnet.name), parameter(subnetName(policy, subnet)))}]`),
    });
    outputs[`${policy.camel}PolicyId`] = { type: 'string', value: `[${policyId}]` };
  }
  const header = headerLines(model, 'ARM template', [
    "Deploy it to the resource group of the circuits and virtual networks (the subscription is the deployment's): az deployment group create --resource-group <group> --template-file <this file>.",
  ]);
  const leftOut = model.circuits.filter((c) => c.communities.length === 0).flatMap(filterLines);
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    metadata: { description: [...header, ...leftOut].join(' ') },
    parameters,
    resources,
    outputs,
  };
  // JSON.stringify leaves DEL and the C1 controls raw: they are written as escapes too.
  return JSON.stringify(template, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
