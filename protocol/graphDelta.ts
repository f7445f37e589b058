/**
 * A graph as the change from the previous one, for the preview: after a one-line edit of a large
 * topology only a few nodes, edges and flows differ, and sending (and parsing, twice) the whole graph of
 * several megabytes was most of a redraw. The language server diffs, the extension forwards the delta as
 * it came (it holds no graph), the webview applies it.
 *
 * Each list (nodes, groups, edges, flows) is keyed by id: `changed` holds the items that are new or
 * differ, and `order` the ids in their new order when that order (or the set of ids) changed. A list
 * whose ids are not unique travels whole (`all`). Pure data and functions: the server, the webview and
 * the extension (which only asks whether a delta is empty) share this file.
 */
import type { Graph } from './graph';

type Keyed = { id: string };

export type ListDelta<T extends Keyed> = { changed: T[]; order?: string[] } | { all: T[] };

export interface GraphDelta {
  title?: string;
  counts?: Graph['counts'];
  nodes: ListDelta<Graph['nodes'][number]>;
  groups: ListDelta<Graph['groups'][number]>;
  edges: ListDelta<Graph['edges'][number]>;
  flows: ListDelta<Graph['flows'][number]>;
}

/** Deep equality of JSON data (what a graph is made of): no strings built, so that diffing is cheaper than sending. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (left[key] === undefined) continue; // JSON drops undefined fields
    count++;
    if (!sameData(left[key], right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) count--;
  return count === 0;
}

function uniqueIds<T extends Keyed>(items: readonly T[]): Map<string, T> | undefined {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (byId.has(item.id)) return undefined;
    byId.set(item.id, item);
  }
  return byId;
}

function diffList<T extends Keyed>(before: readonly T[], after: readonly T[]): ListDelta<T> {
  const old = uniqueIds(before);
  if (!old || !uniqueIds(after)) return { all: [...after] };
  const changed = after.filter((item) => !sameData(old.get(item.id), item));
  const reordered = before.length !== after.length || after.some((item, i) => before[i].id !== item.id);
  return reordered ? { changed, order: after.map((item) => item.id) } : { changed };
}

function applyList<T extends Keyed>(base: readonly T[], delta: ListDelta<T>): T[] {
  if ('all' in delta) return delta.all;
  if (!delta.changed.length && !delta.order) return base as T[];
  const changed = new Map(delta.changed.map((item) => [item.id, item]));
  if (!delta.order) return base.map((item) => changed.get(item.id) ?? item);
  const old = new Map(base.map((item) => [item.id, item]));
  return delta.order.map((id) => {
    const item = changed.get(id) ?? old.get(id);
    if (!item) throw new Error(`the graph delta names ${id}, which neither the base nor the delta holds`);
    return item;
  });
}

export function diffGraph(before: Graph, after: Graph): GraphDelta {
  return {
    ...(before.title !== after.title && { title: after.title }),
    ...(!sameData(before.counts, after.counts) && { counts: after.counts }),
    nodes: diffList(before.nodes, after.nodes),
    groups: diffList(before.groups, after.groups),
    edges: diffList(before.edges, after.edges),
    flows: diffList(before.flows, after.flows),
  };
}

/**
 * `base` brought to the graph the delta was made for. Unchanged items (and unchanged lists) are the
 * base's own objects, so that the webview can tell what an edit touched by identity.
 */
export function applyGraphDelta(base: Graph, delta: GraphDelta): Graph {
  return {
    title: delta.title ?? base.title,
    counts: delta.counts ?? base.counts,
    nodes: applyList(base.nodes, delta.nodes),
    groups: applyList(base.groups, delta.groups),
    edges: applyList(base.edges, delta.edges),
    flows: applyList(base.flows, delta.flows),
  };
}

export function deltaIsEmpty(delta: GraphDelta): boolean {
  const emptyList = (list: ListDelta<Keyed>) => !('all' in list) && list.changed.length === 0 && !list.order;
  return delta.title === undefined && delta.counts === undefined && [delta.nodes, delta.groups, delta.edges, delta.flows].every(emptyList);
}
