/**
 * The preview's overview of a large graph (also what `ppnet graph --collapse` builds on): every group
 * collapsed into one node (`collapseGraph`), and very many groups of a kind into one cluster node (300
 * sites are one node until it is opened). The webview draws it; the language server makes the first
 * one of a large file (`openingOverview`), so that the preview shows it before the whole graph is
 * sent. No DOM, no Node.
 */
import { collapseGraph } from './views';
import type { Graph, GraphGroup, GroupKind } from '../protocol/graph';
import { GROUP_WORDS } from '../protocol/vocabulary';

/** Above this many nodes the preview opens on the overview (the examples have 26 and 18; ten generated units over 80). */
const OVERVIEW_THRESHOLD = 60;

/** Whether the preview draws `graph` as its overview rather than whole. */
export function drawnAsOverview(graph: Graph): boolean {
  return graph.nodes.length > OVERVIEW_THRESHOLD;
}

/** More collapsed groups of one kind than this are one cluster node at first (twenty sites stay twenty nodes). */
export const CLUSTER_LIMIT = 24;

export const clusterId = (kind: GroupKind) => `cluster:${kind}`;

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
    const words = GROUP_WORDS[kind].counted;
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

  const kindOf = new Map(clusterGroups.map((g) => [g.id, g.kind]));
  collapsedGraph.nodes = collapsedGraph.nodes.map((n) => (kindOf.has(n.id) ? { ...n, caption: GROUP_WORDS[kindOf.get(n.id)!].cluster } : n));
  return describeOverview(collapsedGraph, clusters);
}

/** An overview from its graph and clusters: what each node and group is drawn as, and which nodes are collapsed groups. */
function describeOverview(graph: Graph, clusters: Map<string, string[]>): Overview {
  const shownAs = new Map<string, string>();
  const collapsed = new Set<string>();
  for (const node of graph.nodes) {
    shownAs.set(node.id, node.id);
    if (!node.collapsed) continue;
    if (!clusters.has(node.id)) collapsed.add(node.id);
    for (const member of node.collapsed.members) shownAs.set(member, node.id);
  }
  for (const [cluster, groups] of clusters) for (const group of groups) shownAs.set(group, cluster);
  return { graph, shownAs, collapsed, clusters };
}

// ---- The overview a large file opens on, before its graph ----

/**
 * The overview the preview opens a large file on, as the language server sends it ahead of the graph
 * (`GRAPH_DELTA_REQUEST` with `overviewFirst`): the overview's graph without the flows (most of a large
 * graph's bytes; the graph that follows has them) and its clusters. A few kilobytes where the graph of
 * a 300-unit file is megabytes, so that the preview draws it at once.
 */
export interface OpeningOverview {
  graph: Graph;
  /** How many flows the graph has (the flows table says so until they arrive). */
  flowCount: number;
  clusters: [string, string[]][];
}

/** The overview `graph` opens on in the preview, or `undefined` when it is small enough to be drawn whole. */
export function openingOverview(graph: Graph): OpeningOverview | undefined {
  if (!drawnAsOverview(graph)) return undefined;
  const overview = overviewOf(graph, new Set());
  return { graph: { ...overview.graph, flows: [] }, flowCount: graph.flows.length, clusters: [...overview.clusters] };
}

/** The `Overview` the preview draws from an opening overview. */
export function overviewFromOpening(opening: OpeningOverview): Overview {
  return describeOverview(opening.graph, new Map(opening.clusters));
}

