/**
 * Navigation between ids and their references: go to definition, find references, rename (refusing
 * invalid or taken ids), document highlights, and workspace symbols across open files.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentHighlight, DocumentHighlightKind, Location, Position, Range, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { Scalar } from 'yaml';
import { allEntities, EntityKind, entitiesOf, SECTION_OF, Topology } from '../model/model';
import { allReferences } from '../model/references';
import { SYMBOL_KINDS } from './symbols';
import { entityNoun } from '../text/words';
import { offsetRange } from '../text/ranges';

/** An id under the cursor: where it is declared or referenced. */
interface IdAt {
  kind: EntityKind;
  id: string;
  node: Scalar;
}

interface Occurrence {
  node: Scalar;
  isDeclaration: boolean;
}

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Thrown when a rename cannot be done; the message says why, for the user. */
export class RenameError extends Error {}

function idAt(topology: Topology, offset: number): IdAt | undefined {
  const holds = (node: Scalar) => !!node.range && node.range[0] <= offset && offset <= node.range[1];
  for (const entity of allEntities(topology)) {
    if (holds(entity.key)) return { kind: entity.kind, id: entity.id, node: entity.key };
  }
  for (const reference of allReferences(topology)) {
    if (holds(reference.node)) return { kind: reference.targetKind, id: reference.text, node: reference.node };
  }
  return undefined;
}

/** The declaration of an id (when it exists) and every reference to it, each node once, in file order. */
function occurrences(topology: Topology, kind: EntityKind, id: string): Occurrence[] {
  const found: Occurrence[] = [];
  const declaration = entitiesOf(topology, kind).get(id);
  if (declaration) found.push({ node: declaration.key, isDeclaration: true });
  for (const reference of allReferences(topology)) {
    if (reference.targetKind === kind && reference.text === id && !found.some((o) => o.node === reference.node)) {
      found.push({ node: reference.node, isDeclaration: false });
    }
  }
  return found.sort((a, b) => a.node.range![0] - b.node.range![0]);
}

/** The range of an id's text, inside its quotes when it has them. */
export function idRange(document: TextDocument, node: Scalar): Range {
  let [start, end] = node.range!;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    start++;
    end--;
  }
  return offsetRange(document, start, end);
}

export function findDefinition(topology: Topology, document: TextDocument, position: Position): Location[] {
  const at = idAt(topology, document.offsetAt(position));
  const declaration = at && entitiesOf(topology, at.kind).get(at.id);
  return declaration ? [Location.create(document.uri, idRange(document, declaration.key))] : [];
}

export function findReferences(topology: Topology, document: TextDocument, position: Position, includeDeclaration: boolean): Location[] {
  const at = idAt(topology, document.offsetAt(position));
  if (!at) return [];
  return occurrences(topology, at.kind, at.id)
    .filter((o) => includeDeclaration || !o.isDeclaration)
    .map((o) => Location.create(document.uri, idRange(document, o.node)));
}

export function findDocumentHighlights(topology: Topology, document: TextDocument, position: Position): DocumentHighlight[] {
  const at = idAt(topology, document.offsetAt(position));
  if (!at) return [];
  return occurrences(topology, at.kind, at.id).map((o) =>
    DocumentHighlight.create(idRange(document, o.node), o.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read),
  );
}

export function prepareRename(topology: Topology, document: TextDocument, position: Position): { range: Range; placeholder: string } | null {
  const at = idAt(topology, document.offsetAt(position));
  return at ? { range: idRange(document, at.node), placeholder: at.id } : null;
}

/** Renames an id and every reference to it; throws a RenameError for an invalid or taken id. */
export function doRename(topology: Topology, document: TextDocument, position: Position, newName: string): WorkspaceEdit | null {
  const at = idAt(topology, document.offsetAt(position));
  if (!at) return null;
  const kind = entityNoun(at.kind);
  if (!ID_PATTERN.test(newName)) {
    throw new RenameError(`"${newName}" is not a valid id: an id starts with a letter and holds only letters, digits, "-" and "_".`);
  }
  if (newName !== at.id && entitiesOf(topology, at.kind).has(newName)) {
    throw new RenameError(`There is already ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} "${newName}" in this file; pick another id.`);
  }
  const edits = occurrences(topology, at.kind, at.id).map((o) => TextEdit.replace(idRange(document, o.node), newName));
  return { changes: { [document.uri]: edits } };
}

/** Entities of every open file whose id or name contains the query (any case). */
export function findWorkspaceSymbols(query: string, files: { document: TextDocument; topology: Topology }[]): SymbolInformation[] {
  const wanted = query.toLowerCase();
  const symbols: SymbolInformation[] = [];
  for (const { document, topology } of files) {
    for (const entity of allEntities(topology)) {
      const matches = entity.id.toLowerCase().includes(wanted) || !!entity.name?.text.toLowerCase().includes(wanted);
      if (!matches || !entity.key.range) continue;
      symbols.push(SymbolInformation.create(entity.id, SYMBOL_KINDS[entity.kind], idRange(document, entity.key), document.uri, SECTION_OF[entity.kind]));
    }
  }
  return symbols;
}
