/**
 * What the preview draws of a large graph: pure functions from the file's graph to the graph to lay out.
 *
 * - `filterGraph`: only the flows of some route classes, of one environment, of one site.
 * - `overviewOf`: the overview, on server/src/diagram/overview.ts's `collapseGraph` (each collapsed
 *   group one node, its edges bundled per route class and counted), with one more step for very many
 *   groups of a kind: 300 sites are one cluster node until it is opened.
 * - `searchNodes`, `flowsOf`: what the search box and the highlight find.
 *
 * Each returns a `Graph`, so the usual layout and SVG draw it. No DOM: the tests run these in Node.
 */
import { collapseGraph } from '../../../server/src/diagram/overview';
import type { Graph, GraphEdge, GraphFlow, GraphGroup, GraphNode, GroupKind } from '../../../server/src/service';
import type { RouteKind } from '../../../server/src/service';

/** Above this many nodes the preview opens on the overview (the examples have 26 and 18; ten generated units over 80). */
export const OVERVIEW_THRESHOLD = 60;

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

// ---- The overview ----

/** More collapsed groups of one kind than this are one cluster node at first (twenty sites stay twenty nodes). */
export const CLUSTER_LIMIT = 24;

export const clusterId = (kind: GroupKind) => `cluster:${kind}`;

/** A cluster's caption: what its groups are. */
const CLUSTER_CAPTIONS: Record<GroupKind, string> = {
  site: 'On-premises sites',
  region: 'Power Platform regions',
  edge: 'Microsoft edges',
  internet: 'Public internet',
  cloud: 'Microsoft clouds',
  azure: 'Azure',
};

const CLUSTER_WORDS: Record<GroupKind, [string, string]> = {
  site: ['site', 'sites'],
  region: ['Power Platform region', 'Power Platform regions'],
  edge: ['Microsoft edge', 'Microsoft edges'],
  internet: ['internet group', 'internet groups'],
  cloud: ['Microsoft cloud', 'Microsoft clouds'],
  azure: ['Azure group', 'Azure groups'],
};

export interface Overview {
  graph: Graph;
  /** The node each node (and group) of the source graph is drawn as: itself, its collapsed group, or its cluster. */
  shownAs: Map<string, string>;
  /** The collapsed groups drawn as nodes. */
  collapsed: Set<string>;
  /** The clusters drawn, each with its groups. */
  clusters: Map<string, string[]>;
}

/**
 * The overview: every group not in `expanded` drawn as one node, and, where a kind has more than
 * `CLUSTER_LIMIT` such groups and its cluster (`cluster:site`) is not in `expanded`, those groups as
 * one cluster node. `open` groups stay expanded whatever `expanded` says (the focused entity's).
 */
export function overviewOf(graph: Graph, expanded: ReadonlySet<string>, open: ReadonlySet<string> = new Set()): Overview {
  const isExpanded = (id: string) => expanded.has(id) || open.has(id);
  const folded = graph.groups.filter((g) => !isExpanded(g.id));
  const byKind = new Map<GroupKind, GraphGroup[]>();
  for (const group of folded) {
    const list = byKind.get(group.kind);
    if (list) list.push(group);
    else byKind.set(group.kind, [group]);
  }
  const clusterOf = new Map<string, string>();
  const clusters = new Map<string, string[]>();
  const clusterGroups: GraphGroup[] = [];
  for (const [kind, groups] of byKind) {
    if (groups.length <= CLUSTER_LIMIT || expanded.has(clusterId(kind))) continue;
    const id = clusterId(kind);
    clusters.set(id, groups.map((g) => g.id));
    for (const group of groups) clusterOf.set(group.id, id);
    const words = CLUSTER_WORDS[kind];
    clusterGroups.push({ id, kind, label: `${groups.length} ${words[groups.length === 1 ? 0 : 1]}` });
  }

  // A cluster is a group of the clustered groups' nodes; `collapseGraph` then draws it as one node.
  let source = graph;
  if (clusters.size) {
    const regroup = (id: string) => clusterOf.get(id) ?? id;
    const firstClustered = graph.groups.findIndex((g) => clusterOf.has(g.id));
    const groups = graph.groups.filter((g) => !clusterOf.has(g.id));
    groups.splice(Math.min(firstClustered, groups.length), 0, ...clusterGroups);
    source = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.group !== undefined && clusterOf.has(n.group) ? { ...n, group: clusterOf.get(n.group)! } : n)),
      groups,
      // Edges from a clustered group (the region Azure-service flows start at) start at the cluster.
      edges: graph.edges.map((e) => (clusterOf.has(e.from) || clusterOf.has(e.to) ? { ...e, from: regroup(e.from), to: regroup(e.to) } : e)),
    };
  }
  const expandedInSource = new Set(source.groups.filter((g) => !clusters.has(g.id) && isExpanded(g.id)).map((g) => g.id));
  const collapsedGraph = collapseGraph(source, expandedInSource);

  const shownAs = new Map<string, string>();
  const collapsed = new Set<string>();
  const kindOf = new Map(clusterGroups.map((g) => [g.id, g.kind]));
  collapsedGraph.nodes = collapsedGraph.nodes.map((n) => (kindOf.has(n.id) ? { ...n, caption: CLUSTER_CAPTIONS[kindOf.get(n.id)!] } : n));
  for (const node of collapsedGraph.nodes) {
    shownAs.set(node.id, node.id);
    if (!node.collapsed) continue;
    if (!clusters.has(node.id)) collapsed.add(node.id);
    for (const member of node.collapsed.members) shownAs.set(member, node.id);
  }
  for (const [group, cluster] of clusterOf) shownAs.set(group, cluster);
  return { graph: collapsedGraph, shownAs, collapsed, clusters };
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
