/**
 * The outline (document symbols: one group per section, its entities inside, with their region or
 * site as detail) and folding ranges (every block that spans lines, and runs of comment lines).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, FoldingRange, FoldingRangeKind, Range, SymbolKind } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, Node, Scalar } from 'yaml';
import { Entity, EntityKind, entitiesOf, KIND_OF_SECTION, Topology } from './model';

export const SYMBOL_KINDS: Record<EntityKind, SymbolKind> = {
  environment: SymbolKind.Module,
  site: SymbolKind.Namespace,
  circuit: SymbolKind.Interface,
  gateway: SymbolKind.Class,
  connector: SymbolKind.Function,
  desktopFlow: SymbolKind.Event,
  azureService: SymbolKind.Object,
};

export function findDocumentSymbols(topology: Topology, document: TextDocument): DocumentSymbol[] {
  const root = topology.parsed.doc.contents;
  if (!isMap(root)) return [];
  const symbols: DocumentSymbol[] = [];
  for (const pair of root.items) {
    const kind = isScalar(pair.key) ? KIND_OF_SECTION[String(pair.key.value)] : undefined;
    const section = kind && topology.sections.get(String((pair.key as Scalar).value));
    // Only the section the model reads (the first, when the key is repeated).
    if (!kind || !section || section.key !== pair.key) continue;
    const entities = entitiesOf(topology, kind);
    const children: DocumentSymbol[] = [];
    for (const entry of isMap(pair.value) ? pair.value.items : []) {
      const entity = isScalar(entry.key) ? (entities.get(String(entry.key.value)) as Entity | undefined) : undefined;
      if (entity && entity.key === entry.key) children.push(entitySymbol(document, entity, entry.value as Node | null));
    }
    symbols.push(DocumentSymbol.create(section.key.value as string, undefined, SymbolKind.Package, span(document, section.key, pair.value as Node | null), range(document, section.key), children));
  }
  return symbols;
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
  return { start: document.positionAt(node.range![0]), end: document.positionAt(node.range![1]) };
}

/** From a key to the last character of its value. */
function span(document: TextDocument, key: Node, value: Node | null): Range {
  const end = value?.range ? Math.max(key.range![1], contentEnd(document.getText(), value.range[1])) : key.range![1];
  return { start: document.positionAt(key.range![0]), end: document.positionAt(end) };
}

/** The offset after the last non-blank character before `end` (a block's range runs on to the next line). */
function contentEnd(text: string, end: number): number {
  let offset = end;
  while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  return offset;
}

export function getFoldingRanges(topology: Topology, document: TextDocument): FoldingRange[] {
  const text = document.getText();
  const folds: FoldingRange[] = [];
  const lineOf = (offset: number) => document.positionAt(offset).line;
  const visit = (node: unknown, startLine: number | undefined, depth: number): void => {
    if (depth > 200 || !(isMap(node) || isSeq(node)) || !node.range) return;
    const first = startLine ?? lineOf(node.range[0]);
    const last = lineOf(contentEnd(text, node.range[1]));
    if (depth > 0 && last > first) folds.push(FoldingRange.create(first, last)); // not the whole file
    if (isMap(node)) {
      for (const pair of node.items) visit(pair.value, isScalar(pair.key) && pair.key.range ? lineOf(pair.key.range[0]) : undefined, depth + 1);
    } else {
      for (const item of node.items) visit(item, undefined, depth + 1);
    }
  };
  visit(topology.parsed.doc.contents, undefined, 0);
  folds.push(...commentFolds(topology));
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
