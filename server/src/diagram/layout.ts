/**
 * Lays the graph out with ELK (layered, left to right, groups as compound nodes, orthogonal edges).
 * Pure and deterministic: the webview and `ppnet graph` get the same coordinates for the same graph.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Graph, GraphGroup, GraphNode, GroupKind, NodeKind } from '../service';
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
const NODE_MAX_WIDTH = 280;
/** Room for the diagnostic badge at the top right. */
const BADGE_ROOM = 18;
export const GROUP_HEADER = 40;

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

export interface LaidOutGraph {
  graph: Graph;
  width: number;
  height: number;
  nodes: PlacedNode[];
  groups: PlacedGroup[];
  edges: PlacedEdge[];
}

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.spacing.nodeNode': '22',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeEdge': '8',
  'elk.spacing.componentComponent': '40',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.partitioning.activate': 'true',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
};

const GROUP_OPTIONS: Record<string, string> = {
  'elk.padding': `[top=${GROUP_HEADER + 8},left=16,bottom=16,right=16]`,
  'elk.spacing.nodeNode': '18',
};

function lineHeight(font: Font): number {
  return Math.round(font.size * 1.35);
}

/** A node's lines cut to fit, and the box they need. */
function measureNode(node: GraphNode): Omit<PlacedNode, 'x' | 'y'> {
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

function measureGroup(group: GraphGroup): { label: string; detail?: string; minWidth: number } {
  const label = fitText(group.label, FONTS.groupLabel, 420);
  const detail = group.detail !== undefined ? fitText(group.detail, FONTS.groupDetail, 420) : undefined;
  const minWidth = Math.ceil(Math.max(textWidth(label, FONTS.groupLabel), detail ? textWidth(detail, FONTS.groupDetail) : 0) + 32);
  return { label, ...(detail !== undefined && { detail }), minWidth };
}

/**
 * Columns from left to right: your network, the way out of it (ExpressRoute edge, internet), the
 * relays in Azure, the environments, their connectors, and what lies beyond them.
 */
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
};

/** A collapsed group (the overview) goes where the group would. */
const GROUP_COLUMN: Record<GroupKind, number> = { site: 0, edge: 1, internet: 1, cloud: 2, region: 3, azure: 5 };
const columnOf = (node: GraphNode) => (node.kind === 'group' ? GROUP_COLUMN[node.collapsed?.kind ?? 'site'] : COLUMN[node.kind]);

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutGraph(graph: Graph): Promise<LaidOutGraph> {
  const measured = new Map(graph.nodes.map((n) => [n.id, measureNode(n)]));
  const groupText = new Map(graph.groups.map((g) => [g.id, measureGroup(g)]));
  const elkNode = (node: GraphNode): ElkNode => ({
    id: node.id,
    width: measured.get(node.id)!.width,
    height: measured.get(node.id)!.height,
    layoutOptions: { 'elk.partitioning.partition': String(columnOf(node)) },
  });
  const children: ElkNode[] = [
    ...graph.groups.map((group) => ({
      id: group.id,
      layoutOptions: {
        ...GROUP_OPTIONS,
        // A group takes the column of its leftmost node (ELK partitions compound nodes as wholes).
        'elk.partitioning.partition': String(Math.min(...graph.nodes.filter((n) => n.group === group.id).map(columnOf))),
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${groupText.get(group.id)!.minWidth}, 80)`,
      },
      children: graph.nodes.filter((n) => n.group === group.id).map(elkNode),
    })),
    ...graph.nodes.filter((n) => n.group === undefined || !groupText.has(n.group)).map(elkNode),
  ];
  const edges: ElkExtendedEdge[] = graph.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] }));
  elk ??= new ELK();
  const root: ElkNode = { id: 'root', layoutOptions: ROOT_OPTIONS, children, edges };
  const result: ElkNode = await elk.layout(root);

  const offsets = new Map<string, Point>([['root', { x: 0, y: 0 }]]);
  const nodes: PlacedNode[] = [];
  const groups: PlacedGroup[] = [];
  for (const child of result.children ?? []) {
    const x = child.x ?? 0;
    const y = child.y ?? 0;
    offsets.set(child.id, { x, y });
    const text = groupText.get(child.id);
    if (text) {
      const group = graph.groups.find((g) => g.id === child.id)!;
      groups.push({ group, label: text.label, ...(text.detail !== undefined && { detail: text.detail }), x, y, width: child.width ?? 0, height: child.height ?? 0 });
      for (const inner of child.children ?? []) {
        nodes.push({ ...measured.get(inner.id)!, x: x + (inner.x ?? 0), y: y + (inner.y ?? 0) });
      }
    } else {
      nodes.push({ ...measured.get(child.id)!, x, y });
    }
  }
  const placedEdges: PlacedEdge[] = (result.edges ?? []).map((edge) => {
    const offset = offsets.get((edge as { container?: string }).container ?? 'root') ?? { x: 0, y: 0 };
    const points = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    return { id: edge.id, points: points.map((p) => ({ x: p.x + offset.x, y: p.y + offset.y })) };
  });
  const order = new Map(graph.edges.map((e, i) => [e.id, i]));
  placedEdges.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { graph, width: Math.ceil(result.width ?? 0), height: Math.ceil(result.height ?? 0), nodes, groups, edges: placedEdges };
}
