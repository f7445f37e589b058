/**
 * Views of a graph for large topologies, as pure functions from a Graph to a smaller Graph that the
 * layout, the SVG, Mermaid and JSON take as they are (the preview's overview and `ppnet graph
 * --collapse` / `--focus` share them):
 *
 * - `collapseGraph`: every group not expanded (an on-premises site, a Power Platform region, the
 *   Microsoft edge, the public internet, the Microsoft cloud, Azure) drawn as one node of kind `group`
 *   whose id is the group's, and the edges between drawn things bundled per (from, to, route class)
 *   with the number of edges each bundle stands for.
 * - `focusGraph`: only the flows of one node (or of the nodes of one group), the edges they take and
 *   the nodes and groups those reach.
 * - `findNode`: a node or group id from what a user typed (`site:hq`, `group:site:hq` or a bare `hq`).
 *
 * Linear in the size of the graph; ids, order and everything not collapsed are kept, so that a view is
 * as stable across edits as the graph it comes from. No DOM, no Node: the webview uses this file too.
 */
import type { Graph, GraphEdge, GraphFlow, GraphGroup, GraphNode, NodeDiagnostic, NodeKind } from '../protocol/graph';
import { GROUP_WORDS, NODE_WORDS } from '../protocol/vocabulary';

const SEVERITY_RANK: Record<NodeDiagnostic['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** "1 gateway · 3 connectors": the members by kind, in the order they first appear. */
function membersDetail(members: GraphNode[]): string {
  const counts = new Map<NodeKind, number>();
  for (const node of members) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${NODE_WORDS[kind].counted[count === 1 ? 0 : 1]}`).join(' · ');
}

function groupNode(group: GraphGroup, members: GraphNode[]): GraphNode {
  const diagnostics = members.flatMap((m) => m.diagnostics).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const node: GraphNode = {
    id: group.id,
    kind: 'group',
    caption: GROUP_WORDS[group.kind].caption,
    label: group.label,
    diagnostics,
    collapsed: { kind: group.kind, members: members.map((m) => m.id) },
  };
  const detail = membersDetail(members);
  if (detail) node.detail = detail;
  if (diagnostics.length) node.severity = diagnostics[0].severity;
  return node;
}

/**
 * The graph with every group not in `expanded` drawn as one node (kind `group`, id the group's, its
 * members in `collapsed.members`), and edges bundled per (drawn from, drawn to, route class): an edge
 * between two drawn nodes keeps its id; a bundle gets the id `bundle:<n>`, the union of the flows of
 * its edges and `count`, how many edges it stands for. Edges inside a collapsed group are dropped.
 * Flows keep their ids, ends and subject (entity node ids, which a collapsed group hides: the group
 * node is the entity's `group`); their `edges` name the drawn edges.
 */
export function collapseGraph(graph: Graph, expanded: ReadonlySet<string> = new Set()): Graph {
  const collapsedGroups = new Map<string, GraphGroup>();
  for (const group of graph.groups) if (!expanded.has(group.id)) collapsedGroups.set(group.id, group);
  const members = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (node.group !== undefined && collapsedGroups.has(node.group)) {
      const list = members.get(node.group);
      if (list) list.push(node);
      else members.set(node.group, [node]);
    }
  }

  // Nodes in their order; a collapsed group where its first member was.
  const nodes: GraphNode[] = [];
  const drawnOf = new Map<string, string>();
  for (const node of graph.nodes) {
    const group = node.group !== undefined ? collapsedGroups.get(node.group) : undefined;
    if (!group) {
      nodes.push(node);
      continue;
    }
    drawnOf.set(node.id, group.id);
    if (members.get(group.id)![0] === node) nodes.push(groupNode(group, members.get(group.id)!));
  }
  // A group that only edges name (a region its flows start at, with no node of its own).
  for (const group of collapsedGroups.values()) if (!members.has(group.id)) nodes.push(groupNode(group, []));
  const drawn = (id: string) => drawnOf.get(id) ?? id;

  const edges: GraphEdge[] = [];
  const edgeOf = new Map<string, string | undefined>(); // original edge id -> drawn edge id (undefined: inside a group)
  const bundles = new Map<string, { edge: GraphEdge; flows: Set<string> }>();
  for (const edge of graph.edges) {
    const from = drawn(edge.from);
    const to = drawn(edge.to);
    if (from === edge.from && to === edge.to) {
      edges.push(edge);
      edgeOf.set(edge.id, edge.id);
      continue;
    }
    if (from === to) {
      edgeOf.set(edge.id, undefined);
      continue;
    }
    const key = `${from}\u0000${to}\u0000${edge.route}`;
    let bundle = bundles.get(key);
    if (!bundle) {
      bundle = { edge: { id: `bundle:${bundles.size}`, from, to, route: edge.route, flows: [], count: 0 }, flows: new Set() };
      bundles.set(key, bundle);
      edges.push(bundle.edge);
    }
    bundle.edge.count!++;
    for (const flow of edge.flows) {
      if (!bundle.flows.has(flow)) {
        bundle.flows.add(flow);
        bundle.edge.flows.push(flow);
      }
    }
    edgeOf.set(edge.id, bundle.edge.id);
  }

  const flows: GraphFlow[] = graph.flows.map((flow) => {
    const drawnEdges = [...new Set(flow.edges.map((id) => edgeOf.get(id)).filter((id): id is string => id !== undefined))];
    return { ...flow, edges: drawnEdges };
  });
  return { ...graph, nodes, groups: graph.groups.filter((g) => !collapsedGroups.has(g.id)), edges, flows };
}

/**
 * Only the flows of `id` (a node id, or a group id for all of its nodes): the flows it is the subject
 * or an end of or that pass it, the edges they take, the edges without flows that touch it (a circuit
 * at its site), and the nodes and groups those reach. Throws for an id that is neither (resolve what a
 * user typed with `findNode` first).
 */
export function focusGraph(graph: Graph, id: string): Graph {
  const isGroup = graph.groups.some((g) => g.id === id);
  if (!isGroup && !graph.nodes.some((n) => n.id === id)) throw new Error(`no node or group ${id} in the graph`);
  const focus = new Set<string>([id]);
  if (isGroup) for (const node of graph.nodes) if (node.group === id) focus.add(node.id);

  const edgesById = new Map(graph.edges.map((e) => [e.id, e]));
  const touching = new Set(graph.edges.filter((e) => focus.has(e.from) || focus.has(e.to)).map((e) => e.id));
  const flows = graph.flows.filter((f) => focus.has(f.subject) || focus.has(f.from) || focus.has(f.to) || f.edges.some((e) => touching.has(e)));
  const keptEdges = new Set<string>();
  for (const flow of flows) for (const edge of flow.edges) keptEdges.add(edge);
  for (const edgeId of touching) if (edgesById.get(edgeId)!.flows.length === 0) keptEdges.add(edgeId);
  const edges = graph.edges.filter((e) => keptEdges.has(e.id));

  const reached = new Set<string>(focus);
  for (const edge of edges) reached.add(edge.from).add(edge.to);
  for (const flow of flows) reached.add(flow.from).add(flow.to).add(flow.subject);
  const nodes = graph.nodes.filter((n) => reached.has(n.id));
  const groupIds = new Set<string>();
  for (const node of nodes) if (node.group !== undefined) groupIds.add(node.group);
  for (const other of reached) groupIds.add(other); // groups that are ends themselves (a whole region)
  const groups = graph.groups.filter((g) => groupIds.has(g.id));
  return { ...graph, nodes, groups, edges, flows };
}

export type FoundNode = { id: string } | { ambiguous: string[] } | undefined;

/**
 * The node or group id `query` names: an id as in the graph (`site:hq`, `group:region:europe`,
 * `internet`), or a bare entity id (`hq`). A bare id matches entities first, then groups, then the
 * other nodes (`europe` is the region's group before its datacenter pair); `ambiguous` when it names
 * several of the first kind that matches; `undefined` when nothing matches.
 */
export function findNode(graph: Graph, query: string): FoundNode {
  if (graph.nodes.some((n) => n.id === query) || graph.groups.some((g) => g.id === query)) return { id: query };
  const bare = (id: string) => id.slice(id.indexOf(':') + 1);
  const tiers = [
    graph.nodes.filter((n) => n.range && bare(n.id) === query).map((n) => n.id),
    graph.groups.filter((g) => bare(bare(g.id)) === query).map((g) => g.id),
    graph.nodes.filter((n) => !n.range && bare(n.id) === query).map((n) => n.id),
  ];
  const matches = tiers.find((tier) => tier.length > 0);
  if (!matches) return undefined;
  return matches.length === 1 ? { id: matches[0] } : { ambiguous: matches };
}

/** Every id `findNode` takes, for "did you mean" suggestions: node and group ids and bare entity ids. */
export function nodeNames(graph: Graph): string[] {
  const names = new Set<string>();
  for (const node of graph.nodes) {
    names.add(node.id);
    if (node.range) names.add(node.id.slice(node.id.indexOf(':') + 1));
  }
  for (const group of graph.groups) names.add(group.id);
  return [...names];
}
