/**
 * The graph as a Mermaid flowchart: groups as subgraphs, edges styled by route. Ids are generated
 * (n0, g0, ...) and every text from the file goes through Mermaid's entity codes, so that no name can
 * break out of its label or inject markup.
 */
import type { Graph, GraphNode } from '../protocol/graph';
import { PALETTES, ROUTE_STYLES } from './theme';

/** Mermaid's entity codes (`#35;`) for everything but plain letters, digits and a few safe marks. */
export function mermaidText(text: string): string {
  return [...text.replace(/\s+/g, ' ')].map((c) => (/[\p{L}\p{N} .,:()/+_-]/u.test(c) ? c : `#${c.codePointAt(0)};`)).join('');
}

function label(node: GraphNode): string {
  const lines = [mermaidText(node.caption.toUpperCase()), `<b>${mermaidText(node.label)}</b>`];
  if (node.detail) lines.push(mermaidText(node.detail));
  return lines.join('<br/>');
}

export function toMermaid(graph: Graph): string {
  const palette = PALETTES.light;
  const ids = new Map<string, string>();
  graph.groups.forEach((g, i) => ids.set(g.id, `g${i}`));
  graph.nodes.forEach((node, i) => ids.set(node.id, `n${i}`));
  // Each group's nodes, in one pass (linear in the graph, however many groups).
  const members = new Map<string, GraphNode[]>(graph.groups.map((g) => [g.id, []]));
  const loose: GraphNode[] = [];
  for (const node of graph.nodes) {
    const list = node.group !== undefined ? members.get(node.group) : undefined;
    if (list) list.push(node);
    else loose.push(node);
  }
  const lines = ['flowchart LR'];
  const nodeLine = (node: GraphNode, indent: string) => `${indent}${ids.get(node.id)}["${label(node)}"]`;
  for (const group of graph.groups) {
    lines.push(`  subgraph ${ids.get(group.id)}["${mermaidText(group.label)}"]`);
    for (const node of members.get(group.id)!) lines.push(nodeLine(node, '    '));
    lines.push('  end');
  }
  for (const node of loose) lines.push(nodeLine(node, '  '));
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  for (const edge of edges) {
    // A bundle of the overview says how many edges it stands for.
    const count = edge.count !== undefined && edge.count > 1 ? `|"×${edge.count}"|` : '';
    lines.push(`  ${ids.get(edge.from)} ---${count} ${ids.get(edge.to)}`);
  }
  edges.forEach((edge, i) => {
    const style = ROUTE_STYLES[edge.route];
    const dash = style.dash ? `,stroke-dasharray:${style.dash}` : '';
    lines.push(`  linkStyle ${i} stroke:${palette.routes[edge.route]},stroke-width:${style.width}px${dash}`);
  });
  lines.push(`  classDef error stroke:${palette.error},stroke-width:3px`);
  lines.push(`  classDef warning stroke:${palette.warning},stroke-width:3px`);
  for (const severity of ['error', 'warning'] as const) {
    const marked = graph.nodes.filter((n) => n.severity === severity).map((n) => ids.get(n.id));
    if (marked.length) lines.push(`  class ${marked.join(',')} ${severity}`);
  }
  return lines.join('\n') + '\n';
}
