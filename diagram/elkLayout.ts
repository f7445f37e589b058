/**
 * The layout of small graphs with ELK (layered, left to right, groups as compound nodes, orthogonal
 * edges routed across them). ELK's layered algorithm with hierarchical edges grows much faster than
 * the graph (see bench/RESULTS.md), so layout.ts gives it small graphs only.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Graph, GraphNode } from '../protocol/graph';
import { columnOf, GROUP_HEADER, groupColumn, LaidOutGraph, measureGroup, measureNode, nodesByGroup, PlacedEdge, PlacedGroup, PlacedNode, Point } from './geometry';

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

let elk: InstanceType<typeof ELK> | undefined;

export async function elkLayout(graph: Graph): Promise<LaidOutGraph> {
  const measured = new Map(graph.nodes.map((n) => [n.id, measureNode(n)]));
  const groupText = new Map(graph.groups.map((g) => [g.id, measureGroup(g)]));
  const groupsById = new Map(graph.groups.map((g) => [g.id, g]));
  const members = nodesByGroup(graph);
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
        'elk.partitioning.partition': String(groupColumn(group, members.get(group.id)!)),
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${groupText.get(group.id)!.minWidth}, 80)`,
      },
      children: members.get(group.id)!.map(elkNode),
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
      const group = groupsById.get(child.id)!;
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
  return { graph, width: Math.ceil(result.width ?? 0), height: Math.ceil(result.height ?? 0), nodes, groups, edges: placedEdges, engine: 'elk' };
}
