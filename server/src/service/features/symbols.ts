/**
 * The outline (document symbols: one group per section, its entities inside, with their region or
 * site as detail) and folding ranges (every block that spans lines, and runs of comment lines).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, FoldingRange, FoldingRangeKind, Range, SymbolKind } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, Node, Scalar } from 'yaml';
import { Entity, EntityKind, entitiesOf, KIND_OF_SECTION, Topology } from '../model/model';
import { offsetRange } from '../text/ranges';

export const SYMBOL_KINDS: Record<EntityKind, SymbolKind> = {
  environment: SymbolKind.Module,
  site: SymbolKind.Namespace,
  circuit: SymbolKind.Interface,
  gateway: SymbolKind.Class,
  connector: SymbolKind.Function,
  desktopFlow: SymbolKind.Event,
  azureService: SymbolKind.Object,
  enterprisePolicy: SymbolKind.Namespace,
};

/**
 * The most outline items and folding ranges computed for one file (as yaml-language-server's
 * `maxItemsComputed`), so that very large files stay quick to outline and fold.
 */
export const MAX_ITEMS_COMPUTED = 5000;

export function findDocumentSymbols(topology: Topology, document: TextDocument): DocumentSymbol[] {
  const root = topology.parsed.doc.contents;
  if (!isMap(root)) return [];
  const symbols: DocumentSymbol[] = [];
  let room = MAX_ITEMS_COMPUTED - 1; // one is kept for the note that says the outline stops
  let omitted = 0;
  let firstOmitted: Scalar | undefined;
  for (const pair of root.items) {
    const kind = isScalar(pair.key) ? KIND_OF_SECTION[String(pair.key.value)] : undefined;
    const section = kind && topology.sections.get(String((pair.key as Scalar).value));
    // Only the section the model reads (the first, when the key is repeated).
    if (!kind || !section || section.key !== pair.key) continue;
    const entities = entitiesOf(topology, kind);
    if (room === 0) {
      omitted += 1 + entities.size;
      firstOmitted ??= section.key;
      continue;
    }
    room--;
    const children: DocumentSymbol[] = [];
    for (const entry of isMap(pair.value) ? pair.value.items : []) {
      const entity = isScalar(entry.key) ? (entities.get(String(entry.key.value)) as Entity | undefined) : undefined;
      if (!entity || entity.key !== entry.key) continue;
      if (room > 0) {
        children.push(entitySymbol(document, entity, entry.value as Node | null));
        room--;
      } else {
        omitted++;
        firstOmitted ??= entity.key;
      }
    }
    symbols.push(DocumentSymbol.create(section.key.value as string, undefined, SymbolKind.Package, span(document, section.key, pair.value as Node | null), range(document, section.key), children));
  }
  if (firstOmitted) symbols.push(limitNote(document, firstOmitted, omitted));
  return symbols;
}

/** Where the outline stops: from the first item left out to the end of the file. */
function limitNote(document: TextDocument, firstOmitted: Scalar, omitted: number): DocumentSymbol {
  const end = document.positionAt(document.getText().length);
  return DocumentSymbol.create(
    `Outline limited to ${MAX_ITEMS_COMPUTED} items: ${omitted} more not shown`,
    'the file is too large to outline in full',
    SymbolKind.Null,
    { start: document.positionAt(firstOmitted.range![0]), end },
    range(document, firstOmitted),
  );
}

function entitySymbol(document: TextDocument, entity: Entity, value: Node | null): DocumentSymbol {
  const where =
    'region' in entity && entity.region ? entity.region.text
    : 'site' in entity && entity.site ? entity.site.text
    : 'type' in entity ? entity.type?.text
    : undefined;
  const detail = [entity.name?.text, where].filter(Boolean).join(' · ');
  return DocumentSymbol.create(entity.id, detail || undefined, SYMBOL_KINDS[entity.kind], span(document, entity.key, value), range(document, entity.key));
}

function range(document: TextDocument, node: Node): Range {
  return offsetRange(document, node.range![0], node.range![1]);
}

/** From a key to the last character of its value. */
function span(document: TextDocument, key: Node, value: Node | null): Range {
  const end = value?.range ? Math.max(key.range![1], contentEnd(document.getText(), value.range[1])) : key.range![1];
  return offsetRange(document, key.range![0], end);
}

/** The offset after the last non-blank character before `end` (a block's range runs on to the next line). */
function contentEnd(text: string, end: number): number {
  let offset = end;
  while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  return offset;
}

/** Folding ranges, outer blocks first: beyond `MAX_ITEMS_COMPUTED`, the innermost are left out. */
export function getFoldingRanges(topology: Topology, document: TextDocument): FoldingRange[] {
  const text = document.getText();
  const folds: FoldingRange[] = [];
  const lineOf = (offset: number) => document.positionAt(offset).line;
  // Breadth first, so that the outer blocks are kept when the limit cuts the rest.
  const queue: { node: unknown; startLine?: number; depth: number }[] = [{ node: topology.parsed.doc.contents, depth: 0 }];
  for (let i = 0; i < queue.length && folds.length < MAX_ITEMS_COMPUTED; i++) {
    const { node, startLine, depth } = queue[i];
    if (depth > 200 || !(isMap(node) || isSeq(node)) || !node.range) continue;
    const first = startLine ?? lineOf(node.range[0]);
    const last = lineOf(contentEnd(text, node.range[1]));
    if (depth > 0 && last > first) folds.push(FoldingRange.create(first, last)); // not the whole file
    if (isMap(node)) {
      for (const pair of node.items) queue.push({ node: pair.value, startLine: isScalar(pair.key) && pair.key.range ? lineOf(pair.key.range[0]) : undefined, depth: depth + 1 });
    } else {
      for (const item of node.items) queue.push({ node: item, depth: depth + 1 });
    }
  }
  folds.push(...commentFolds(topology).slice(0, MAX_ITEMS_COMPUTED - folds.length));
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Runs of two or more whole-line comments. */
function commentFolds(topology: Topology): FoldingRange[] {
  const folds: FoldingRange[] = [];
  let start: number | undefined;
  let previous = -2;
  const close = () => {
    if (start !== undefined && previous > start) folds.push(FoldingRange.create(start, previous, undefined, undefined, FoldingRangeKind.Comment));
  };
  for (const comment of topology.parsed.comments) {
    if (comment.line !== previous + 1) {
      close();
      start = comment.line;
    }
    previous = comment.line;
  }
  close();
  return folds;
}
