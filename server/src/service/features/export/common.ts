/**
 * What every format of the export writes alike: the resource types and API versions, the header that
 * says what the file is and what it leaves to the user, and the inputs (parameters, variables) for
 * what ppnet does not know, each with a clear name and description and a default only where the design
 * gives one.
 */
import { CircuitExport, describeCommunity, ExportModel, Named, PolicyExport, SubnetExport } from './model';

export const NETWORK_API = '2024-05-01';
export const POLICY_API = '2020-10-30-preview';
export const CIRCUIT_TYPE = 'Microsoft.Network/expressRouteCircuits';
export const PEERING_TYPE = 'Microsoft.Network/expressRouteCircuits/peerings';
export const ROUTE_FILTER_TYPE = 'Microsoft.Network/routeFilters';
export const VNET_TYPE = 'Microsoft.Network/virtualNetworks';
export const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';
export const POLICY_TYPE = 'Microsoft.PowerPlatform/enterprisePolicies';
export const MICROSOFT_PEERING = 'MicrosoftPeering';
/** The description of the route filters' location, which defaults to the resource group's. */
export const ROUTE_FILTER_LOCATION = "Azure region of the route filters (default: the resource group's).";
export const RULE_NAME = 'allow-power-platform';
export const DELEGATION_NAME = 'powerplatform-enterprise-policies';
export const DELEGATION_SERVICE = 'Microsoft.PowerPlatform/enterprisePolicies';
export const NETWORK_INJECTION = 'NetworkInjection';

/** A parameter (Bicep, ARM), variable (Terraform) or shell variable (az) for a value ppnet does not know. */
export interface Input {
  camel: string;
  snake: string;
  /** The shell variable: `ER_AMS_ROUTE_FILTER_NAME`. */
  shell: string;
  description: string;
  /** Only where the design gives the value. */
  default?: string;
}

function input(stem: Named | undefined, suffix: string, description: string, defaultValue?: string): Input {
  const camelSuffix = suffix.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  const camel = stem ? stem.camel + camelSuffix : camelSuffix.charAt(0).toLowerCase() + camelSuffix.slice(1);
  const snake = stem ? `${stem.snake}_${suffix}` : suffix;
  return { camel, snake, shell: snake.toUpperCase(), description, default: defaultValue };
}

export const SUBSCRIPTION = input(undefined, 'subscription_id', 'Id of the Azure subscription that holds the circuits and virtual networks.');
export const RESOURCE_GROUP = input(
  undefined,
  'resource_group_name',
  'Resource group of the circuits and virtual networks, where the route filters, subnets and enterprise policies are created.',
);

export function circuitName(circuit: CircuitExport): Input {
  return input(circuit, 'circuit_name', `Name of ExpressRoute circuit ${circuit.id} in Azure (default: its id in the design).`, circuit.id);
}

export function routeFilterName(circuit: CircuitExport): Input {
  return input(circuit, 'route_filter_name', `Name to give the route filter of circuit ${circuit.id} (the design does not name it).`);
}

export function policyName(policy: PolicyExport): Input {
  return input(policy, 'policy_name', `Name of enterprise policy ${policy.id} in Azure (default: its id in the design).`, policy.id);
}

export function policyLocation(policy: PolicyExport): Input {
  return policy.location !== undefined
    ? input(policy, 'policy_location', `Location of enterprise policy ${policy.id}: the Power Platform region of its environments (default from the design).`, policy.location)
    : input(
        policy,
        'policy_location',
        `Location of enterprise policy ${policy.id}: the Power Platform region of the environments it serves (europe, unitedstates...), which the design does not decide.`,
      );
}

export function subnetName(policy: PolicyExport, subnet: SubnetExport): Input {
  return input(subnet, 'name', `Name of the subnet ${subnet.cidr} to delegate in virtual network ${oneLine(subnet.vnet.name)} for enterprise policy ${policy.id}.`);
}

export function environmentId(policy: PolicyExport, environment: PolicyExport['environments'][number]): Input {
  return input(environment, 'environment_id', `Id (a GUID) of Power Platform environment ${environment.id} (${oneLine(environment.label)}), linked to enterprise policy ${policy.id}.`);
}

// eslint-disable-next-line no-control-regex -- control characters are what is found
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text with each control character written by `escape` (a format's own escape sequence), so that none reaches the file raw. */
export function escapeControls(text: string, escape: (code: number) => string): string {
  return text.replace(CONTROL, (c) => escape(c.charCodeAt(0)));
}

/** Text from the design, safe on one comment line: control characters (line ends included) become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** What the file is and what it leaves to the user, as comment lines (without the comment marker). */
export function headerLines(model: ExportModel, what: string, deploy: string[]): string[] {
  const lines = [`${what} of the route filters and enterprise policies of "${oneLine(model.title)}", written by ppnet export.`];
  if (model.errors > 0) {
    lines.push(`The design has ${model.errors} ${model.errors === 1 ? 'error' : 'errors'} (ppnet check lists them): what it exports may not work as intended.`);
  }
  if (model.fixes.length) lines.push(`Quick fixes applied to the design first: ${model.fixes.map(oneLine).join('; ')}.`);
  lines.push(
    'ExpressRoute circuits and virtual networks are referenced, never created: ppnet does not know their provider, ASN, VLAN or address space.',
    ...deploy,
  );
  for (const id of model.withoutMicrosoftPeering) lines.push(`Circuit ${id} has no Microsoft peering in the design: no route filter for it.`);
  return lines;
}

/** The comment lines on a circuit's filter: what it allows, and what it leaves out and why. */
export function filterLines(circuit: CircuitExport): string[] {
  const lines = circuit.communities.length
    ? [`Circuit ${circuit.id}: one Allow rule with ${circuit.communities.map(describeCommunity).join(', ')}.`]
    : [`Circuit ${circuit.id}: no entry of its route filter resolves to a BGP community, so no route filter is written for it.`];
  for (const left of circuit.leftOut) lines.push(`Left out: "${oneLine(left.text)}", ${left.why}.`);
  return lines;
}

/** The comment lines on a policy: what it leaves out. */
export function policyLines(policy: PolicyExport): string[] {
  return [
    `Enterprise policy ${policy.id}: kind ${NETWORK_INJECTION}, ${policy.subnets.length} delegated ${policy.subnets.length === 1 ? 'subnet' : 'subnets'}.`,
    ...policy.leftOut.map((left) => `Left out: subnet "${oneLine(left.text)}", ${left.why}.`),
  ];
}

/** The PowerShell lines that link each environment to a policy (Bicep, ARM and az cannot: it is an admin API call). */
export function linkLines(policy: PolicyExport, policyId: string): string[] {
  if (policy.environments.length === 0) return [`No environment of the design names enterprise policy ${policy.id}.`];
  return [
    `Linking an environment to enterprise policy ${policy.id} is a Power Platform admin call; after deploying, run in PowerShell`,
    '(module Microsoft.PowerPlatform.EnterprisePolicies; each environment must be a Managed Environment):',
    ...policy.environments.map(
      (e) => `  Enable-SubnetInjection -EnvironmentId <id of environment ${e.id}, ${oneLine(e.label)}> -PolicyArmId ${policyId}`,
    ),
  ];
}

/** Circuits whose filter has values to write. */
export function filtersToWrite(model: ExportModel): CircuitExport[] {
  return model.circuits.filter((c) => c.communities.length > 0);
}

/** The subnet written before `subnet` in the same virtual network: Azure changes one subnet of a network at a time. */
export function previousInVnet(model: ExportModel, subnet: SubnetExport): SubnetExport | undefined {
  const all = model.policies.flatMap((p) => p.subnets).filter((s) => s.vnet === subnet.vnet);
  return all[all.indexOf(subnet) - 1];
}
