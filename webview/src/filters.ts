/**
 * The preview's filters and lookups over the file's graph, pure functions:
 *
 * - `filterGraph`: only the flows of some route classes, of one environment, of one site (the first
 *   step of what is drawn: shownGraph.ts; the focus is diagram/views.ts's, the overview diagram/overview.ts's);
 * - `searchNodes`, `flowsOf`, `targetIds`: what the search box, the highlight and the matrix find.
 *
 * No DOM: the tests run these in Node.
 */
import type { Graph, GraphEdge, GraphFlow, GraphNode, RouteKind } from '../../protocol/graph';

export interface GraphFilter {
  /** Route classes whose flows are hidden. */
  hiddenRoutes: ReadonlySet<RouteKind>;
  /** An environment node id: only the flows that serve it. */
  environment?: string;
  /** A site group id: only the flows that start or end at the site. */
  site?: string;
}

export const NO_FILTER: GraphFilter = { hiddenRoutes: new Set() };

export function filterActive(filter: GraphFilter): boolean {
  return filter.hiddenRoutes.size > 0 || filter.environment !== undefined || filter.site !== undefined;
}

/** Lookups the filters share, made once per graph. */
export interface Index {
  groupOf: Map<string, string | undefined>;
  edges: Map<string, GraphEdge>;
}

export function indexOf(graph: Graph): Index {
  return { groupOf: new Map(graph.nodes.map((n) => [n.id, n.group])), edges: new Map(graph.edges.map((e) => [e.id, e])) };
}

/** Whether a flow serves an environment: it names it, starts or ends there, or serves its whole region (Azure services). */
export function flowServes(flow: GraphFlow, environment: string, index: Index): boolean {
  if (flow.environment === environment || flow.from === environment || flow.to === environment) return true;
  const region = index.groupOf.get(environment);
  return flow.kind === 'azure-service' && region !== undefined && flow.from === region;
}

/** Whether a flow starts or ends in a group, or passes one of its nodes (a site's gateways and machines). */
export function flowTouchesGroup(flow: GraphFlow, group: string, index: Index): boolean {
  const inGroup = (id: string | undefined) => id !== undefined && (id === group || index.groupOf.get(id) === group);
  if (inGroup(flow.from) || inGroup(flow.to) || inGroup(flow.subject)) return true;
  return flow.edges.some((id) => {
    const edge = index.edges.get(id);
    return edge !== undefined && (inGroup(edge.from) || inGroup(edge.to));
  });
}

/**
 * The graph with only the flows the filter lets through, the edges they take (each with only those
 * flows) and, for an environment or a site, only the nodes those reach (a group that is an edge's end
 * keeps its first node, so that it is drawn). A filter by route class alone keeps every node. The graph
 * itself when nothing is filtered.
 */
export function filterGraph(graph: Graph, filter: GraphFilter): Graph {
  if (!filterActive(filter)) return graph;
  const index = indexOf(graph);
  const flows = graph.flows.filter(
    (f) =>
      !filter.hiddenRoutes.has(f.route) &&
      (filter.environment === undefined || flowServes(f, filter.environment, index)) &&
      (filter.site === undefined || flowTouchesGroup(f, filter.site, index)),
  );
  const flowIds = new Set(flows.map((f) => f.id));
  const edgeIds = new Set(flows.flatMap((f) => f.edges));
  // A circuit drawn at its site (no flows) stays while both of its ends do.
  const edges = graph.edges
    .filter((e) => edgeIds.has(e.id) || e.flows.length === 0)
    .map((e) => (e.flows.every((f) => flowIds.has(f)) ? e : { ...e, flows: e.flows.filter((f) => flowIds.has(f)) }));
  let nodes = graph.nodes;
  if (filter.environment !== undefined || filter.site !== undefined) {
    const keep = new Set<string>();
    if (filter.environment !== undefined) keep.add(filter.environment);
    if (filter.site !== undefined) for (const node of graph.nodes) if (node.group === filter.site) keep.add(node.id);
    const firstOfGroup = new Map<string, string>();
    for (const node of graph.nodes) if (node.group !== undefined && !firstOfGroup.has(node.group)) firstOfGroup.set(node.group, node.id);
    for (const edge of edges) {
      if (edge.flows.length === 0) continue;
      for (const end of [edge.from, edge.to]) keep.add(firstOfGroup.has(end) && !index.groupOf.has(end) ? firstOfGroup.get(end)! : end);
    }
    nodes = graph.nodes.filter((n) => keep.has(n.id));
  }
  const groups = new Set(nodes.map((n) => n.group));
  const drawn = new Set<string | undefined>([...nodes.map((n) => n.id), ...groups]);
  return {
    ...graph,
    nodes,
    groups: graph.groups.filter((g) => groups.has(g.id)),
    edges: edges.filter((e) => drawn.has(e.from) && drawn.has(e.to)),
    flows,
  };
}

/** The ids a target stands for: a group and its nodes, or the node itself. */
export function targetIds(graph: Graph, target: string): Set<string> {
  const ids = new Set([target]);
  for (const node of graph.nodes) if (node.group === target) ids.add(node.id);
  return ids;
}

/** The flows of an entity or group: those it is the subject of, starts or ends, or passes (as `focusGraph` keeps them). */
export function flowsOf(graph: Graph, target: string): GraphFlow[] {
  const ids = targetIds(graph, target);
  const edges = new Set(graph.edges.filter((e) => ids.has(e.from) || ids.has(e.to)).map((e) => e.id));
  return graph.flows.filter((f) => ids.has(f.subject) || ids.has(f.from) || ids.has(f.to) || f.edges.some((e) => edges.has(e)));
}

// ---- Search ----

/** Nodes whose label, id or caption holds the query (any case), in the graph's order; a site's users also by the site's name. */
export function searchNodes(graph: Graph, query: string): GraphNode[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const groupLabels = new Map(graph.groups.map((g) => [g.id, g.label.toLowerCase()]));
  return graph.nodes.filter(
    (n) =>
      n.label.toLowerCase().includes(needle) ||
      n.id.toLowerCase().includes(needle) ||
      n.caption.toLowerCase().includes(needle) ||
      (n.kind === 'site' && n.group !== undefined && (groupLabels.get(n.group) ?? '').includes(needle)),
  );
}
