/**
 * The deployed estate from exported JSON: `readDeployed` parses each input, finds its resources
 * (`shape.ts`), reads each (`resources.ts`) and joins them (`join.ts`). Pure and deterministic: the
 * same inputs in any order give the same estate; time and memory grow linearly with the inputs, and no
 * nesting of the JSON makes it recurse.
 */
import { DeployedEstate, DeployedInput, emptyEstate, InputFinding } from './estate';
import { joinEstate, ReadResources } from './join';
import {
  PeeringRecord,
  readCircuit,
  readConnection,
  readEnterprisePolicy,
  readEnvironment,
  readGateway,
  readGatewayCluster,
  readPeering,
  readPortLocation,
  readRouteFilter,
  readVirtualNetwork,
  Report,
} from './resources';
import { kindOf, MAX_LIST_DEPTH, typeOf, unwrap } from './shape';

export function readDeployed(inputs: readonly DeployedInput[]): DeployedEstate {
  const estate = emptyEstate();
  const read: ReadResources = { circuits: [], peerings: [], ports: [], estate };
  const ordered = [...inputs].sort((a, b) => compare(a.file, b.file) || compare(a.text, b.text));
  for (const input of ordered) readInput(input, read);
  joinEstate(read);
  estate.findings.sort((a, b) => compare(a.file, b.file) || compare(a.code, b.code) || compare(a.message, b.message));
  return estate;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readInput({ file, text }: DeployedInput, read: ReadResources): void {
  const { estate } = read;
  const finding = (code: string, severity: InputFinding['severity'], message: string) => estate.findings.push({ code, severity, message, file });
  const parsed = parseJson(text);
  if ('problem' in parsed) {
    finding('import-unreadable', 'error', `${file} is not read: ${parsed.problem}.`);
    return;
  }
  const { items, tooDeep } = unwrap(parsed.value);
  if (tooDeep) finding('import-unknown-shape', 'warning', `${file} nests lists more than ${MAX_LIST_DEPTH} deep, which no export does: what is below that depth is not read.`);
  const skipped = new Map<string, number>();
  let known = 0;
  for (const item of items) {
    const kind = kindOf(item);
    if (!kind) {
      const what = typeOf(item) ?? (item !== null && typeof item === 'object' ? 'object' : typeof item === 'object' ? 'null' : typeof item);
      skipped.set(what, (skipped.get(what) ?? 0) + 1);
      continue;
    }
    known++;
    const report: Report = (code, severity, message) => finding(code, severity, message);
    readItem(kind, item, file, report, read);
  }
  if (skipped.size) {
    const list = [...skipped].sort(([a], [b]) => compare(a, b)).map(([what, count]) => (count > 1 ? `${what} ×${count}` : what));
    if (known === 0) {
      finding('import-unknown-shape', 'warning', `${file} holds no resource ppnet imports (${list.join(', ')}): expected ExpressRoute circuits, peerings, route filters, connections, gateways, virtual networks, Power Platform environments, enterprise policies or gateway clusters.`);
    } else {
      finding('import-unknown-shape', 'information', `${file}: ${list.join(', ')} ${items.length - known > 1 ? 'are' : 'is'} of no kind ppnet imports and not read.`);
    }
  } else if (items.length === 0 && !tooDeep) {
    finding('import-unknown-shape', 'information', `${file} is an empty list: nothing to import from it.`);
  }
}

function readItem(kind: NonNullable<ReturnType<typeof kindOf>>, item: unknown, file: string, report: Report, read: ReadResources): void {
  const { estate } = read;
  switch (kind) {
    case 'circuit': {
      const circuit = readCircuit(item, file, report);
      if (circuit) {
        read.circuits.push(circuit.circuit);
        read.peerings.push(...circuit.peerings);
      }
      break;
    }
    case 'peering': {
      const peering: PeeringRecord = readPeering(item, file);
      if (!peering.circuitId) report('import-incomplete', 'warning', `Peering ${peering.source.resource} has no id naming its circuit, so ppnet cannot join it to one: it is not imported.`);
      else read.peerings.push(peering);
      break;
    }
    case 'routeFilter':
      push(estate.routeFilters, readRouteFilter(item, file, report));
      break;
    case 'connection':
      push(estate.connections, readConnection(item, file));
      break;
    case 'virtualNetworkGateway':
      push(estate.virtualNetworkGateways, readGateway(item, file));
      break;
    case 'virtualNetwork':
      push(estate.virtualNetworks, readVirtualNetwork(item, file));
      break;
    case 'expressRoutePort':
      push(read.ports, readPortLocation(item));
      break;
    case 'environment':
      push(estate.environments, readEnvironment(item, file, report));
      break;
    case 'enterprisePolicy': {
      const policy = readEnterprisePolicy(item, file, report);
      if (policy && policy.policyKind && policy.policyKind.toLowerCase() !== 'networkinjection') {
        report('import-unknown-shape', 'information', `Enterprise policy ${policy.azureId} is of kind ${policy.policyKind}; ppnet imports NetworkInjection policies only (Virtual Network support): it is not read.`);
      } else push(estate.enterprisePolicies, policy);
      break;
    }
    case 'gatewayCluster':
      push(estate.gatewayClusters, readGatewayCluster(item, file, report));
      break;
  }
  if (kind !== 'expressRoutePort') estate.covered.add(kind === 'peering' ? 'circuit' : kind);
}

function push<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

/** The JSON of an input, or why there is none, in words that tell a truncated file from `az`'s error text. */
function parseJson(text: string): { value: unknown } | { problem: string } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { problem: 'it is empty' };
  const first = trimmed[0];
  if (first !== '{' && first !== '[') {
    const line = trimmed.split(/\r?\n/, 1)[0];
    const shown = line.length > 80 ? `${line.slice(0, 80)}…` : line;
    const hint = /^(ERROR|WARNING)\b|^az[: ]|^Get-|^\w+-\w+\s*:/i.test(line) ? ' (the command that wrote it failed: run it again and check its output)' : '';
    return { problem: `it is not JSON: it starts with "${printable(shown)}"${hint}` };
  }
  try {
    return { value: JSON.parse(trimmed) };
  } catch (error) {
    // Said in ppnet's words, not the engine's (they differ between Node versions).
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    if (/end of (json )?input/i.test(message) || position >= trimmed.length - 1) return { problem: 'the JSON stops before its end (a truncated file?)' };
    return { problem: Number.isNaN(position) ? 'broken JSON (edited by hand, or two exports in one file?)' : `broken JSON at ${lineAndColumn(trimmed, position)}` };
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** No control character of the input reaches a message. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
