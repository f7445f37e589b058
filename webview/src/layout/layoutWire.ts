/**
 * What the preview and its layout worker say to each other. A laid-out graph travels without its
 * graph: nodes and groups by their index in the graph the page sent, so that the page rebuilds it
 * around its own objects and nothing large is copied twice.
 */
import type { LaidOutGraph, LayoutEngine, PlacedEdge } from '../../../diagram/geometry';
import type { Graph } from '../../../protocol/graph';

/** Page to worker: lay out `graph`; `version` comes back with the answer. */
export interface LayoutJob {
  version: number;
  graph: Graph;
}

interface WireBox {
  /** Index in `graph.nodes` or `graph.groups`. */
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  detail?: string;
}

export interface WireLayout {
  width: number;
  height: number;
  engine?: LayoutEngine;
  nodes: (WireBox & { caption: string })[];
  groups: WireBox[];
  edges: PlacedEdge[];
}

/** Worker to page. */
export type LayoutAnswer = { version: number; layout: WireLayout } | { version: number; error: string };

/**
 * What the layout reads of a graph, and nothing else: texts and kinds of nodes, groups, the ends of
 * edges. Flows (with their reasons), diagnostics and ranges stay on the page; copying them to the
 * worker for every edit would cost more than the layout of a large graph.
 */
export function layoutInput(graph: Graph): Graph {
  return {
    title: graph.title,
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      caption: n.caption,
      label: n.label,
      ...(n.detail !== undefined && { detail: n.detail }),
      ...(n.group !== undefined && { group: n.group }),
      ...(n.collapsed && { collapsed: { kind: n.collapsed.kind, members: [] } }),
      diagnostics: [],
    })),
    groups: graph.groups,
    edges: graph.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, route: e.route, flows: [] })),
    flows: [],
    counts: graph.counts,
  };
}

export function toWire(laid: LaidOutGraph): WireLayout {
  const nodeIndex = new Map(laid.graph.nodes.map((n, i) => [n, i]));
  const groupIndex = new Map(laid.graph.groups.map((g, i) => [g, i]));
  const box = (b: { x: number; y: number; width: number; height: number; label: string; detail?: string }, index: number): WireBox => ({
    index,
    x: b.x,
    y: b.y,
    width: b.width,
    height: b.height,
    label: b.label,
    ...(b.detail !== undefined && { detail: b.detail }),
  });
  return {
    width: laid.width,
    height: laid.height,
    ...(laid.engine && { engine: laid.engine }),
    nodes: laid.nodes.map((n) => ({ ...box(n, nodeIndex.get(n.node)!), caption: n.caption })),
    groups: laid.groups.map((g) => box(g, groupIndex.get(g.group)!)),
    edges: laid.edges,
  };
}

/** The laid-out graph around `graph`, the graph the layout was made for. */
export function fromWire(wire: WireLayout, graph: Graph): LaidOutGraph {
  return {
    graph,
    width: wire.width,
    height: wire.height,
    ...(wire.engine && { engine: wire.engine }),
    nodes: wire.nodes.map(({ index, ...placed }) => ({ ...placed, node: graph.nodes[index] })),
    groups: wire.groups.map(({ index, ...placed }) => ({ ...placed, group: graph.groups[index] })),
    edges: wire.edges,
  };
}
