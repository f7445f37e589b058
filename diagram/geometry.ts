/**
 * What both layout engines share: the laid-out graph's types, node and group boxes measured from their
 * text, and the columns the kinds of nodes go in (left to right: your network, the way out of it, the
 * relays, the environments, their connectors, what lies beyond).
 */
import type { Graph, GraphGroup, GraphNode, GroupKind, NodeKind } from '../protocol/graph';
import { fitText, Font, textWidth } from './measure';

export const FONTS = {
  caption: { size: 10.5 } as Font,
  label: { size: 13, bold: true } as Font,
  detail: { size: 11 } as Font,
  groupLabel: { size: 13, bold: true } as Font,
  groupDetail: { size: 10.5 } as Font,
};

export const NODE_PADDING_X = 14;
const NODE_MIN_WIDTH = 150;
export const NODE_MAX_WIDTH = 280;
/** Room for the diagnostic badge at the top right. */
const BADGE_ROOM = 18;
export const GROUP_HEADER = 40;
/** The widest a group's label and detail may make it. */
export const GROUP_TEXT_MAX = 420;

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A node's text as drawn (cut to fit) and its box. */
export interface PlacedNode extends Box {
  node: GraphNode;
  caption: string;
  label: string;
  detail?: string;
}

export interface PlacedGroup extends Box {
  group: GraphGroup;
  label: string;
  detail?: string;
}

export interface PlacedEdge {
  id: string;
  points: Point[];
}

/** Which engine laid the graph out: ELK for small graphs, the grid for large ones (see layout.ts). */
export type LayoutEngine = 'elk' | 'grid';

export interface LaidOutGraph {
  graph: Graph;
  width: number;
  height: number;
  nodes: PlacedNode[];
  groups: PlacedGroup[];
  edges: PlacedEdge[];
  engine?: LayoutEngine;
}

export function lineHeight(font: Font): number {
  return Math.round(font.size * 1.35);
}

/** A node's lines cut to fit, and the box they need. */
export function measureNode(node: GraphNode): Omit<PlacedNode, 'x' | 'y'> {
  const textRoom = NODE_MAX_WIDTH - 2 * NODE_PADDING_X - BADGE_ROOM;
  const caption = fitText(node.caption.toUpperCase(), FONTS.caption, textRoom);
  const label = fitText(node.label, FONTS.label, textRoom);
  const detail = node.detail !== undefined ? fitText(node.detail, FONTS.detail, textRoom) : undefined;
  const widest = Math.max(
    textWidth(caption, FONTS.caption),
    textWidth(label, FONTS.label),
    detail !== undefined ? textWidth(detail, FONTS.detail) : 0,
  );
  const width = Math.min(NODE_MAX_WIDTH, Math.max(NODE_MIN_WIDTH, Math.ceil(widest + 2 * NODE_PADDING_X + BADGE_ROOM)));
  const height = 18 + lineHeight(FONTS.caption) + lineHeight(FONTS.label) + (detail !== undefined ? lineHeight(FONTS.detail) : 0);
  return { node, caption, label, ...(detail !== undefined && { detail }), width, height };
}

/** A group's header cut to `maxWidth`, and the width the header needs. */
export function measureGroup(group: GraphGroup, maxWidth = GROUP_TEXT_MAX): { label: string; detail?: string; minWidth: number } {
  const label = fitText(group.label, FONTS.groupLabel, maxWidth);
  const detail = group.detail !== undefined ? fitText(group.detail, FONTS.groupDetail, maxWidth) : undefined;
  const minWidth = Math.ceil(Math.max(textWidth(label, FONTS.groupLabel), detail ? textWidth(detail, FONTS.groupDetail) : 0) + 32);
  return { label, ...(detail !== undefined && { detail }), minWidth };
}

const COLUMN: Record<Exclude<NodeKind, 'group'>, number> = {
  site: 0,
  gateway: 0,
  desktopFlow: 0,
  circuit: 1,
  internet: 1,
  cdn: 1,
  service: 1,
  'service-bus': 2,
  relay: 2,
  environment: 3,
  datacenters: 3,
  connector: 4,
  azureService: 5,
  enterprisePolicy: 5,
};

/** The column of a group: that of its leftmost kind of node. */
export const GROUP_COLUMN: Record<GroupKind, number> = { site: 0, edge: 1, internet: 1, cloud: 2, region: 3, azure: 5 };

/** The column a node goes in; a collapsed group goes where the group would. */
export function columnOf(node: GraphNode): number {
  return node.kind === 'group' ? GROUP_COLUMN[node.collapsed?.kind ?? 'site'] : COLUMN[node.kind];
}

/** Each group's nodes in graph order, in one pass. */
export function nodesByGroup(graph: Graph): Map<string, GraphNode[]> {
  const byGroup = new Map<string, GraphNode[]>(graph.groups.map((g) => [g.id, []]));
  for (const node of graph.nodes) if (node.group !== undefined) byGroup.get(node.group)?.push(node);
  return byGroup;
}

/** A group's column: its leftmost node's, or its kind's when it has none. */
export function groupColumn(group: GraphGroup, members: readonly GraphNode[]): number {
  return members.length ? Math.min(...members.map(columnOf)) : GROUP_COLUMN[group.kind];
}

/**
 * The largest graph, in nodes plus edges, that ELK lays out: every example and topologies of up to
 * about five sites with their environments and connectors. ELK takes about 0.1 to 1 s at this size and
 * seconds from about 150 (bench/RESULTS.md); the grid takes milliseconds at any size.
 */
export const ELK_LIMIT = 120;

export interface LayoutOptions {
  /** `auto` (the default): ELK up to `ELK_LIMIT`, the grid above and for every overview. */
  engine?: LayoutEngine | 'auto';
}

/**
 * The engine `layoutGraph` uses for `graph` (here, so that the webview can tell without loading ELK).
 * An overview (collapsed groups) takes the grid at any size: ELK took 0.3 to 1.2 s on the 16 nodes of a
 * 300-unit file's overview in a fresh preview, the grid milliseconds, so that a large file opens and
 * its groups expand and collapse at once, and expanding a group (often past `ELK_LIMIT`) does not
 * switch engines and move everything.
 */
export function layoutEngineFor(graph: Graph, engine: LayoutOptions['engine'] = 'auto'): LayoutEngine {
  if (engine !== 'auto') return engine;
  if (graph.nodes.some((n) => n.collapsed !== undefined)) return 'grid';
  return graph.nodes.length + graph.edges.length <= ELK_LIMIT ? 'elk' : 'grid';
}
