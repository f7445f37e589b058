/**
 * The Matrix mode: the route matrix of the file's graph (diagram/matrix.ts, as `ppnet routes` prints
 * it) in the matrix view (matrixView.ts) instead of the diagram, narrowed by the same filters and focus,
 * with the highlight and the search's matches marked on its rows, columns and cells.
 */
import { RouteMatrix, routeMatrix } from '../../diagram/matrix';
import { flowsOf, targetIds } from './filters';
import { cellKey, MatrixSelection } from './matrixView';
import type { Page } from './page';
import { highlightedFlows } from './shownGraph';
import type { PageState } from './state';

/** What the matrix shows: the filters' rows, columns and routes, the focus's rows and columns. */
export function matrixSelection(data: RouteMatrix, { filter, focus, graph, nodesById }: PageState): MatrixSelection {
  let rows: Set<string> | undefined;
  let columns: Set<string> | undefined;
  if (filter.environment !== undefined) columns = new Set([filter.environment]);
  if (filter.site !== undefined) rows = new Set(data.rows.filter((r) => r.node === filter.site || nodesById.get(r.node)?.group === filter.site).map((r) => r.id));
  if (focus !== undefined && graph) {
    const ids = targetIds(graph, focus);
    const flows = new Set(flowsOf(graph, focus).map((f) => f.id));
    const cells = data.cells.filter((c) => c.flows.some((f) => flows.has(f)));
    const focusRows = new Set([...cells.map((c) => c.row), ...data.rows.filter((r) => ids.has(r.node)).map((r) => r.id)]);
    const focusColumns = new Set([...cells.map((c) => c.column), ...data.columns.filter((c) => ids.has(c.id)).map((c) => c.id)]);
    rows = rows ? new Set([...rows].filter((r) => focusRows.has(r))) : focusRows;
    columns = columns ? new Set([...columns].filter((c) => focusColumns.has(c))) : focusColumns;
  }
  return { ...(rows && { rows }), ...(columns && { columns }), hiddenRoutes: filter.hiddenRoutes };
}

/** Shows the matrix of the current graph (made once per graph); `scroll` brings the highlight into view. */
export function showMatrix(page: Page, scroll: boolean): void {
  const { state } = page;
  if (!state.graph) return;
  state.matrix ??= routeMatrix(state.graph);
  page.matrixView.show(state.matrix, matrixSelection(state.matrix, state), state.theme);
  markMatrix(page, scroll);
}

/** The row and column of the entity under the cursor (or picked), the cells of its flows, and the search's matches. */
export function markMatrix(page: Page, scroll: boolean): void {
  const { matrix, graph, highlight, search } = page.state;
  if (!matrix || !graph) return;
  const ids = highlight.node !== undefined ? targetIds(graph, highlight.node) : new Set<string>();
  const flowIds = new Set(highlightedFlows(graph, highlight).map((f) => f.id));
  const matches = new Set(search.matches.map((n) => n.id));
  const rows = new Set(matrix.rows.filter((r) => ids.has(r.node)).map((r) => r.id));
  const columns = new Set(matrix.columns.filter((c) => ids.has(c.id)).map((c) => c.id));
  const cells = new Set(matrix.cells.filter((c) => c.flows.some((f) => flowIds.has(f))).map((c) => cellKey(c.row, c.column)));
  const searched = new Set([...matrix.rows.filter((r) => matches.has(r.node)).map((r) => r.id), ...matrix.columns.filter((c) => matches.has(c.id)).map((c) => c.id)]);
  page.matrixView.setHighlight({ rows, columns, cells, searched }, scroll && (rows.size > 0 || columns.size > 0 || cells.size > 0));
}
