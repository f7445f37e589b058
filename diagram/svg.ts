/**
 * Draws a laid-out graph as an SVG document (a string), for the webview and for `ppnet graph`.
 * Every text from the file is escaped; colours are presentation attributes, so the SVG needs no
 * stylesheet (a strict Content-Security-Policy blocks inline styles) and stands alone when exported.
 */
import type { GraphEdge, GraphFlow, NodeDiagnostic } from '../protocol/graph';
import { FONTS, GROUP_HEADER, LaidOutGraph, NODE_PADDING_X, PlacedGroup, PlacedNode, Point } from './geometry';
import { textWidth } from './measure';
import { LEGEND_CLASSES, Palette, PALETTES, ROUTE_STYLES, ThemeKind } from './theme';

export const FONT_FAMILY = "'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

export interface SvgOptions {
  theme: ThemeKind;
  /** Draw the route legend below the diagram (exports); the webview shows its own. */
  legend?: boolean;
  /** A title drawn above the diagram (exports). */
  title?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML content and attribute values; drops characters XML cannot hold. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is what this does
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const n = (value: number) => String(Math.round(value * 10) / 10);

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? n(v) : v!)}"`)
    .join('');
}

function text(x: number, y: number, content: string, extra: Record<string, string | number | undefined>): string {
  return `<text${attrs({ x, y, ...extra })}>${escapeXml(content)}</text>`;
}

const LEGEND_ROW = 22;
const TITLE_HEIGHT = 36;

/** The diagram's elements, layer by layer, each with the id it is drawn for (`data-group`, `data-edge`, `data-node`). */
export interface SvgLayers {
  groups: [string, string][];
  edges: [string, string][];
  nodes: [string, string][];
}

/** The markup of every group, edge and node, in drawing order: the webview redraws only those that changed. */
export function renderSvgLayers(laid: LaidOutGraph, theme: ThemeKind): SvgLayers {
  const palette = PALETTES[theme];
  const edgesById = new Map(laid.graph.edges.map((e) => [e.id, e]));
  const flowsById = new Map(laid.graph.flows.map((f) => [f.id, f]));
  const edges: [string, string][] = [];
  for (const placed of laid.edges) {
    const edge = edgesById.get(placed.id);
    if (edge) edges.push([edge.id, edgeSvg(edge, placed.points, palette, flowsById)]);
  }
  return {
    groups: laid.groups.map((g) => [g.group.id, groupSvg(g, palette)]),
    edges,
    nodes: laid.nodes.map((node) => [node.node.id, nodeSvg(node, palette)]),
  };
}

/** `layers`: when the caller has them already (renderSvgLayers with the same theme). */
export function renderSvg(laid: LaidOutGraph, options: SvgOptions, layers: SvgLayers = renderSvgLayers(laid, options.theme)): string {
  const palette = PALETTES[options.theme];
  const top = options.title !== undefined ? TITLE_HEIGHT : 0;
  const legendHeight = options.legend ? 16 + LEGEND_ROW * 2 : 0;
  const width = Math.max(laid.width, options.legend ? 560 : 0);
  const height = top + laid.height + legendHeight;
  const markup = (layer: [string, string][]) => layer.map(([, element]) => element);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      viewBox: `0 0 ${n(width)} ${n(height)}`,
      width,
      height,
      'font-family': FONT_FAMILY,
      class: 'ppnet-graph',
      'data-theme': options.theme,
      role: 'img',
    })}>`,
  );
  parts.push(`<title>${escapeXml(laid.graph.title)}</title>`);
  parts.push(markers(palette));
  parts.push(`<rect class="background"${attrs({ x: 0, y: 0, width, height, fill: palette.background })}/>`);
  if (options.title !== undefined) {
    parts.push(text(24, 24, options.title, { 'font-size': 16, 'font-weight': 'bold', fill: palette.text }));
  }
  parts.push(`<g class="diagram"${top ? attrs({ transform: `translate(0 ${top})` }) : ''}>`);
  parts.push('<g class="groups">', ...markup(layers.groups), '</g>');
  parts.push('<g class="edges">', ...markup(layers.edges), '</g>');
  parts.push('<g class="nodes">', ...markup(layers.nodes), '</g>');
  parts.push('</g>');
  if (options.legend) parts.push(legendSvg(palette, top + laid.height + 8));
  parts.push('</svg>');
  return parts.join('\n');
}

function markers(palette: Palette): string {
  const color = palette.routes['no-route'];
  return (
    '<defs>' +
    `<marker id="ppnet-no-route-end" viewBox="0 0 12 12" refX="6" refY="6" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto">` +
    `<path d="M2 2 L10 10 M10 2 L2 10"${attrs({ stroke: color, 'stroke-width': 2.2, 'stroke-linecap': 'round', fill: 'none' })}/></marker>` +
    '</defs>'
  );
}

function groupSvg(placed: PlacedGroup, palette: Palette): string {
  const style = palette.groups[placed.group.kind];
  const dashed = placed.group.kind === 'internet' ? '6 4' : undefined;
  return [
    `<g${attrs({ class: `group group-${placed.group.kind}`, 'data-group': placed.group.id, 'data-kind': placed.group.kind })}>`,
    `<title>${escapeXml(placed.group.detail ? `${placed.group.label} (${placed.group.detail})` : placed.group.label)}</title>`,
    `<rect${attrs({ x: placed.x, y: placed.y, width: placed.width, height: placed.height, rx: 10, fill: style.fill, stroke: style.stroke, 'stroke-width': 1.2, 'stroke-dasharray': dashed })}/>`,
    text(placed.x + 14, placed.y + 20, placed.label, { 'font-size': FONTS.groupLabel.size, 'font-weight': 'bold', fill: style.text, class: 'group-label' }),
    placed.detail !== undefined
      ? text(placed.x + 14, placed.y + GROUP_HEADER - 4, placed.detail, { 'font-size': FONTS.groupDetail.size, fill: style.text, 'fill-opacity': 0.8, class: 'group-detail' })
      : '',
    '</g>',
  ].join('');
}

function pathOf(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join(' ');
}

/** The flows an edge's tooltip names. */
const MAX_TITLE_FLOWS = 12;

/** Where a bundle's count goes: the middle of its longest segment. */
function countPosition(points: Point[]): Point | undefined {
  let best: Point | undefined;
  let longest = -1;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    const length = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    if (length > longest) {
      longest = length;
      best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  return best;
}

function edgeSvg(edge: GraphEdge, points: Point[], palette: Palette, flowsById: ReadonlyMap<string, GraphFlow>): string {
  const style = ROUTE_STYLES[edge.route];
  // In edge order, in one lookup each: an edge of a large graph carries many flows.
  const flows = edge.flows.flatMap((id) => flowsById.get(id) ?? []);
  const bundled = edge.count !== undefined && edge.count > 1 ? edge.count : undefined;
  // A bundle of the overview may carry hundreds of flows: the tooltip names the first few.
  const named = flows.slice(0, MAX_TITLE_FLOWS).map((f) => `${f.fromLabel} → ${f.toLabel}`);
  if (flows.length > MAX_TITLE_FLOWS) named.push(`and ${flows.length - MAX_TITLE_FLOWS} more`);
  const title = flows.length ? `${style.label}${bundled ? ` (${bundled} edges)` : ''}: ${named.join('; ')}` : style.label;
  const at = bundled ? countPosition(points) : undefined;
  const d = pathOf(points);
  return [
    `<g${attrs({ class: `edge route-${edge.route}`, 'data-edge': edge.id, 'data-route': edge.route, 'data-from': edge.from, 'data-to': edge.to })}>`,
    `<title>${escapeXml(title)}</title>`,
    // A wide transparent stroke under the line makes it easy to point at.
    `<path${attrs({ d, fill: 'none', stroke: 'transparent', 'stroke-width': 12, class: 'edge-hit' })}/>`,
    `<path${attrs({
      d,
      fill: 'none',
      stroke: palette.routes[edge.route],
      'stroke-width': style.width,
      'stroke-dasharray': style.dash,
      'stroke-linecap': edge.route === 'microsoft-backbone' ? 'round' : 'butt',
      'stroke-linejoin': 'round',
      'marker-end': edge.route === 'no-route' ? 'url(#ppnet-no-route-end)' : undefined,
      class: 'edge-line',
    })}/>`,
    at ? text(at.x + 4, at.y - 4, `×${bundled}`, { 'font-size': 11, 'font-weight': 'bold', fill: palette.routes[edge.route], class: 'edge-count' }) : '',
    '</g>',
  ].join('');
}

function tooltip(placed: PlacedNode): string {
  const { node } = placed;
  const lines = [`${node.label} (${node.caption})`];
  if (node.detail) lines.push(node.detail);
  for (const d of node.diagnostics) lines.push(`${d.severity} ${d.code}: ${d.message}`);
  if (node.drift?.length) lines.push(`Differs from what is deployed (${node.drift.map((d) => d.code).join(', ')})`);
  return lines.join('\n');
}

/** The drift mark, at the bottom right: a Δ that says the entity differs from what is deployed. */
function driftMark(placed: PlacedNode, palette: Palette): string {
  const cx = placed.x + placed.width - 14;
  const cy = placed.y + placed.height - 12;
  const count = placed.node.drift!.length;
  return (
    `<g${attrs({ class: 'badge badge-drift' })}>` +
    `<rect${attrs({ x: cx - 9, y: cy - 8, width: 18, height: 16, rx: 4, fill: palette.drift })}/>` +
    text(cx, cy + 4.5, 'Δ', { 'font-size': 12, 'font-weight': 'bold', fill: palette.onBadge, 'text-anchor': 'middle' }) +
    (count > 1 ? text(cx - 12, cy + 4, String(count), { 'font-size': 10, 'font-weight': 'bold', fill: palette.drift, 'text-anchor': 'end' }) : '') +
    '</g>'
  );
}

function badge(placed: PlacedNode, palette: Palette, worst: NodeDiagnostic['severity']): string {
  const cx = placed.x + placed.width - 14;
  const cy = placed.y + 14;
  const count = placed.node.diagnostics.filter((d) => d.severity === worst).length;
  if (worst === 'error') {
    return (
      `<g${attrs({ class: 'badge badge-error' })}>` +
      `<circle${attrs({ cx, cy, r: 8, fill: palette.error })}/>` +
      `<path${attrs({ d: `M${n(cx - 3)} ${n(cy - 3)} L${n(cx + 3)} ${n(cy + 3)} M${n(cx + 3)} ${n(cy - 3)} L${n(cx - 3)} ${n(cy + 3)}`, stroke: palette.onBadge, 'stroke-width': 2, 'stroke-linecap': 'round' })}/>` +
      (count > 1 ? text(cx - 11, cy + 4, String(count), { 'font-size': 10, 'font-weight': 'bold', fill: palette.error, 'text-anchor': 'end' }) : '') +
      '</g>'
    );
  }
  return (
    `<g${attrs({ class: 'badge badge-warning' })}>` +
    `<path${attrs({ d: `M${n(cx)} ${n(cy - 8)} L${n(cx + 8.5)} ${n(cy + 7)} L${n(cx - 8.5)} ${n(cy + 7)} Z`, fill: palette.warning, 'stroke-linejoin': 'round' })}/>` +
    `<path${attrs({ d: `M${n(cx)} ${n(cy - 3)} L${n(cx)} ${n(cy + 2)} M${n(cx)} ${n(cy + 4.6)} L${n(cx)} ${n(cy + 4.8)}`, stroke: palette.onBadge, 'stroke-width': 1.8, 'stroke-linecap': 'round' })}/>` +
    (count > 1 ? text(cx - 11, cy + 4, String(count), { 'font-size': 10, 'font-weight': 'bold', fill: palette.warning, 'text-anchor': 'end' }) : '') +
    '</g>'
  );
}

function nodeSvg(placed: PlacedNode, palette: Palette): string {
  const { node } = placed;
  const marked = node.severity === 'error' || node.severity === 'warning' ? node.severity : undefined;
  // A collapsed group (the overview) takes its group's colours.
  const groupStyle = node.collapsed ? palette.groups[node.collapsed.kind] : undefined;
  const stroke = marked === 'error' ? palette.error : marked === 'warning' ? palette.warning : groupStyle?.stroke ?? palette.nodeStroke;
  const x = placed.x + NODE_PADDING_X;
  let y = placed.y + 9 + FONTS.caption.size;
  const lines = [text(x, y, placed.caption, { 'font-size': FONTS.caption.size, fill: palette.muted, 'letter-spacing': 0.4, class: 'node-caption' })];
  y += Math.round(FONTS.label.size * 1.35);
  lines.push(text(x, y, placed.label, { 'font-size': FONTS.label.size, 'font-weight': 'bold', fill: palette.text, class: 'node-label' }));
  if (placed.detail !== undefined) {
    y += Math.round(FONTS.detail.size * 1.35);
    lines.push(text(x, y, placed.detail, { 'font-size': FONTS.detail.size, fill: palette.muted, class: 'node-detail' }));
  }
  return [
    `<g${attrs({
      class: `node kind-${node.kind}${node.severity ? ` severity-${node.severity}` : ''}${node.drift?.length ? ' drifted' : ''}`,
      'data-node': node.id,
      'data-drift': node.drift?.length ? node.drift.map((d) => d.code).join(' ') : undefined,
      'data-kind': node.kind,
      'data-severity': node.severity,
      'data-group-kind': node.collapsed?.kind,
      tabindex: node.range ? 0 : undefined,
      role: node.range ? 'button' : undefined,
    })}>`,
    `<title>${escapeXml(tooltip(placed))}</title>`,
    `<rect${attrs({ class: 'node-box', x: placed.x, y: placed.y, width: placed.width, height: placed.height, rx: 7, fill: groupStyle?.fill ?? palette.nodeFill, stroke, 'stroke-width': marked ? 2.2 : 1.2 })}/>`,
    `<rect${attrs({ class: 'node-accent', x: placed.x + 0.6, y: placed.y + 6, width: 4, height: placed.height - 12, rx: 2, fill: groupStyle?.text ?? palette.accents[node.kind] })}/>`,
    ...lines,
    marked ? badge(placed, palette, marked) : '',
    node.drift?.length ? driftMark(placed, palette) : '',
    '</g>',
  ].join('');
}

function legendSvg(palette: Palette, top: number): string {
  const parts = ['<g class="legend">'];
  let x = 24;
  let y = top + 18;
  for (const route of LEGEND_CLASSES) {
    const style = ROUTE_STYLES[route];
    const labelWidth = textWidth(style.label, { size: 12 });
    if (x + 44 + labelWidth > 540) {
      x = 24;
      y += LEGEND_ROW;
    }
    parts.push(
      `<g${attrs({ class: `legend-item route-${route}`, 'data-route': route })}>`,
      `<path${attrs({ d: `M${x} ${y} L${x + 34} ${y}`, stroke: palette.routes[route], 'stroke-width': style.width, 'stroke-dasharray': style.dash, 'stroke-linecap': route === 'microsoft-backbone' ? 'round' : 'butt' })}/>`,
      text(x + 42, y + 4, style.label, { 'font-size': 12, fill: palette.text }),
      '</g>',
    );
    x += 42 + labelWidth + 28;
  }
  parts.push('</g>');
  return parts.join('');
}
