/**
 * The editor's copy action on a circuit's `routeFilter`: its route filter and the attachment to its
 * Microsoft peering as Bicep or Terraform, put on the clipboard by the extension's command (the server
 * has no clipboard).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Command, Range } from 'vscode-languageserver-types';
import { COPY_TO_CLIPBOARD_COMMAND } from '../../../../../protocol/protocol';
import { INFRASTRUCTURE_FORMATS, InfrastructureFormat } from '../../../../../protocol/infrastructure';
import { filterCommunities } from '../../facts';
import { Circuit, Topology } from '../../model/model';

/** The formats the action copies: the two an architect pastes into a module. */
const COPIED: readonly InfrastructureFormat[] = ['bicep', 'terraform'];

/** The circuit whose `routeFilter` (key or list) holds the position. */
function circuitAt(topology: Topology, document: TextDocument, range: Range): Circuit | undefined {
  const at = document.offsetAt(range.start);
  for (const circuit of topology.circuits.values()) {
    const filter = circuit.microsoftPeering?.routeFilter;
    const start = filter?.key.range?.[0];
    const end = (filter?.node as { range?: [number, number, number] } | null)?.range?.[1] ?? filter?.key.range?.[1];
    if (start !== undefined && end !== undefined && at >= start && at <= end) return circuit;
  }
  return undefined;
}

/** Whether a request's `only` lets refactor actions through. */
export function wantsRefactor(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => kind === CodeActionKind.Empty || kind === CodeActionKind.Refactor);
}

export function copyRouteFilterActions(
  topology: Topology,
  document: TextDocument,
  range: Range,
  exportCircuit: (format: InfrastructureFormat, circuit: string) => string,
): CodeAction[] {
  const circuit = circuitAt(topology, document, range);
  // A filter none of whose entries resolves to a value exports nothing to copy.
  if (!circuit || filterCommunities(topology, circuit).communities.length === 0) return [];
  return COPIED.map((format) => {
    const label = INFRASTRUCTURE_FORMATS.find((f) => f.id === format)!.label;
    const what = `the route filter of circuit ${circuit.id} as ${label}`;
    return CodeAction.create(`Copy ${what}`, Command.create(`Copy ${what}`, COPY_TO_CLIPBOARD_COMMAND, exportCircuit(format, circuit.id), what), CodeActionKind.Refactor);
  });
}
