/**
 * Positions that stay put across edits. After an edit that changes no structure the layout reads (the
 * same nodes of the same kinds in the same groups, the same edges between them, in the same order; ids
 * may differ: a rename changes them), the last layout is kept: every node where it was, its box as
 * it was when its new text fits in it, the edges on their routes. A rename or a changed name does not
 * reshuffle the picture, and needs no layout at all. Anything else is laid out afresh.
 */
import { measureGroup, measureNode } from '../../../diagram/geometry';
import type { Graph } from '../../../protocol/graph';
import type { WireLayout } from './layoutWire';

/** Node and group ids as positions in their lists, so that two graphs compare across renames. */
function endsOf(graph: Graph): (id: string) => string {
  const nodes = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const groups = new Map(graph.groups.map((g, i) => [g.id, `g${i}`]));
  return (id) => nodes.get(id) ?? groups.get(id) ?? `?${id}`;
}

function sameStructure(before: Graph, after: Graph): boolean {
  if (before.nodes.length !== after.nodes.length || before.groups.length !== after.groups.length || before.edges.length !== after.edges.length) return false;
  const endBefore = endsOf(before);
  const endAfter = endsOf(after);
  const groupOf = (end: (id: string) => string, group: string | undefined) => (group === undefined ? '' : end(group));
  return (
    before.groups.every((g, i) => g.kind === after.groups[i].kind) &&
    before.nodes.every((n, i) => {
      const m = after.nodes[i];
      return n.kind === m.kind && n.collapsed?.kind === m.collapsed?.kind && groupOf(endBefore, n.group) === groupOf(endAfter, m.group);
    }) &&
    before.edges.every((e, i) => endBefore(e.from) === endAfter(after.edges[i].from) && endBefore(e.to) === endAfter(after.edges[i].to))
  );
}

/**
 * The layout `previous` (made for `previousInput`) reused for `input`, or `undefined` when the structure
 * changed or a node's new text needs a larger box than it had.
 */
export function reuseLayout(previousInput: Graph, previous: WireLayout, input: Graph): WireLayout | undefined {
  if (!sameStructure(previousInput, input)) return undefined;
  const nodes: WireLayout['nodes'] = [];
  for (const placed of previous.nodes) {
    const measured = measureNode(input.nodes[placed.index]);
    if (measured.width > placed.width || measured.height !== placed.height) return undefined;
    const { detail: _, ...box } = placed;
    nodes.push({ ...box, caption: measured.caption, label: measured.label, ...(measured.detail !== undefined && { detail: measured.detail }) });
  }
  const groups = previous.groups.map((placed) => {
    // The header is cut to the box, as the grid layout cuts it.
    const text = measureGroup(input.groups[placed.index], placed.width - 32);
    const { detail: _, ...box } = placed;
    return { ...box, label: text.label, ...(text.detail !== undefined && { detail: text.detail }) };
  });
  const edgeIndex = new Map(previousInput.edges.map((e, i) => [e.id, i]));
  const edges = previous.edges.map((placed) => ({ id: input.edges[edgeIndex.get(placed.id)!].id, points: placed.points }));
  return { ...previous, nodes, groups, edges };
}
