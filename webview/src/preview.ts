/**
 * The preview webview: lays out and draws the graph the extension sends (the same layout and SVG as
 * `ppnet graph`), keeps zoom and pan across redraws and reloads, links nodes and the file both ways,
 * lists the flows, and produces the exports. Text from the file only ever becomes DOM text or escaped
 * SVG text.
 */
import type { ExportFormat, FromWebview, ToWebview } from '../../protocol/protocol';
import { parsePreviewState, PreviewState } from '../../protocol/protocol';
import type { LaidOutGraph } from '../../server/src/diagram/layout';
import { toMermaid } from '../../server/src/diagram/mermaid';
import { collapseGraph, OVERVIEW_NODE_LIMIT } from '../../server/src/diagram/overview';
import { renderSvg, renderSvgLayers } from '../../server/src/diagram/svg';
import { LEGEND_CLASSES, PALETTES, ROUTE_STYLES, ThemeKind } from '../../server/src/diagram/theme';
import type { EdgeClass, Graph, GraphFlow, GraphNode } from '../../server/src/service/graph';
import { LayoutClient } from './layoutClient';
import { startLayoutWorker } from './layoutWorkerStart';
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

const restored = parsePreviewState(vscode.getState());
let uri: string | undefined = restored?.uri;
let view = restored?.view;
let graph: Graph | undefined;
let laid: LaidOutGraph | undefined;
let viewport: SVGGElement | undefined;
let renderSequence = 0;
const patcher = new DiagramPatcher();
/** Lays graphs out in a worker, the newest only (layoutClient.ts); started now, while the first graph is on its way. */
const layouts = new LayoutClient(startLayoutWorker);
layouts.warm();
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
      rendering = showGraph(message.uri, message.graph, message.fit, message.version);
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

async function showGraph(newUri: string, newGraph: Graph, fit: boolean, version?: number): Promise<void> {
  const sequence = ++renderSequence;
  const switched = newUri !== uri;
  // A large topology opens as the overview: every group one node (diagram/overview.ts).
  const shown = newGraph.nodes.length > OVERVIEW_NODE_LIMIT ? collapseGraph(newGraph) : newGraph;
  let laidOut: LaidOutGraph | undefined;
  try {
    laidOut = await layouts.layout(shown, sequence);
  } catch (error) {
    if (sequence === renderSequence) showEmpty(`The diagram could not be laid out: ${(error as Error).message}`);
    return;
  }
  if (!laidOut || sequence !== renderSequence) return; // a newer graph arrived meanwhile
  uri = newUri;
  graph = newGraph;
  laid = laidOut;
  if (switched || fit) view = undefined;
  messageBox.hidden = true;
  // The table first: it takes its share of the height, which the fit must know.
  renderHeader(newGraph);
  renderFlows(newGraph);
  draw();
  saveState();
  post({ type: 'drawn', ...(version !== undefined && { version }), nodes: laidOut.nodes.length });
}

function showEmpty(text: string): void {
  patcher.reset();
  graph = undefined;
  laid = undefined;
  viewport = undefined;
  diagram.replaceChildren();
  flowRows.replaceChildren();
  countsText.textContent = '';
  messageBox.textContent = text;
  messageBox.hidden = false;
}

// ---- Drawing ----

function draw(): void {
  if (!laid) return;
  // After an edit, only the elements whose markup changed are replaced (svgPatch.ts).
  const layers = renderSvgLayers(laid, theme);
  if (viewport && patcher.patch(layers, theme)) {
    if (view) applyView();
    else fitView();
    applyHighlight();
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
  if (view) applyView();
  else fitView();
  applyHighlight();
  renderLegend();
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

function nodeById(id: string): GraphNode | undefined {
  return graph?.nodes.find((n) => n.id === id);
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function highlightAtCursor(line: number, character: number): void {
  if (!graph) return;
  const position = { line, character };
  const holders = graph.nodes.filter((n) => n.range && before(n.range.start, position) && before(position, n.range.end));
  // The innermost entity is the one that starts last.
  const node = holders.sort((a, b) => (before(a.range!.start, b.range!.start) ? -1 : 1)).pop();
  highlight = node ? { node: node.id } : {};
  applyHighlight();
}

function flowsOfNode(id: string): GraphFlow[] {
  if (!graph) return [];
  const edges = new Set(graph.edges.filter((e) => e.from === id || e.to === id).map((e) => e.id));
  return graph.flows.filter((f) => f.subject === id || f.edges.some((e) => edges.has(e)));
}

function applyHighlight(): void {
  const svg = diagram.querySelector('svg');
  if (!svg || !graph) return;
  const flows = highlight.flow ? graph.flows.filter((f) => f.id === highlight.flow) : highlight.node ? flowsOfNode(highlight.node) : [];
  const edges = new Set(flows.flatMap((f) => f.edges));
  const nodes = new Set<string>(highlight.node ? [highlight.node] : []);
  for (const edge of graph.edges) {
    if (edges.has(edge.id)) {
      nodes.add(edge.from);
      nodes.add(edge.to);
    }
  }
  const active = highlight.node !== undefined || highlight.flow !== undefined;
  svg.classList.toggle('has-highlight', active);
  for (const element of svg.querySelectorAll('[data-node]')) {
    const id = element.getAttribute('data-node')!;
    element.classList.toggle('highlight', id === highlight.node);
    element.classList.toggle('related', nodes.has(id));
  }
  for (const element of svg.querySelectorAll('[data-group]')) element.classList.toggle('related', nodes.has(element.getAttribute('data-group')!));
  for (const element of svg.querySelectorAll('[data-edge]')) element.classList.toggle('related', edges.has(element.getAttribute('data-edge')!));
  const flowIds = new Set(flows.map((f) => f.id));
  for (const row of flowRows.rows) row.classList.toggle('related', flowIds.has(row.dataset.flow ?? ''));
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

const FLOW_KIND_WORDS: Record<GraphFlow['kind'], string> = {
  users: 'Users',
  'static-content': 'Canvas static content',
  connector: 'Connector',
  'desktop-flow': 'Desktop flow',
  'azure-service': 'Azure service',
};

function renderFlows(current: Graph): void {
  // A page of rows at a time, and only those whose flow changed rebuilt (rows.ts): large tables are slow to lay out.
  const signature = (flow: GraphFlow) => JSON.stringify([theme, flow.kind, flow.fromLabel, flow.toLabel, flow.route, flow.expected, flow.reason, flow.source]);
  updateRows(flowRows, { items: current.flows, key: (flow) => flow.id, signature, render: (flow) => {
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
    row.append(element('td', FLOW_KIND_WORDS[flow.kind] ?? flow.kind), element('td', flow.fromLabel), element('td', flow.toLabel), route, why);
    return row;
  } }, 5);
  applyHighlight();
}

function pickFlow(row: HTMLTableRowElement): void {
  const flow = graph?.flows.find((f) => f.id === row.dataset.flow);
  if (!flow) return;
  highlight = { flow: flow.id };
  applyHighlight();
  if (nodeById(flow.subject)?.range) post({ type: 'reveal', node: flow.subject });
}

flowRows.addEventListener('click', (event) => {
  if ((event.target as Element).closest('a')) return;
  const row = (event.target as Element).closest('tr');
  if (row) pickFlow(row as HTMLTableRowElement);
});
flowRows.addEventListener('keydown', (event) => {
  const row = (event.target as Element).closest('tr');
  if (row && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    pickFlow(row as HTMLTableRowElement);
  }
});

// ---- Pointer and keyboard on the diagram ----

function revealNode(target: EventTarget | null): boolean {
  const nodeElement = (target as Element | null)?.closest?.('[data-node]');
  const id = nodeElement?.getAttribute('data-node');
  if (!id || !nodeById(id)?.range) return false;
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
  if (!wasDrag && diagram.contains(event.target as Node) && !revealNode(event.target)) {
    highlight = {};
    applyHighlight();
  }
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
  if ((event.key === 'Enter' || event.key === ' ') && revealNode(event.target)) event.preventDefault();
});
window.addEventListener('keydown', (event) => {
  if ((event.target as Element).closest?.('input, textarea')) return;
  if (event.key === '+' || event.key === '=') zoom(1.2);
  else if (event.key === '-') zoom(1 / 1.2);
  else if (event.key === '0') fitView();
});

document.getElementById('toolbar')!.addEventListener('click', (event) => {
  const action = (event.target as Element).closest('button')?.dataset.action;
  if (action === 'zoom-in') zoom(1.2);
  else if (action === 'zoom-out') zoom(1 / 1.2);
  else if (action === 'fit') fitView();
  else if (action === 'flows') toggleFlows();
  else if (action?.startsWith('export-')) void exportAs(action.slice('export-'.length) as ExportFormat);
});

const flowsSection = document.getElementById('flows') as HTMLElement;

/** Shows or hides the flows table; the diagram takes the room. */
function toggleFlows(): void {
  flowsSection.hidden = !flowsSection.hidden;
  document.querySelector('button[data-action="flows"]')?.setAttribute('aria-pressed', String(!flowsSection.hidden));
}

window.addEventListener('resize', () => {
  if (!view) fitView();
});

// Follow the editor's theme: VS Code changes the body's classes.
new MutationObserver(() => {
  const next = currentTheme();
  if (next === theme) return;
  theme = next;
  draw();
  if (graph) renderFlows(graph);
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
  if (!graph || !laid) return;
  if (format === 'mermaid') post({ type: 'exported', format, data: toMermaid(graph) });
  const svg = standaloneSvg();
  if (!svg) return;
  if (format === 'svg') post({ type: 'exported', format, data: svg });
  if (format === 'png') post({ type: 'exported', format, data: await pngOf(svg) });
}

renderLegend();
post({ type: 'ready' });
