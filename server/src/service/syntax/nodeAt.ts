/**
 * The scalar under an offset in the YAML AST, with its key path from the root: what hover, navigation
 * and fixes ask first. Aliases are not followed: the node is the one written at the offset.
 */
import { Document, isMap, isScalar, isSeq, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export type PathSegment = string | number;

export interface NodeAt {
  node: Scalar;
  /** True when the scalar is a map key (`region` in `region: europe`). */
  isKey: boolean;
  /** Keys and list indexes from the root; for a key, it ends with the key's own name. */
  path: PathSegment[];
  /** The map or list that holds the scalar. */
  parent?: YAMLMap | YAMLSeq;
}

/** The innermost scalar whose range holds `offset` (its end included, so that a cursor after a word finds it). */
export function nodeAt(doc: Document, offset: number): NodeAt | undefined {
  const within = (node: unknown): node is Node =>
    !!node && !!(node as Node).range && (node as Node).range![0] <= offset && offset <= (node as Node).range![1];
  const visit = (node: unknown, path: PathSegment[], parent: YAMLMap | YAMLSeq | undefined, depth: number): NodeAt | undefined => {
    if (depth > 200) return undefined;
    if (isScalar(node)) return within(node) ? { node, isKey: false, path, parent } : undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : '';
        if (isScalar(pair.key) && within(pair.key)) return { node: pair.key, isKey: true, path: [...path, name], parent: node };
        const found = visit(pair.value, [...path, name], node, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (isSeq(node)) {
      for (let index = 0; index < node.items.length; index++) {
        const found = visit(node.items[index], [...path, index], node, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(doc.contents, [], undefined, 0);
}

/** The key names a map writes itself (merge keys and non-scalar keys left out). */
export function ownKeys(map: YAMLMap): string[] {
  return map.items.filter((pair) => isScalar(pair.key) && pair.key.value !== '<<').map((pair) => String((pair.key as Scalar).value));
}
