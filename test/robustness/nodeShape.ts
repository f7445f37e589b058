/** What the incremental parser's tests compare of two YAML documents. */
import { isMap, isScalar, isSeq } from 'yaml';

/**
 * The shape of a YAML node tree: types, scalar values and sources, flow style and ranges (not comments);
 * with `ends`, the third offset of each range (where the node's trailing comments end), which nothing reads.
 */
export function shape(node: unknown, ends = true): unknown {
  if (node === null || node === undefined) return null;
  const range = ends ? (node as { range?: unknown }).range : (node as { range?: number[] }).range?.slice(0, 2);
  if (isScalar(node)) return ['scalar', typeof node.value === 'symbol' ? String(node.value) : node.value, node.type, (node as { source?: unknown }).source, range];
  if (isMap(node)) return ['map', !!node.flow, range, node.items.map((p) => [shape(p.key, ends), shape(p.value, ends)])];
  if (isSeq(node)) return ['seq', !!node.flow, range, node.items.map((item) => shape(item, ends))];
  return ['other', String(node)];
}
