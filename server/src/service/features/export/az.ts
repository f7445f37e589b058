/**
 * The export as a bash script of Azure CLI commands: each route filter and its Allow rule, the
 * Microsoft peering's update (which changes only its route filter), the delegated subnets and the
 * enterprise policies (`az resource create`). What ppnet does not know comes from shell variables
 * that the script requires before it runs anything.
 */
import {
  circuitName,
  DELEGATION_SERVICE,
  escapeControls,
  filterLines,
  headerLines,
  Input,
  linkLines,
  MICROSOFT_PEERING,
  NETWORK_INJECTION,
  POLICY_API,
  POLICY_TYPE,
  policyLines,
  policyLocation,
  policyName,
  RESOURCE_GROUP,
  routeFilterName,
  RULE_NAME,
  SUBSCRIPTION,
  subnetName,
  VNET_TYPE,
} from './common';
import { ExportModel } from './model';

/** A word for bash: single-quoted unless it is plain. */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(text)) return text;
  const quoted = `'${text.replace(/'/g, `'\\''`)}'`;
  // Control characters are written as bash's $'\xHH' pieces (their UTF-8 bytes), never raw.
  const hex = (byte: number) => `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return escapeControls(quoted, (code) => `'$'${code < 0x80 ? hex(code) : hex(0xc0 | (code >> 6)) + hex(0x80 | (code & 0x3f))}''`);
}

/** A string's JSON form without its quotes. */
const jsonText = (text: string) => escapeControls(JSON.stringify(text).slice(1, -1), (code) => `\\u${code.toString(16).padStart(4, '0')}`);
/** Text in an unquoted here-document: `\\`, `$` and backquotes escaped. */
const hereText = (text: string) => text.replace(/[\\$`]/g, '\\$&');
const comment = (lines: string[]) => lines.map((line) => `# ${line}`);
const ref = (input: Input) => `"$${input.shell}"`;

/** The line that makes a variable required (`:?`) or defaults it to the design's value. */
function requireVariable(input: Input): string {
  if (input.default !== undefined) return `${input.shell}="\${${input.shell}:-${input.default.replace(/["\\$`}]/g, '\\$&')}}"  # ${input.description}`;
  // The message is a word of the expansion: only characters that mean nothing to bash there (braces would nest).
  return `: "\${${input.shell}:?set ${input.shell}: ${input.description.replace(/[^A-Za-z0-9 .,:;()/_+@-]/g, ' ')}}"`;
}

export function toAz(model: ExportModel): string {
  const inputs: Input[] = [SUBSCRIPTION, RESOURCE_GROUP];
  const body: string[] = [];
  for (const circuit of model.circuits) {
    body.push(...comment(filterLines(circuit)));
    if (!circuit.communities.length) {
      body.push('');
      continue;
    }
    const filter = routeFilterName(circuit);
    const name = circuitName(circuit);
    inputs.push(name, filter);
    body.push(
      `az network route-filter create --name ${ref(filter)} --resource-group ${ref(RESOURCE_GROUP)}`,
      `az network route-filter rule create --filter-name ${ref(filter)} --name ${RULE_NAME} --resource-group ${ref(RESOURCE_GROUP)} --access Allow --communities ${circuit.communities.map((c) => shellWord(c.value)).join(' ')}`,
      '# The update keeps the peering\'s other properties; only its route filter changes.',
      `az network express-route peering update --circuit-name ${ref(name)} --name ${MICROSOFT_PEERING} --resource-group ${ref(RESOURCE_GROUP)} --route-filter ${ref(filter)}`,
      '',
    );
  }
  for (const policy of model.policies) {
    body.push(...comment(policyLines(policy)));
    const name = policyName(policy);
    const location = policyLocation(policy);
    inputs.push(name, location);
    for (const subnet of policy.subnets) {
      const input = subnetName(policy, subnet);
      inputs.push(input);
      body.push(
        `az network vnet subnet create --resource-group ${ref(RESOURCE_GROUP)} --vnet-name ${shellWord(subnet.vnet.name)} --name ${ref(input)} --address-prefixes ${shellWord(subnet.cidr)} --delegations ${DELEGATION_SERVICE}`,
      );
    }
    // The body is a here-document: the variables expand in it; the design's names are escaped for JSON and the shell.
    const vnetId = (vnet: string) => `/subscriptions/\${${SUBSCRIPTION.shell}}/resourceGroups/\${${RESOURCE_GROUP.shell}}/providers/${VNET_TYPE}/${hereText(jsonText(vnet))}`;
    const bodyVariable = `${policy.snake.toUpperCase()}_POLICY_BODY`;
    body.push(
      `${bodyVariable}=$(cat <<EOF`,
      '{',
      `  "location": "\${${location.shell}}",`,
      `  "kind": "${NETWORK_INJECTION}",`,
      '  "properties": {',
      '    "networkInjection": {',
      '      "virtualNetworks": [',
      ...policy.subnets.map(
        (subnet, index) =>
          `        { "id": "${vnetId(subnet.vnet.name)}", "subnet": { "name": "\${${subnetName(policy, subnet).shell}}" } }${index < policy.subnets.length - 1 ? ',' : ''}`,
      ),
      '      ]',
      '    }',
      '  }',
      '}',
      'EOF',
      ')',
      `az resource create --resource-group ${ref(RESOURCE_GROUP)} --name ${ref(name)} --resource-type ${POLICY_TYPE} --api-version ${POLICY_API} --is-full-object --properties "$${bodyVariable}"`,
      ...comment(linkLines(policy, `/subscriptions/$${SUBSCRIPTION.shell}/resourceGroups/$${RESOURCE_GROUP.shell}/providers/${POLICY_TYPE}/$${name.shell}`)),
      '',
    );
  }
  const out = [
    '#!/usr/bin/env bash',
    ...comment(
      headerLines(model, 'Azure CLI script', [
        'Every resource is created in one resource group ($RESOURCE_GROUP_NAME), which holds the circuits and virtual networks.',
        'Set the variables below that have no default, then run: bash <this file>',
      ]),
    ),
    'set -euo pipefail',
    '',
    ...inputs.map(requireVariable),
    '',
    `az account set --subscription ${ref(SUBSCRIPTION)}`,
    '',
    ...body,
  ];
  return out.join('\n').replace(/\n+$/, '\n');
}
