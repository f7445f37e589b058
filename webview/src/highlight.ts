/**
 * The highlight: the entity under the editor's cursor (or clicked), or a flow picked in the table, with
 * the flows it takes part in and what they reach, marked on the drawing, the flows table and the matrix;
 * and the search's matches marked on the drawing. Classes only: the drawing itself does not change.
 */
import { markMatrix } from './matrixMode';
import type { Page } from './page';
import { describe, highlightedFlows, nodeAtPosition } from './shownGraph';
import type { Position } from './state';

/** The node an entity is drawn as: itself, or its collapsed group or cluster on the overview. */
function shownIdOf(page: Page, id: string): string {
  return page.state.drawn?.overview?.shownAs.get(id) ?? id;
}

/** The highlight on the drawing, the flows table and (in Matrix mode) the matrix; `scroll` brings the matrix's into view. */
export function showHighlight(page: Page, scroll = false): void {
  if (page.state.mode === 'matrix') markMatrix(page, scroll);
  markDiagram(page);
}

/** The highlight on the drawing and the flows table, and the Focus button that acts on it. */
export function markDiagram(page: Page): void {
  const { graph, drawn, highlight } = page.state;
  const svg = page.dom.diagram.querySelector('svg');
  if (!svg || !graph || !drawn) return;
  const shown = drawn.graph;
  const flowIds = new Set(highlightedFlows(graph, highlight).map((f) => f.id));
  const edges = new Set(shown.edges.filter((e) => e.flows.some((f) => flowIds.has(f))).map((e) => e.id));
  const selected = highlight.node !== undefined ? shownIdOf(page, highlight.node) : undefined;
  const nodes = new Set<string>(selected !== undefined ? [selected] : []);
  for (const edge of shown.edges) {
    if (edges.has(edge.id)) {
      nodes.add(edge.from);
      nodes.add(edge.to);
    }
  }
  const active = highlight.node !== undefined || highlight.flow !== undefined;
  svg.classList.toggle('has-highlight', active);
  for (const element of svg.querySelectorAll('[data-node]')) {
    const id = element.getAttribute('data-node')!;
    element.classList.toggle('highlight', id === selected);
    element.classList.toggle('related', nodes.has(id));
  }
  for (const element of svg.querySelectorAll('[data-group]')) element.classList.toggle('related', nodes.has(element.getAttribute('data-group')!));
  for (const element of svg.querySelectorAll('[data-edge]')) element.classList.toggle('related', edges.has(element.getAttribute('data-edge')!));
  markFlowRows(page, flowIds);
  showFocus(page);
}

/** The rows of the highlighted flows in the flows table. */
export function markFlowRows(page: Page, flowIds: ReadonlySet<string> = new Set(highlightedFlows(page.state.graph, page.state.highlight).map((f) => f.id))): void {
  for (const row of page.dom.flowRows.rows) row.classList.toggle('related', flowIds.has(row.dataset.flow ?? ''));
}

/** The focus in the bar, and whether its Focus button can focus the highlighted entity. */
export function showFocus(page: Page): void {
  const { graph, focus, highlight } = page.state;
  page.controls.setFocus(focus !== undefined ? describe(graph, focus) : undefined, highlight.node !== undefined && highlight.node !== focus);
}

/** Marks the nodes that match the search (their group or cluster on the overview). */
export function markSearch(page: Page): void {
  const { search } = page.state;
  const svg = page.dom.diagram.querySelector('svg');
  if (!svg) return;
  const marked = new Set(search.matches.map((n) => shownIdOf(page, n.id)));
  svg.classList.toggle('has-search', search.query.trim() !== '');
  for (const element of svg.querySelectorAll('[data-node]')) element.classList.toggle('search-match', marked.has(element.getAttribute('data-node')!));
}

/** Highlights the entity whose YAML holds the editor's cursor; before the graph comes, when it comes. */
export function highlightAtCursor(page: Page, position: Position): void {
  const { state } = page;
  state.cursorWhenGraph = state.graph ? undefined : position;
  if (!state.graph) return;
  const node = nodeAtPosition(state.graph, position);
  state.highlight = node ? { node: node.id } : {};
  showHighlight(page, true);
}
