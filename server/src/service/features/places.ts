/**
 * Findings placed by what they are on, and entities by their content (protocol/review.ts): what a diff
 * of two versions matches, and what CI fingerprints are made of. Nothing here depends on lines.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import type { EntityDigest, FindingPlace } from '../../../../protocol/review';
import { allEntities, entitiesOf, KIND_OF_SECTION, labelOf, Topology } from '../model/model';
import { entityNodeId } from './graph';

/** Deeper than any real file; a bound for hostile nesting. */
const MAX_DEPTH = 200;

const within = (node: unknown, start: number, end: number): node is Node => {
  const range = (node as Node | null)?.range;
  return !!range && range[0] <= start && end <= range[1];
};

/** The keys (and `[]` for list items) from the root down to the innermost node that holds `start..end`. */
function pathTo(root: unknown, start: number, end: number): string[] {
  const path: string[] = [];
  let node = root;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const name = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (within(pair.key, start, end)) {
          path.push(name);
          return path;
        }
        if (within(pair.value, start, end)) {
          path.push(name);
          next = pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      next = node.items.find((item) => within(item, start, end));
      if (next !== undefined) path.push('[]');
    }
    if (next === undefined) return path;
    node = next;
  }
  return path;
}

/** Where each diagnostic is, in the same order. */
export function placeFindings(topology: Topology, document: TextDocument, diagnostics: readonly Diagnostic[]): FindingPlace[] {
  const root = topology.parsed.doc.contents;
  return diagnostics.map((d) => {
    const start = document.offsetAt(d.range.start);
    const end = Math.max(start, document.offsetAt(d.range.end));
    const path = pathTo(root, start, end);
    const text = document.getText().slice(start, end);
    const kind = KIND_OF_SECTION[path[0]];
    // An entity's own key or anything inside its value: the entity holds the finding.
    if (kind !== undefined && path.length >= 2 && entitiesOf(topology, kind).has(path[1])) {
      return { entity: entityNodeId(kind, path[1]), path: path.slice(2), text };
    }
    return { path, text };
  });
}

/** Every entity with its content as plain data. */
export function digestEntities(topology: Topology): EntityDigest[] {
  const doc = topology.parsed.doc;
  return allEntities(topology).map((entity) => {
    let content: unknown = null;
    try {
      content = entity.map ? entity.map.toJS(doc, { maxAliasCount: 100 }) : null;
    } catch {
      // An alias that expands too far: compared by its text instead.
      content = { text: entity.map ? topology.parsed.text.slice(entity.map.range?.[0], entity.map.range?.[1]) : '' };
    }
    return { node: entityNodeId(entity.kind, entity.id), kind: entity.kind, id: entity.id, label: labelOf(entity), content };
  });
}
