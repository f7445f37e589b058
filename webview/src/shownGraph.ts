/**
 * What the page shows of the file's graph, derived from the state and nothing else: the filters, then
 * the focus, then (when still large) the overview; and the lookups the highlight and the focus bar make
 * on it. Pure functions, no DOM: the tests run them in Node.
 */
import { drawnAsOverview, Overview, overviewOf } from '../../diagram/overview';
import { focusGraph } from '../../diagram/views';
import type { Graph, GraphFlow, GraphNode } from '../../protocol/graph';
import { filterGraph, flowsOf, GraphFilter, targetIds } from './filters';

/** What the derived view reads of the state. */
export interface ViewChoices {
  filter: GraphFilter;
  focus: string | undefined;
  expanded: ReadonlySet<string>;
}

/** What is drawn of `full`: the filters, then the focus, then (when still large) the overview. */
export function shownGraph(full: Graph, { filter, focus, expanded }: ViewChoices): { graph: Graph; overview?: Overview } {
  let current = filterGraph(full, filter);
  if (focus !== undefined) {
    const within = (g: Graph, id: string) => g.nodes.some((n) => n.id === id) || g.groups.some((group) => group.id === id);
    // Focused on something the filters hide: the focus wins.
    current = focusGraph(within(current, focus) ? current : full, focus);
  }
  if (!drawnAsOverview(current)) return { graph: current };
  // The focus's own group stays open on the overview.
  const open = new Set<string>();
  if (focus !== undefined) {
    const groupOf = new Map(full.nodes.map((n) => [n.id, n.group]));
    for (const id of targetIds(current, focus)) open.add(groupOf.get(id) ?? id);
  }
  const result = overviewOf(current, expanded, open);
  return { graph: result.graph, overview: result };
}

/** "gw-0003 (Data gateway)", "Users at Office 0003": an entity or group of `graph` in words. */
export function describe(graph: Graph | undefined, id: string): string {
  const node = graph?.nodes.find((n) => n.id === id);
  const group = graph?.groups.find((g) => g.id === (node?.kind === 'site' ? node.group : id));
  if (node?.kind === 'site') return `Users at ${group?.label ?? id}`;
  if (node) return `${node.label} (${node.caption})`;
  return group?.label ?? id;
}

/** The flows highlighted: the one picked in the table, or those of the highlighted node. */
export function highlightedFlows(graph: Graph | undefined, highlight: { node?: string; flow?: string }): GraphFlow[] {
  if (!graph) return [];
  if (highlight.flow) return graph.flows.filter((f) => f.id === highlight.flow);
  return highlight.node ? flowsOf(graph, highlight.node) : [];
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The innermost entity whose YAML holds the position (the one that starts last), if any. */
export function nodeAtPosition(graph: Graph, position: { line: number; character: number }): GraphNode | undefined {
  const holders = graph.nodes.filter((n) => n.range && before(n.range.start, position) && before(position, n.range.end));
  return holders.sort((a, b) => (before(a.range!.start, b.range!.start) ? -1 : 1)).pop();
}
