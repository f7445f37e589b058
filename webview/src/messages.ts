/**
 * The first step of the path: a message from the extension changes the state, then the page draws it
 * (render.ts). The extension relays the language server's answers as they came: a `graphDelta` is
 * applied here, to the graph this page holds.
 */
import { overviewFromOpening } from '../../diagram/overview';
import type { Graph } from '../../protocol/graph';
import { applyGraphDelta } from '../../protocol/graphDelta';
import type { ToWebview } from '../../protocol/protocol';
import { exportAs } from './exports';
import { filterActive, searchNodes } from './filters';
import { highlightAtCursor } from './highlight';
import type { Page } from './page';
import { render, renderOpening, showEmpty } from './render';
import { FLOW_ROWS_PAGE } from './state';

export function receive(page: Page, message: ToWebview): void {
  const { state } = page;
  switch (message.type) {
    case 'graph':
      state.rendering = showGraph(page, message.uri, message.graph, message.fit, message.id, message.version);
      break;
    case 'overview':
      state.rendering = showOpening(page, message);
      break;
    case 'graphDelta':
      // The extension sends a change only from the graph this page holds; when the page dropped it (a
      // drawing that failed), `ready` asks for the graph whole again.
      if (state.graph && message.uri === state.uri && message.base === state.graphId) {
        state.rendering = showGraph(page, message.uri, applyGraphDelta(state.graph, message.delta), false, message.id, message.version);
      } else {
        page.post({ type: 'ready' });
      }
      break;
    case 'empty':
      showEmpty(page, String(message.message));
      break;
    case 'cursor':
      if (Number.isInteger(message.line) && Number.isInteger(message.character)) highlightAtCursor(page, { line: message.line, character: message.character });
      break;
    case 'export':
      void exportAs(page, message.format);
      break;
    case 'focus':
      if (typeof message.uri !== 'string' || typeof message.node !== 'string' || typeof message.request !== 'number') break;
      if (message.request === state.focusTaken) break; // sent again before our answer came
      state.focusWhenGraph = { uri: message.uri, node: message.node, request: message.request };
      if (takeAskedFocus(page)) state.rendering = render(page, { fit: true });
      break;
  }
}

/** Applies the focus the extension asked for, once the graph of its file is here, and says so: whether it did. */
function takeAskedFocus(page: Page): boolean {
  const { state } = page;
  const asked = state.focusWhenGraph;
  if (!asked || !state.graph || asked.uri !== state.uri) return false;
  state.focusWhenGraph = undefined;
  state.focusTaken = asked.request;
  page.post({ type: 'focused', request: asked.request });
  if (!state.nodesById.has(asked.node)) return false;
  state.focus = asked.node;
  state.highlight = { node: asked.node };
  return true;
}

/** Another file: its own overview, no focus; filters that name its entities are kept by the lists. */
function forgetFileView(page: Page): void {
  page.state.expanded.clear();
  page.state.focus = undefined;
  page.state.flowRowLimit = FLOW_ROWS_PAGE;
  page.patcher.reset();
}

async function showGraph(page: Page, uri: string, graph: Graph, fit: boolean, id: string | undefined, version: number | undefined): Promise<void> {
  const { state, controls } = page;
  if (uri !== state.uri) {
    forgetFileView(page);
    fit = true;
  }
  state.uri = uri;
  state.graph = graph;
  state.flowsToCome = undefined;
  state.graphId = id;
  state.graphVersion = version;
  state.nodesById = new Map(graph.nodes.map((n) => [n.id, n]));
  if (state.focus !== undefined && !state.nodesById.has(state.focus) && !graph.groups.some((g) => g.id === state.focus)) state.focus = undefined;
  state.matrix = undefined;
  controls.setGraph(graph);
  state.filter = controls.filter();
  if (takeAskedFocus(page)) fit = true;
  if (state.search.query) state.search = { query: state.search.query, matches: searchNodes(graph, state.search.query) };
  const asked = state.renderWhenGraph;
  state.renderWhenGraph = undefined;
  await render(page, { fit: fit || asked?.fit === true, center: asked?.center });
  if (state.cursorWhenGraph) highlightAtCursor(page, state.cursorWhenGraph);
}

/**
 * The overview a large file opens on, ahead of its graph: drawn when it is what the graph would be drawn
 * as (no filter, focus, expanded group or matrix), then the graph is asked for; until it arrives, what
 * needs it (the flows, search, focus, the matrix) waits, and an expanded group opens when it is there.
 */
async function showOpening(page: Page, message: Extract<ToWebview, { type: 'overview' }>): Promise<void> {
  const { state } = page;
  let fit = message.fit;
  if (message.uri !== state.uri) {
    forgetFileView(page);
    fit = true;
  }
  if (state.mode !== 'diagram' || filterActive(state.filter) || state.focus !== undefined || state.expanded.size > 0) {
    page.post({ type: 'wantGraph' });
    return;
  }
  state.uri = message.uri;
  state.graph = undefined;
  state.graphId = message.id;
  state.graphVersion = message.version;
  state.nodesById = new Map();
  state.matrix = undefined;
  state.flowsToCome = message.overview.flowCount;
  await renderOpening(page, overviewFromOpening(message.overview), fit);
  // After the frame with the drawing (and its `drawn`): megabytes of graph must not hold up that paint.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  page.post({ type: 'wantGraph' });
}
