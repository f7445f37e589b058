/**
 * The words around the drawing, all DOM text: the header (the file's title and its error and warning
 * counts), the legend of route classes, the routes' colours as CSS variables, and the flows table (a
 * row per flow: kind, ends, route, reason and source, and what drifted from the deployment on its way),
 * listed a page at a time.
 */
import { LEGEND_CLASSES, PALETTES, ROUTE_STYLES } from '../../diagram/theme';
import type { EdgeClass, Graph, GraphFlow } from '../../protocol/graph';
import { FLOW_WORDS } from '../../protocol/vocabulary';
import { showHighlight } from './highlight';
import type { Page } from './page';
import { FLOW_ROWS_PAGE } from './state';

const SVG_NS = 'http://www.w3.org/2000/svg';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  if (className) created.className = className;
  return created;
}

export function renderHeader(page: Page, current: Graph): void {
  const { titleText, counts } = page.dom;
  titleText.textContent = current.title;
  const parts = (['error', 'warning'] as const)
    .filter((severity) => current.counts[severity] > 0)
    .map((severity) => `${current.counts[severity]} ${severity}${current.counts[severity] === 1 ? '' : 's'}`);
  counts.textContent = parts.length ? parts.join(' · ') : 'no errors or warnings';
  counts.className = current.counts.error ? 'has-errors' : current.counts.warning ? 'has-warnings' : '';
}

/** A short stroke drawn as the route's edges are, in the theme's colour. */
function routeSample(page: Page, route: EdgeClass): SVGSVGElement {
  const style = ROUTE_STYLES[route];
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '34');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG_NS, 'path');
  line.setAttribute('d', 'M2 5 L32 5');
  line.setAttribute('stroke', PALETTES[page.state.theme].routes[route]);
  line.setAttribute('stroke-width', String(style.width));
  if (style.dash) line.setAttribute('stroke-dasharray', style.dash);
  if (route === 'microsoft-backbone') line.setAttribute('stroke-linecap', 'round');
  svg.appendChild(line);
  return svg;
}

export function renderLegend(page: Page): void {
  const items = LEGEND_CLASSES.map((route) => {
    const item = element('div', undefined, `legend-item route-${route}`);
    item.title = ROUTE_STYLES[route].description;
    item.append(routeSample(page, route), element('span', ROUTE_STYLES[route].label));
    return item;
  });
  const marks = element('div', undefined, 'legend-item legend-marks');
  marks.append(element('span', '✕', 'mark-error'), element('span', 'error'), element('span', '!', 'mark-warning'), element('span', 'warning'));
  // The drift mark is explained only where a deployed folder gave the graph some drift.
  if (page.state.drawn?.graph.nodes.some((n) => n.drift?.length)) {
    const delta = element('span', 'Δ', 'mark-drift');
    delta.style.background = PALETTES[page.state.theme].drift;
    marks.append(delta, element('span', 'differs from what is deployed'));
  }
  page.dom.legend.replaceChildren(...items, marks);
}

/** The routes' colours as CSS variables (`--route-internet`), for the filters' swatches and the matrix. */
export function applyRouteColors(page: Page): void {
  for (const [route, color] of Object.entries(PALETTES[page.state.theme].routes)) document.documentElement.style.setProperty(`--route-${route}`, color);
}

/** What drifted on a flow's way (its entity, its environment, every node its edges touch), one line per finding. */
function driftLines(graph: Graph | undefined): (flow: GraphFlow) => string[] {
  if (!graph?.nodes.some((n) => n.drift?.length)) return () => [];
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  return (flow) => {
    const ids = new Set<string>([flow.subject, ...(flow.environment ? [flow.environment] : [])]);
    for (const id of flow.edges) {
      const edge = edges.get(id);
      if (edge) ids.add(edge.from).add(edge.to);
    }
    return [...ids].flatMap((id) => (nodes.get(id)?.drift ?? []).map((d) => `Δ ${nodes.get(id)!.label} differs from what is deployed (${d.code}): ${d.message}`));
  };
}

function flowRow(page: Page, flow: GraphFlow, drift: string[]): HTMLTableRowElement {
  const row = element('tr');
  row.dataset.flow = flow.id;
  row.tabIndex = 0;
  const route = element('td', undefined, `route route-${flow.route}`);
  route.append(routeSample(page, flow.route), element('span', ROUTE_STYLES[flow.route].label));
  if (flow.expected && flow.expected !== flow.route) {
    route.append(element('div', `the file expects ${ROUTE_STYLES[flow.expected].label}`, 'expected'));
  }
  const why = element('td', flow.reason, 'reason');
  if (/^https:\/\//.test(flow.source)) {
    const link = element('a', 'source');
    link.href = flow.source;
    why.append(' ', link);
  }
  for (const line of drift) why.append(element('div', line, 'drift'));
  row.append(element('td', FLOW_WORDS[flow.kind]?.label ?? flow.kind), element('td', flow.fromLabel), element('td', flow.toLabel), route, why);
  return row;
}

/** The flows of what is drawn, the first `flowRowLimit` of them; before the graph, how many are coming. */
export function renderFlows(page: Page): void {
  const { state, dom } = page;
  const theme = state.theme;
  const drift = driftLines(state.drawn?.graph);
  const rows = {
    key: (flow: GraphFlow) => flow.id,
    // What a flow's row shows: a row is rebuilt only when this changes (rows.ts).
    signature: (flow: GraphFlow) => JSON.stringify([theme, flow.kind, flow.fromLabel, flow.toLabel, flow.route, flow.expected, flow.reason, flow.source, drift(flow)]),
    render: (flow: GraphFlow) => flowRow(page, flow, drift(flow)),
  };
  if (state.flowsToCome !== undefined) {
    // An opening overview: the flows come with the graph.
    dom.moreFlowsCell.textContent = `${state.flowsToCome} flows: listing them…`;
    page.flowTable.update([], rows, [dom.moreFlows]);
    return;
  }
  const flows = state.drawn?.graph.flows ?? [];
  const hidden = flows.length - state.flowRowLimit;
  if (hidden > 0) dom.moreFlowsCell.textContent = `${hidden} more flows: show ${Math.min(hidden, FLOW_ROWS_PAGE)} more, or filter, search or focus to list them.`;
  // Rows whose flow did not change stay (rows.ts): rebuilding hundreds of rows was most of a redraw.
  page.flowTable.update(flows.slice(0, state.flowRowLimit), rows, hidden > 0 ? [dom.moreFlows] : []);
  showHighlight(page);
}

export function showMoreFlows(page: Page): void {
  page.state.flowRowLimit += FLOW_ROWS_PAGE;
  if (page.state.drawn) renderFlows(page);
}
