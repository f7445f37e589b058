/**
 * The preview webview: lays out and draws the graph the extension sends (the same layout and SVG as
 * `ppnet graph`), keeps zoom and pan across redraws and reloads, links nodes and the file both ways,
 * lists the flows, and produces the exports. Text from the file only ever becomes DOM text or escaped
 * SVG text.
 *
 * A large graph opens on the overview (groups collapsed, diagram/overview.ts), which
 * the extension sends ahead of the graph (an `overview` message); filters, focus and search narrow what
 * is drawn; the Matrix mode shows the route matrix (`matrix.ts`) instead of the diagram.
 */
import type { ExportFormat, FromWebview, ToWebview } from '../../protocol/protocol';
import { parsePreviewState, PreviewState } from '../../protocol/protocol';
import { applyGraphDelta } from '../../protocol/graphDelta';
import type { LaidOutGraph } from '../../diagram/layout';
import { toMermaid } from '../../diagram/mermaid';
import { renderSvg, renderSvgLayers } from '../../diagram/svg';
import { LEGEND_CLASSES, PALETTES, ROUTE_STYLES, ThemeKind } from '../../diagram/theme';
import { FLOW_WORDS } from '../../protocol/vocabulary';
import type { EdgeClass, Graph, GraphFlow, GraphNode } from '../../protocol/graph';
import { RouteMatrix, routeMatrix } from '../../diagram/matrix';
import { cellKey, MatrixSelection, MatrixView } from './matrix';
import { ControlEvent, Controls } from './overview/controls';
import { decorateOverview } from './overview/decorate';
import { focusGraph } from '../../diagram/views';
import { drawnAsOverview, Overview, overviewFromOpening, overviewOf } from '../../diagram/overview';
import { filterActive, filterGraph, flowsOf, GraphFilter, NO_FILTER, searchNodes, targetIds } from './overview/views';
import { LayoutClient } from './layout/layoutClient';
import { startLayoutWorker } from './layout/layoutWorkerStart';
import { updateRows } from './rows';
import { DiagramPatcher } from './svgPatch';
import './preview.css';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG_NS = 'http://www.w3.org/2000/svg';
const MIN_SCALE = 0.1;
const MAX_SCALE = 4;

const diagram = document.getElementById('diagram') as HTMLDivElement;
const messageBox = document.getElementById('message') as HTMLDivElement;
const legend = document.getElementById('legend') as HTMLElement;
const titleText = document.getElementById('title-text') as HTMLElement;
const countsText = document.getElementById('counts') as HTMLElement;
const flowRows = document.querySelector('#flows tbody') as HTMLTableSectionElement;
const matrixRoot = document.getElementById('matrix') as HTMLElement;

const restored = parsePreviewState(vscode.getState());
let uri: string | undefined = restored?.uri;
let view = restored?.view;
/** The file's graph, the server's answer it comes from (a `graphDelta` names it) and the document's version. */
let graph: Graph | undefined;
let graphId: string | undefined;
let graphVersion: number | undefined;
let nodesById = new Map<string, GraphNode>();
/** What is drawn of it: filtered, focused, collapsed (the overview). */
let shown: Graph | undefined;
let overview: Overview | undefined;
let laid: LaidOutGraph | undefined;
/** The layout is newer than the drawing (laid out while the matrix was shown). */
let drawPending = false;
let mode: 'diagram' | 'matrix' = 'diagram';
let filter: GraphFilter = NO_FILTER;
/** The entity or group shown alone with its flows. */
let focus: string | undefined;
/** Groups and clusters the user opened on the overview. */
const expanded = new Set<string>();
/** Shown an opening overview: how many flows the graph that follows has, a view asked for meanwhile, the cursor. */
let flowsToCome: number | undefined;
let renderWhenGraph: { fit: boolean; center?: string } | undefined;
let cursorWhenGraph: { line: number; character: number } | undefined;
let search: { query: string; matches: GraphNode[]; index?: number } = { query: '', matches: [] };
let matrix: RouteMatrix | undefined;
let matrixView: MatrixView | undefined;
let viewport: SVGGElement | undefined;
let renderSequence = 0;
/** Lays graphs out in a worker, the newest only (layout/layoutClient.ts); started now, while the first graph is on its way. */
const layouts = new LayoutClient(startLayoutWorker);
layouts.warm();
/** Redraws only the elements whose markup changed. */
const patcher = new DiagramPatcher();
/** The graph being laid out; exports wait for it. */
let rendering: Promise<void> = Promise.resolve();
let theme = currentTheme();
/** What is highlighted: a node (from the cursor or a click) or a flow (from the table). */
let highlight: { node?: string; flow?: string } = {};

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function saveState(): void {
  if (uri !== undefined) vscode.setState({ uri, ...(view && { view }) });
}

function currentTheme(): ThemeKind {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

// ---- Messages from the extension ----

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as ToWebview;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'graph':
      rendering = showGraph(message.uri, message.graph, message.fit, message.id, message.version);
      break;
    case 'overview':
      rendering = showOpeningOverview(message);
      break;
    case 'graphDelta':
      // The extension sends a change only from the graph this page holds; when the page dropped it (a
      // drawing that failed), `ready` asks for the graph whole again.
      if (graph && message.uri === uri && message.base === graphId) {
        rendering = showGraph(message.uri, applyGraphDelta(graph, message.delta), false, message.id, message.version);
      } else {
        post({ type: 'ready' });
      }
      break;
    case 'empty':
      showEmpty(String(message.message));
      break;
    case 'cursor':
      if (Number.isInteger(message.line) && Number.isInteger(message.character)) highlightAtCursor(message.line, message.character);
      break;
    case 'export':
      void exportAs(message.format);
      break;
  }
});

/** Another file: its own overview, no focus; filters that name its entities are kept by the lists. */
function forgetFileView(): void {
  expanded.clear();
  focus = undefined;
  patcher.reset();
  flowRowLimit = FLOW_ROWS_PAGE;
}

async function showGraph(newUri: string, newGraph: Graph, fit: boolean, id: string | undefined, version: number | undefined): Promise<void> {
  if (newUri !== uri) {
    forgetFileView();
    fit = true;
  }
  uri = newUri;
  graph = newGraph;
  flowsToCome = undefined;
  graphId = id;
  graphVersion = version;
  nodesById = new Map(newGraph.nodes.map((n) => [n.id, n]));
  if (focus !== undefined && !nodesById.has(focus) && !newGraph.groups.some((g) => g.id === focus)) focus = undefined;
  matrix = undefined;
  controls.setGraph(newGraph);
  filter = controls.filter();
  if (search.query) search = { query: search.query, matches: searchNodes(newGraph, search.query) };
  const asked = renderWhenGraph;
  renderWhenGraph = undefined;
  await render(fit || asked?.fit === true, asked?.center);
  if (cursorWhenGraph) highlightAtCursor(cursorWhenGraph.line, cursorWhenGraph.character);
}

/**
 * The overview a large file opens on, ahead of its graph: drawn when it is what the graph would be drawn
 * as (no filter, focus, expanded group or matrix), then the graph is asked for; until it arrives, what
 * needs it (the flows, search, focus, the matrix) waits, and an expanded group opens when it is there.
 */
async function showOpeningOverview(message: Extract<ToWebview, { type: 'overview' }>): Promise<void> {
  let fit = message.fit;
  if (message.uri !== uri) {
    forgetFileView();
    fit = true;
  }
  if (mode !== 'diagram' || filterActive(filter) || focus !== undefined || expanded.size > 0) {
    post({ type: 'wantGraph' });
    return;
  }
  uri = message.uri;
  graph = undefined;
  graphId = message.id;
  graphVersion = message.version;
  nodesById = new Map();
  matrix = undefined;
  flowsToCome = message.overview.flowCount;
  const opening = overviewFromOpening(message.overview);
  await drawDisplay(opening.graph, { graph: opening.graph, overview: opening }, fit);
  // After the frame with the drawing (and its `drawn`): megabytes of graph must not hold up that paint.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  post({ type: 'wantGraph' });
}

/** What is drawn of the graph: the filters, then the focus, then (when still large) the overview. */
function displayed(full: Graph): { graph: Graph; overview?: Overview } {
  let current = filterGraph(full, filter);
  if (focus !== undefined) {
    const within = (g: Graph, id: string) => g.nodes.some((n) => n.id === id) || g.groups.some((group) => group.id === id);
    // Focused on something the filters hide: the focus wins.
    current = focusGraph(within(current, focus) ? current : full, focus);
  }
  if (!drawnAsOverview(current)) return { graph: current };
  const open = new Set<string>();
  if (focus !== undefined) for (const id of targetIds(current, focus)) open.add(nodesById.get(id)?.group ?? id);
  const result = overviewOf(current, expanded, open);
  return { graph: result.graph, overview: result };
}

/**
 * Lays out and draws what is shown of the current graph; `fit` fits it to the view, `center` centres
 * the view on a group just expanded.
 */
async function render(fit: boolean, center?: string): Promise<void> {
  if (graph) await drawDisplay(graph, displayed(graph), fit, center);
  // Before the graph (an opening overview): a group expanded meanwhile opens when the graph is there.
  else renderWhenGraph = { fit: fit || renderWhenGraph?.fit === true, center: center ?? renderWhenGraph?.center };
}

/** Lays out and draws `display`, what is shown of `current` (the file's graph, or an opening overview). */
async function drawDisplay(current: Graph, display: { graph: Graph; overview?: Overview }, fit: boolean, center?: string): Promise<void> {
  const sequence = ++renderSequence;
  renderHeader(current);
  updateControls(display.overview);
  if (mode === 'matrix') showMatrix(false);
  let laidOut: LaidOutGraph | undefined;
  try {
    laidOut = await layouts.layout(display.graph, sequence);
  } catch (error) {
    if (sequence === renderSequence) showEmpty(`The diagram could not be laid out: ${(error as Error).message}`);
    return;
  }
  if (!laidOut || sequence !== renderSequence) return; // a newer graph or view arrived meanwhile
  shown = display.graph;
  overview = display.overview;
  laid = laidOut;
  if (fit) view = undefined;
  messageBox.hidden = true;
  // The table first: it takes its share of the height, which the fit must know.
  renderFlows(shown);
  if (mode === 'diagram') {
    draw();
    if (center) centerOn(center);
  } else {
    drawPending = true;
  }
  saveState();
  postDrawn();
}

/**
 * `drawn` with the graph's version once the frame with the drawing has been painted (the bench and the
 * tests time edits to it): a frame callback runs before that frame's paint, a task it queues after.
 */
function postDrawn(): void {
  const version = graphVersion;
  requestAnimationFrame(() => setTimeout(() => post({ type: 'drawn', ...(version !== undefined && { version }) }), 0));
}

function showEmpty(text: string): void {
  patcher.reset();
  graph = undefined;
  flowsToCome = undefined;
  renderWhenGraph = undefined;
  cursorWhenGraph = undefined;
  graphId = undefined;
  shown = undefined;
  overview = undefined;
  matrix = undefined;
  laid = undefined;
  viewport = undefined;
  diagram.replaceChildren();
  flowRows.replaceChildren();
  countsText.textContent = '';
  messageBox.textContent = text;
  messageBox.hidden = false;
  controls.setGraph(undefined);
  updateControls(undefined);
  if (mode === 'matrix') setMode('diagram');
}

// ---- Drawing ----

function draw(): void {
  if (!laid) return;
  drawPending = false;
  // After an edit, only the elements whose markup changed are replaced (svgPatch.ts).
  const layers = renderSvgLayers(laid, theme);
  const drawn = viewport?.ownerSVGElement;
  if (drawn && patcher.patch(layers, theme)) {
    finishDraw(drawn);
    return;
  }
  const parsed = new DOMParser().parseFromString(renderSvg(laid, { theme }, layers), 'image/svg+xml');
  const source = parsed.documentElement;
  if (source.nodeName !== 'svg') {
    showEmpty('The diagram could not be drawn.');
    return;
  }
  const svg = document.importNode(source, true) as unknown as SVGSVGElement;
  // The webview pans and zooms one group; the page behind provides the background.
  svg.removeAttribute('viewBox');
  svg.setAttribute('width', '100%');
  svg.setAttribute('height', '100%');
  svg.querySelector(':scope > rect.background')?.remove();
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('id', 'viewport');
  const content = svg.querySelector(':scope > g.diagram');
  if (content) group.appendChild(content);
  svg.appendChild(group);
  diagram.replaceChildren(svg);
  viewport = group;
  patcher.remember(group, layers, theme);
  finishDraw(svg);
}

/** The overview's marks, the view, the highlight and the search's marks on a drawing just made or patched. */
function finishDraw(svg: SVGSVGElement): void {
  if (!laid) return;
  if (overview) decorateOverview(svg, laid, overview, theme);
  if (view) applyView();
  else fitView();
  applyHighlight();
  applySearchMarks();
  renderLegend();
}

/**
 * Shows a group just expanded: whole when it fits at a readable size, else its top at a readable size
 * (a region of twenty environments is tall); centred across.
 */
function centerOn(id: string): void {
  const placed = laid?.groups.find((g) => g.group.id === id);
  if (!placed) return;
  const width = Math.max(diagram.clientWidth, 1);
  const height = Math.max(diagram.clientHeight - legend.offsetHeight, 1);
  const margin = 24;
  const scale = clamp(Math.min(1, (width - 2 * margin) / placed.width, Math.max((height - 2 * margin) / placed.height, 0.6)));
  const y = placed.height * scale <= height - 2 * margin ? height / 2 - (placed.y + placed.height / 2) * scale : margin - placed.y * scale;
  view = { x: width / 2 - (placed.x + placed.width / 2) * scale, y, scale };
  applyView();
}

function applyView(): void {
  if (!viewport || !view) return;
  viewport.setAttribute('transform', `translate(${view.x} ${view.y}) scale(${view.scale})`);
  saveState();
}

function fitView(): void {
  if (!laid) return;
  const width = Math.max(diagram.clientWidth, 1);
  const margin = 16;
  // The legend floats over the bottom of the diagram area: fit above it.
  const height = Math.max(diagram.clientHeight - legend.offsetHeight - margin, 1);
  const scale = clamp(Math.min((width - 2 * margin) / laid.width, (height - 2 * margin) / laid.height, 1.5));
  view = { x: (width - laid.width * scale) / 2, y: Math.max(margin, (height - laid.height * scale) / 2), scale };
  applyView();
}

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Zooms by `factor` keeping the point (x, y) of the diagram area where it is. */
function zoom(factor: number, x = diagram.clientWidth / 2, y = diagram.clientHeight / 2): void {
  if (!view) return;
  const scale = clamp(view.scale * factor);
  const ratio = scale / view.scale;
  view = { x: x - (x - view.x) * ratio, y: y - (y - view.y) * ratio, scale };
  applyView();
}

// ---- Highlight: the node under the cursor, or a flow picked in the table ----

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function highlightAtCursor(line: number, character: number): void {
  cursorWhenGraph = graph ? undefined : { line, character };
  if (!graph) return;
  const position = { line, character };
  const holders = graph.nodes.filter((n) => n.range && before(n.range.start, position) && before(position, n.range.end));
  // The innermost entity is the one that starts last.
  const node = holders.sort((a, b) => (before(a.range!.start, b.range!.start) ? -1 : 1)).pop();
  highlight = node ? { node: node.id } : {};
  applyHighlight();
  if (mode === 'matrix') applyMatrixHighlight(true);
}

/** The node an entity is drawn as: itself, or its collapsed group or cluster on the overview. */
function shownIdOf(id: string): string {
  return overview?.shownAs.get(id) ?? id;
}

function highlightedFlows(): GraphFlow[] {
  if (!graph) return [];
  if (highlight.flow) return graph.flows.filter((f) => f.id === highlight.flow);
  return highlight.node ? flowsOf(graph, highlight.node) : [];
}

function applyHighlight(): void {
  if (mode === 'matrix') applyMatrixHighlight(false);
  const svg = diagram.querySelector('svg');
  if (!svg || !graph || !shown) return;
  const flowIds = new Set(highlightedFlows().map((f) => f.id));
  const edges = new Set(shown.edges.filter((e) => e.flows.some((f) => flowIds.has(f))).map((e) => e.id));
  const selected = highlight.node !== undefined ? shownIdOf(highlight.node) : undefined;
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
  for (const row of flowRows.rows) row.classList.toggle('related', flowIds.has(row.dataset.flow ?? ''));
  updateFocusButton();
}

/** Marks the nodes that match the search (their group or cluster on the overview). */
function applySearchMarks(): void {
  const svg = diagram.querySelector('svg');
  if (!svg) return;
  const marked = new Set(search.matches.map((n) => shownIdOf(n.id)));
  svg.classList.toggle('has-search', search.query.trim() !== '');
  for (const element of svg.querySelectorAll('[data-node]')) element.classList.toggle('search-match', marked.has(element.getAttribute('data-node')!));
}

// ---- Header, legend and flows table (DOM text only) ----

function renderHeader(current: Graph): void {
  titleText.textContent = current.title;
  const parts = (['error', 'warning'] as const)
    .filter((severity) => current.counts[severity] > 0)
    .map((severity) => `${current.counts[severity]} ${severity}${current.counts[severity] === 1 ? '' : 's'}`);
  countsText.textContent = parts.length ? parts.join(' · ') : 'no errors or warnings';
  countsText.className = current.counts.error ? 'has-errors' : current.counts.warning ? 'has-warnings' : '';
}

function routeSample(route: EdgeClass): SVGSVGElement {
  const style = ROUTE_STYLES[route];
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '34');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG_NS, 'path');
  line.setAttribute('d', 'M2 5 L32 5');
  line.setAttribute('stroke', PALETTES[theme].routes[route]);
  line.setAttribute('stroke-width', String(style.width));
  if (style.dash) line.setAttribute('stroke-dasharray', style.dash);
  if (route === 'microsoft-backbone') line.setAttribute('stroke-linecap', 'round');
  svg.appendChild(line);
  return svg;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  if (className) created.className = className;
  return created;
}

function renderLegend(): void {
  const items = LEGEND_CLASSES.map((route) => {
    const item = element('div', undefined, `legend-item route-${route}`);
    item.title = ROUTE_STYLES[route].description;
    item.append(routeSample(route), element('span', ROUTE_STYLES[route].label));
    return item;
  });
  const marks = element('div', undefined, 'legend-item legend-marks');
  marks.append(element('span', '✕', 'mark-error'), element('span', 'error'), element('span', '!', 'mark-warning'), element('span', 'warning'));
  legend.replaceChildren(...items, marks);
}

/**
 * Flows listed at first, and added by each click on the row that says how many are not: laying out a
 * few hundred rows of reasons was most of opening a large file (filter, search or focus to list fewer).
 */
const FLOW_ROWS_PAGE = 100;
let flowRowLimit = FLOW_ROWS_PAGE;

/** The row that says how many flows are not listed; its text changes, the row stays. */
const moreFlows = element('tr', undefined, 'more-flows');
const moreFlowsCell = element('td');
moreFlowsCell.colSpan = 5;
moreFlows.append(moreFlowsCell);
moreFlows.tabIndex = 0;

/** What a flow's row shows: a row is rebuilt only when this changes (rows.ts). */
const flowSignature = (flow: GraphFlow) => JSON.stringify([theme, flow.kind, flow.fromLabel, flow.toLabel, flow.route, flow.expected, flow.reason, flow.source]);

function flowRow(flow: GraphFlow): HTMLTableRowElement {
  const row = element('tr');
  row.dataset.flow = flow.id;
  row.tabIndex = 0;
  const route = element('td', undefined, `route route-${flow.route}`);
  route.append(routeSample(flow.route), element('span', ROUTE_STYLES[flow.route].label));
  if (flow.expected && flow.expected !== flow.route) {
    route.append(element('div', `the file expects ${ROUTE_STYLES[flow.expected].label}`, 'expected'));
  }
  const why = element('td', flow.reason, 'reason');
  if (/^https:\/\//.test(flow.source)) {
    const link = element('a', 'source');
    link.href = flow.source;
    why.append(' ', link);
  }
  row.append(element('td', FLOW_WORDS[flow.kind]?.label ?? flow.kind), element('td', flow.fromLabel), element('td', flow.toLabel), route, why);
  return row;
}

function renderFlows(current: Graph): void {
  if (flowsToCome !== undefined) {
    // An opening overview: the flows come with the graph.
    moreFlowsCell.textContent = `${flowsToCome} flows: listing them…`;
    updateRows(flowRows, [], { key: (flow) => flow.id, signature: flowSignature, render: flowRow }, [moreFlows]);
    return;
  }
  const hidden = current.flows.length - flowRowLimit;
  if (hidden > 0) moreFlowsCell.textContent = `${hidden} more flows: show ${Math.min(hidden, FLOW_ROWS_PAGE)} more, or filter, search or focus to list them.`;
  // Rows whose flow did not change stay (rows.ts): rebuilding hundreds of rows was most of a redraw.
  updateRows(flowRows, current.flows.slice(0, flowRowLimit), { key: (flow) => flow.id, signature: flowSignature, render: flowRow }, hidden > 0 ? [moreFlows] : []);
  applyHighlight();
}

function pickFlow(row: HTMLTableRowElement): void {
  const flow = graph?.flows.find((f) => f.id === row.dataset.flow);
  if (!flow) return;
  highlight = { flow: flow.id };
  applyHighlight();
  if (nodesById.get(flow.subject)?.range) post({ type: 'reveal', node: flow.subject });
}

function showMoreFlows(): void {
  flowRowLimit += FLOW_ROWS_PAGE;
  if (shown) renderFlows(shown);
}

flowRows.addEventListener('click', (event) => {
  if ((event.target as Element).closest('a')) return;
  const row = (event.target as Element).closest('tr');
  if (row === moreFlows) showMoreFlows();
  else if (row) pickFlow(row as HTMLTableRowElement);
});
flowRows.addEventListener('keydown', (event) => {
  const row = (event.target as Element).closest('tr');
  if (row && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    if (row === moreFlows) showMoreFlows();
    else pickFlow(row as HTMLTableRowElement);
  }
});

// ---- Pointer and keyboard on the diagram ----

function revealNode(target: EventTarget | null): boolean {
  const nodeElement = (target as Element | null)?.closest?.('[data-node]');
  const id = nodeElement?.getAttribute('data-node');
  if (!id || !nodesById.get(id)?.range) return false;
  highlight = { node: id };
  applyHighlight();
  post({ type: 'reveal', node: id });
  return true;
}

let drag: { x: number; y: number; startX: number; startY: number; moved: boolean } | undefined;

diagram.addEventListener('pointerdown', (event) => {
  if (event.button !== 0 || !view) return;
  drag = { x: view.x, y: view.y, startX: event.clientX, startY: event.clientY, moved: false };
});
window.addEventListener('pointermove', (event) => {
  if (!drag || !view) return;
  const dx = event.clientX - drag.startX;
  const dy = event.clientY - drag.startY;
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  if (!drag.moved) diagram.classList.add('panning');
  drag.moved = true;
  view = { ...view, x: drag.x + dx, y: drag.y + dy };
  applyView();
});
window.addEventListener('pointerup', (event) => {
  const wasDrag = drag?.moved;
  drag = undefined;
  diagram.classList.remove('panning');
  if (!wasDrag && diagram.contains(event.target as Node) && !toggleGroup(event.target) && !revealNode(event.target)) {
    highlight = {};
    applyHighlight();
  }
});

/** Expands a collapsed group or cluster, or collapses an expanded group, on the overview. */
function toggleGroup(target: EventTarget | null): boolean {
  const element = target as Element | null;
  const collapse = element?.closest?.('[data-collapse]')?.getAttribute('data-collapse');
  if (collapse) {
    expanded.delete(collapse);
    void (rendering = render(false));
    return true;
  }
  const expand = element?.closest?.('[data-expand]')?.getAttribute('data-expand');
  if (!expand) return false;
  expanded.add(expand);
  // A cluster opens into its groups, each still one node: fit them; a group is centred.
  void (rendering = overview?.clusters.has(expand) ? render(true) : render(false, expand));
  return true;
}

diagram.addEventListener('dblclick', (event) => {
  const id = (event.target as Element).closest?.('[data-node]')?.getAttribute('data-node');
  if (id && nodesById.has(id)) setFocus(id);
});
diagram.addEventListener(
  'wheel',
  (event) => {
    event.preventDefault();
    const box = diagram.getBoundingClientRect();
    zoom(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
  },
  { passive: false },
);
diagram.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && (toggleGroup(event.target) || revealNode(event.target))) event.preventDefault();
});
window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && focus !== undefined) {
    setFocus(undefined);
    return;
  }
  if ((event.target as Element).closest?.('input, textarea, select')) return;
  if (event.key === '+' || event.key === '=') zoom(1.2);
  else if (event.key === '-') zoom(1 / 1.2);
  else if (event.key === '0') fitView();
  else if (event.key === 'f' && highlight.node !== undefined) setFocus(highlight.node);
  else if (event.key === '/') {
    event.preventDefault();
    controls.search.focus();
  }
});

document.getElementById('toolbar')!.addEventListener('click', (event) => {
  const action = (event.target as Element).closest('button')?.dataset.action;
  if (action === 'zoom-in') zoom(1.2);
  else if (action === 'zoom-out') zoom(1 / 1.2);
  else if (action === 'fit') fitView();
  else if (action === 'flows') toggleFlows();
  else if (action === 'mode-diagram') setMode('diagram');
  else if (action === 'mode-matrix') setMode('matrix');
  else if (action?.startsWith('export-')) void exportAs(action.slice('export-'.length) as ExportFormat);
});

const flowsSection = document.getElementById('flows') as HTMLElement;

/** Shows or hides the flows table; the diagram takes the room. */
function toggleFlows(): void {
  flowsSection.hidden = !flowsSection.hidden;
  document.querySelector('button[data-action="flows"]')?.setAttribute('aria-pressed', String(!flowsSection.hidden));
}

window.addEventListener('resize', () => {
  if (!view && mode === 'diagram') fitView();
});

// Follow the editor's theme: VS Code changes the body's classes.
new MutationObserver(() => {
  const next = currentTheme();
  if (next === theme) return;
  theme = next;
  applyRouteColors();
  if (mode === 'diagram') draw();
  else drawPending = true;
  if (shown) renderFlows(shown);
  if (mode === 'matrix') showMatrix(false);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// ---- Exports ----

function standaloneSvg(): string | undefined {
  return laid && renderSvg(laid, { theme, legend: true, title: laid.graph.title });
}

async function pngOf(svg: string): Promise<string> {
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the SVG could not be drawn as an image'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await loaded;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(image.width * scale);
  canvas.height = Math.ceil(image.height * scale);
  const context = canvas.getContext('2d')!;
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png');
}

async function exportAs(format: ExportFormat): Promise<void> {
  await rendering;
  // What the diagram shows: the overview (also before the graph came), the focus, the filters.
  if (!shown || !laid) return;
  if (format === 'mermaid') post({ type: 'exported', format, data: toMermaid(shown) });
  const svg = standaloneSvg();
  if (!svg) return;
  if (format === 'svg') post({ type: 'exported', format, data: svg });
  if (format === 'png') post({ type: 'exported', format, data: await pngOf(svg) });
}

// ---- Focus, filters and search ----

/** "gw-0003 (Data gateway)", "Users at Office 0003": an entity or group in words. */
function describe(id: string): string {
  const node = nodesById.get(id);
  const group = graph?.groups.find((g) => g.id === (node?.kind === 'site' ? node.group : id));
  if (node?.kind === 'site') return `Users at ${group?.label ?? id}`;
  if (node) return `${node.label} (${node.caption})`;
  return group?.label ?? id;
}

function setFocus(id: string | undefined): void {
  focus = id;
  if (id !== undefined) highlight = { node: id };
  void (rendering = render(true));
}

function updateFocusButton(): void {
  controls.setFocus(focus !== undefined ? describe(focus) : undefined, highlight.node !== undefined && highlight.node !== focus);
}

function updateControls(current: Overview | undefined): void {
  updateFocusButton();
  controls.setOverview(current ? current.collapsed.size + [...current.clusters.values()].reduce((n, groups) => n + groups.length, 0) : undefined, expanded.size > 0);
  controls.setSearchResult(search.matches.length, search.index);
}

function onControl(event: ControlEvent): void {
  switch (event.type) {
    case 'filter':
      filter = controls.filter();
      void (rendering = render(true));
      break;
    case 'search':
      search = { query: event.query, matches: graph ? searchNodes(graph, event.query) : [] };
      controls.setSearchResult(search.matches.length, undefined);
      applySearchMarks();
      if (mode === 'matrix') showMatrix(false);
      break;
    case 'search-next': {
      if (!search.matches.length) break;
      const index = search.index === undefined ? 0 : (search.index + 1) % search.matches.length;
      search = { ...search, index };
      controls.setSearchResult(search.matches.length, index);
      const match = search.matches[index];
      if (mode === 'matrix') {
        highlight = { node: match.id };
        applyMatrixHighlight(true);
      } else setFocus(match.id);
      break;
    }
    case 'focus':
      if (highlight.node !== undefined) setFocus(highlight.node);
      break;
    case 'clear-focus':
      setFocus(undefined);
      break;
    case 'collapse-all':
      expanded.clear();
      void (rendering = render(true));
      break;
  }
}

const controls = new Controls(document.getElementById('controls') as HTMLElement, onControl);

// ---- The route matrix ----

function setMode(next: 'diagram' | 'matrix'): void {
  if (next === mode) return;
  mode = next;
  document.body.classList.toggle('mode-matrix', mode === 'matrix');
  for (const button of document.querySelectorAll('button[data-action^="mode-"]')) {
    button.setAttribute('aria-pressed', String(button.getAttribute('data-action') === `mode-${mode}`));
  }
  matrixRoot.hidden = mode !== 'matrix';
  diagram.hidden = mode === 'matrix';
  if (mode === 'matrix') showMatrix(true);
  else if (drawPending) draw();
  else applyHighlight();
}

/** What the matrix shows: the filters' rows, columns and routes, the focus's rows and columns. */
function matrixSelection(data: RouteMatrix): MatrixSelection {
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

function showMatrix(scroll: boolean): void {
  if (!graph) return;
  matrix ??= routeMatrix(graph);
  matrixView ??= new MatrixView(matrixRoot, { reveal: (node) => post({ type: 'reveal', node }) }, (node) => nodesById.get(node)?.range !== undefined);
  matrixView.show(matrix, matrixSelection(matrix), theme);
  applyMatrixHighlight(scroll);
}

/** The row and column of the entity under the cursor (or picked), and the cells of its flows. */
function applyMatrixHighlight(scroll: boolean): void {
  if (!matrixView || !matrix || !graph) return;
  const ids = highlight.node !== undefined ? targetIds(graph, highlight.node) : new Set<string>();
  const flowIds = new Set(highlightedFlows().map((f) => f.id));
  const matches = new Set(search.matches.map((n) => n.id));
  const rows = new Set(matrix.rows.filter((r) => ids.has(r.node)).map((r) => r.id));
  const columns = new Set(matrix.columns.filter((c) => ids.has(c.id)).map((c) => c.id));
  const cells = new Set(matrix.cells.filter((c) => c.flows.some((f) => flowIds.has(f))).map((c) => cellKey(c.row, c.column)));
  const searched = new Set([...matrix.rows.filter((r) => matches.has(r.node)).map((r) => r.id), ...matrix.columns.filter((c) => matches.has(c.id)).map((c) => c.id)]);
  matrixView.setHighlight({ rows, columns, cells, searched }, scroll && (rows.size > 0 || columns.size > 0 || cells.size > 0));
}

/** The routes' colours as CSS variables (`--route-internet`), for the filters' swatches and the matrix. */
function applyRouteColors(): void {
  for (const [route, color] of Object.entries(PALETTES[theme].routes)) document.documentElement.style.setProperty(`--route-${route}`, color);
}

applyRouteColors();
renderLegend();
post({ type: 'ready' });
