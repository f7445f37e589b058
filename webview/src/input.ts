/**
 * The user's input: pointer and keyboard on the diagram (pan, zoom, click to reveal and highlight,
 * double-click to focus, expand and collapse groups), the toolbar, the flows table, the bar's search,
 * filters and focus (controls.ts), the window's size and the editor's theme. Each changes the state and
 * redraws through the path (render.ts), or only marks or moves what is drawn.
 */
import type { ThemeKind } from '../../diagram/theme';
import type { ExportFormat } from '../../protocol/protocol';
import type { ControlEvent } from './controls';
import { exportAs } from './exports';
import { searchNodes } from './filters';
import { applyRouteColors, renderFlows, showMoreFlows } from './flowsTable';
import { markSearch, showHighlight } from './highlight';
import { markMatrix, showMatrix } from './matrixMode';
import { Page, revealNode } from './page';
import { drawLayout, render, setMode } from './render';
import type { RenderRequest } from './state';
import { fitView, panTo, zoom } from './viewport';

/** The toolbar's export buttons. */
const EXPORT_ACTIONS = new Map<string | undefined, ExportFormat>([
  ['export-svg', 'svg'],
  ['export-png', 'png'],
  ['export-mermaid', 'mermaid'],
]);

/** The editor's theme, from the classes VS Code gives the body. */
export function currentTheme(): ThemeKind {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

/** Redraws through the path; exports wait for it. */
function redraw(page: Page, request: RenderRequest): void {
  page.state.rendering = render(page, request);
}

function setFocus(page: Page, id: string | undefined): void {
  page.state.focus = id;
  if (id !== undefined) page.state.highlight = { node: id };
  redraw(page, { fit: true });
}

/** What the bar reports: a filter, the search, the focus, "Collapse all". */
export function onControl(page: Page, event: ControlEvent): void {
  const { state, controls } = page;
  switch (event.type) {
    case 'filter':
      state.filter = controls.filter();
      redraw(page, { fit: true });
      break;
    case 'search':
      state.search = { query: event.query, matches: state.graph ? searchNodes(state.graph, event.query) : [] };
      controls.setSearchResult(state.search.matches.length, undefined);
      markSearch(page);
      if (state.mode === 'matrix') showMatrix(page, false);
      break;
    case 'search-next': {
      const { matches } = state.search;
      if (!matches.length) break;
      const index = state.search.index === undefined ? 0 : (state.search.index + 1) % matches.length;
      state.search = { ...state.search, index };
      controls.setSearchResult(matches.length, index);
      const match = matches[index];
      if (state.mode === 'matrix') {
        state.highlight = { node: match.id };
        markMatrix(page, true);
      } else setFocus(page, match.id);
      break;
    }
    case 'focus':
      if (state.highlight.node !== undefined) setFocus(page, state.highlight.node);
      break;
    case 'clear-focus':
      setFocus(page, undefined);
      break;
    case 'collapse-all':
      state.expanded.clear();
      redraw(page, { fit: true });
      break;
  }
}

/** Reveals and highlights the node an event hit, when it has YAML. */
function revealAt(page: Page, target: EventTarget | null): boolean {
  const id = target instanceof Element ? target.closest('[data-node]')?.getAttribute('data-node') : undefined;
  if (!id || !revealNode(page, id)) return false;
  page.state.highlight = { node: id };
  showHighlight(page);
  return true;
}

/** Expands a collapsed group or cluster, or collapses an expanded group, on the overview. */
function toggleGroup(page: Page, target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const { state } = page;
  const collapse = target.closest('[data-collapse]')?.getAttribute('data-collapse');
  if (collapse) {
    state.expanded.delete(collapse);
    redraw(page, { fit: false });
    return true;
  }
  const expand = target.closest('[data-expand]')?.getAttribute('data-expand');
  if (!expand) return false;
  state.expanded.add(expand);
  // A cluster opens into its groups, each still one node: fit them; a group is centred.
  redraw(page, state.drawn?.overview?.clusters.has(expand) ? { fit: true } : { fit: false, center: expand });
  return true;
}

/** A row of the flows table: highlights its flow and reveals the entity it comes from. */
function pickFlow(page: Page, row: HTMLTableRowElement): void {
  const flow = page.state.graph?.flows.find((f) => f.id === row.dataset.flow);
  if (!flow) return;
  page.state.highlight = { flow: flow.id };
  showHighlight(page);
  revealNode(page, flow.subject);
}

function listenToDiagram(page: Page): void {
  const { diagram } = page.dom;
  let drag: { x: number; y: number; startX: number; startY: number; moved: boolean } | undefined;
  diagram.addEventListener('pointerdown', (event) => {
    const view = page.state.view;
    if (event.button !== 0 || !view) return;
    drag = { x: view.x, y: view.y, startX: event.clientX, startY: event.clientY, moved: false };
  });
  window.addEventListener('pointermove', (event) => {
    if (!drag || !page.state.view) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) diagram.classList.add('panning');
    drag.moved = true;
    panTo(page, drag.x + dx, drag.y + dy);
  });
  window.addEventListener('pointerup', (event) => {
    const wasDrag = drag?.moved;
    drag = undefined;
    diagram.classList.remove('panning');
    if (!wasDrag && event.target instanceof Node && diagram.contains(event.target) && !toggleGroup(page, event.target) && !revealAt(page, event.target)) {
      page.state.highlight = {};
      showHighlight(page);
    }
  });
  diagram.addEventListener('dblclick', (event) => {
    const id = event.target instanceof Element ? event.target.closest('[data-node]')?.getAttribute('data-node') : undefined;
    if (id && page.state.nodesById.has(id)) setFocus(page, id);
  });
  diagram.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const box = diagram.getBoundingClientRect();
      zoom(page, Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    },
    { passive: false },
  );
  diagram.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && (toggleGroup(page, event.target) || revealAt(page, event.target))) event.preventDefault();
  });
}

function listenToKeys(page: Page): void {
  window.addEventListener('keydown', (event) => {
    const { state } = page;
    if (event.key === 'Escape' && state.focus !== undefined) {
      setFocus(page, undefined);
      return;
    }
    if (event.target instanceof Element && event.target.closest('input, textarea, select')) return;
    if (event.key === '+' || event.key === '=') zoom(page, 1.2);
    else if (event.key === '-') zoom(page, 1 / 1.2);
    else if (event.key === '0') fitView(page);
    else if (event.key === 'f' && state.highlight.node !== undefined) setFocus(page, state.highlight.node);
    else if (event.key === '/') {
      event.preventDefault();
      page.controls.search.focus();
    }
  });
}

function listenToToolbar(page: Page): void {
  const { toolbar, flows } = page.dom;
  toolbar.addEventListener('click', (event) => {
    const action = event.target instanceof Element ? event.target.closest('button')?.dataset.action : undefined;
    if (action === 'zoom-in') zoom(page, 1.2);
    else if (action === 'zoom-out') zoom(page, 1 / 1.2);
    else if (action === 'fit') fitView(page);
    else if (action === 'flows') {
      // Shows or hides the flows table; the diagram takes the room.
      flows.hidden = !flows.hidden;
      toolbar.querySelector('button[data-action="flows"]')?.setAttribute('aria-pressed', String(!flows.hidden));
    } else if (action === 'mode-diagram') setMode(page, 'diagram');
    else if (action === 'mode-matrix') setMode(page, 'matrix');
    else {
      const format = EXPORT_ACTIONS.get(action);
      if (format) void exportAs(page, format);
    }
  });
}

function listenToFlowsTable(page: Page): void {
  const { flowRows, moreFlows } = page.dom;
  flowRows.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || event.target.closest('a')) return;
    const row = event.target.closest('tr');
    if (row === moreFlows) showMoreFlows(page);
    else if (row) pickFlow(page, row);
  });
  flowRows.addEventListener('keydown', (event) => {
    const row = event.target instanceof Element ? event.target.closest('tr') : null;
    if (row && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      if (row === moreFlows) showMoreFlows(page);
      else pickFlow(page, row);
    }
  });
}

/** Follows the editor's theme: VS Code changes the body's classes. */
function followTheme(page: Page): void {
  new MutationObserver(() => {
    const { state } = page;
    const next = currentTheme();
    if (next === state.theme) return;
    state.theme = next;
    applyRouteColors(page);
    if (state.mode === 'diagram') drawLayout(page);
    else state.drawPending = true;
    if (state.drawn) renderFlows(page);
    if (state.mode === 'matrix') showMatrix(page, false);
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

export function listen(page: Page): void {
  listenToDiagram(page);
  listenToKeys(page);
  listenToToolbar(page);
  listenToFlowsTable(page);
  followTheme(page);
  window.addEventListener('resize', () => {
    if (!page.state.view && page.state.mode === 'diagram') fitView(page);
  });
}
