/**
 * The one drawing path: from the state, the derived view (shownGraph.ts: filters, focus, overview),
 * its layout (in a worker: layout/layoutClient.ts), then the drawing (draw.ts), the flows table and the
 * matrix. Messages and input change the state and call `render`; nothing else draws.
 */
import type { LaidOutGraph } from '../../diagram/layout';
import type { Overview } from '../../diagram/overview';
import type { Graph } from '../../protocol/graph';
import { draw } from './draw';
import { renderFlows, renderHeader } from './flowsTable';
import { showFocus, showHighlight } from './highlight';
import { showMatrix } from './matrixMode';
import type { Page } from './page';
import { shownGraph } from './shownGraph';
import type { Mode, RenderRequest } from './state';
import { centerOn } from './viewport';

/**
 * Lays out and draws what is shown of the file's graph. Before the graph comes (an opening overview is
 * shown), what is asked for is drawn when it is there: a group expanded meanwhile opens then.
 */
export async function render(page: Page, request: RenderRequest): Promise<void> {
  const { state } = page;
  if (state.graph) {
    await drawView(page, state.graph, shownGraph(state.graph, state), request);
    return;
  }
  const waiting = state.renderWhenGraph;
  state.renderWhenGraph = { fit: request.fit || waiting?.fit === true, center: request.center ?? waiting?.center };
}

/** Draws the overview a large file opens on, ahead of its graph. */
export function renderOpening(page: Page, opening: Overview, fit: boolean): Promise<void> {
  return drawView(page, opening.graph, { graph: opening.graph, overview: opening }, { fit });
}

/** Lays out and draws `shown`, what is shown of `current` (the file's graph, or an opening overview). */
async function drawView(page: Page, current: Graph, shown: { graph: Graph; overview?: Overview }, { fit, center }: RenderRequest): Promise<void> {
  const { state, dom } = page;
  const sequence = ++state.renderSequence;
  renderHeader(page, current);
  showControls(page, shown.overview);
  if (state.mode === 'matrix') showMatrix(page, false);
  let laid: LaidOutGraph | undefined;
  try {
    laid = await page.layouts.layout(shown.graph, sequence);
  } catch (error) {
    if (sequence === state.renderSequence) showEmpty(page, `The diagram could not be laid out: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!laid || sequence !== state.renderSequence) return; // a newer graph or view arrived meanwhile
  state.drawn = { graph: shown.graph, ...(shown.overview && { overview: shown.overview }), laid };
  if (fit) state.view = undefined;
  dom.message.hidden = true;
  // The table first: it takes its share of the height, which the fit must know.
  renderFlows(page);
  if (state.mode === 'diagram') {
    drawLayout(page);
    if (center) centerOn(page, center);
  } else {
    state.drawPending = true;
  }
  page.save();
  postDrawn(page);
}

/** Draws the layout in the state, or says that it could not. */
export function drawLayout(page: Page): void {
  if (!draw(page)) showEmpty(page, 'The diagram could not be drawn.');
}

/**
 * `drawn` with the graph's version once the frame with the drawing has been painted (the bench and the
 * tests time edits to it): a frame callback runs before that frame's paint, a task it queues after.
 */
function postDrawn(page: Page): void {
  const version = page.state.graphVersion;
  requestAnimationFrame(() => setTimeout(() => page.post({ type: 'drawn', ...(version !== undefined && { version }) }), 0));
}

/** The bar: the focus, how many groups the overview collapsed, the search's count. */
function showControls(page: Page, overview: Overview | undefined): void {
  const { state, controls } = page;
  showFocus(page);
  controls.setOverview(overview ? overview.collapsed.size + [...overview.clusters.values()].reduce((n, groups) => n + groups.length, 0) : undefined, state.expanded.size > 0);
  controls.setSearchResult(state.search.matches.length, state.search.index);
}

/** No graph: `text` says why. */
export function showEmpty(page: Page, text: string): void {
  const { state, dom } = page;
  page.patcher.reset();
  state.graph = undefined;
  state.flowsToCome = undefined;
  state.renderWhenGraph = undefined;
  state.cursorWhenGraph = undefined;
  state.graphId = undefined;
  state.drawn = undefined;
  state.matrix = undefined;
  state.viewport = undefined;
  dom.diagram.replaceChildren();
  dom.flowRows.replaceChildren();
  dom.counts.textContent = '';
  dom.message.textContent = text;
  dom.message.hidden = false;
  page.controls.setGraph(undefined);
  showControls(page, undefined);
  if (state.mode === 'matrix') setMode(page, 'diagram');
}

/** The diagram or the route matrix. */
export function setMode(page: Page, next: Mode): void {
  const { state, dom } = page;
  if (next === state.mode) return;
  state.mode = next;
  document.body.classList.toggle('mode-matrix', next === 'matrix');
  for (const button of dom.toolbar.querySelectorAll('button[data-action^="mode-"]')) {
    button.setAttribute('aria-pressed', String(button.getAttribute('data-action') === `mode-${next}`));
  }
  dom.matrix.hidden = next !== 'matrix';
  dom.diagram.hidden = next === 'matrix';
  if (next === 'matrix') showMatrix(page, true);
  else if (state.drawPending) drawLayout(page);
  else showHighlight(page);
}
