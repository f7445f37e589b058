/**
 * The diagram as draw.io's file (uncompressed mxGraph XML), for architects who document in draw.io,
 * Confluence or Visio-like tools: the same layout as the SVG (the same positions, so the two pictures
 * match), groups as containers holding their nodes, edges with the routes' colours, widths and dashes
 * through the same bend points. Every name is escaped; line breaks in a label are `&#10;`.
 */
import { escapeXml } from './svg';
import type { LaidOutGraph, PlacedGroup, PlacedNode, Point } from './geometry';
import { PALETTES, ROUTE_STYLES, ThemeKind } from './theme';

export interface DrawioOptions {
  theme: ThemeKind;
}

const n = (value: number) => String(Math.round(value * 10) / 10);

/** draw.io's style string: `key=value;` pairs (no names go in it, only colours and numbers). */
const style = (entries: Record<string, string | number | undefined>) =>
  Object.entries(entries)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${v};`)
    .join('');

/** A label's lines as one attribute value. */
const label = (lines: (string | undefined)[]) => lines.filter((l): l is string => l !== undefined && l !== '').map(escapeXml).join('&#10;');

function geometry(x: number, y: number, width: number, height: number): string {
  return `<mxGeometry x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" as="geometry"/>`;
}

export function toDrawio(laid: LaidOutGraph, { theme }: DrawioOptions): string {
  const palette = PALETTES[theme];
  const groups = new Map(laid.groups.map((g) => [g.group.id, g]));
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];

  for (const placed of laid.groups) cells.push(groupCell(placed, theme));
  for (const placed of laid.nodes) {
    // A node inside a drawn group is its child, placed relative to it, so that moving the group moves it.
    const parent = placed.node.group !== undefined ? groups.get(placed.node.group) : undefined;
    cells.push(nodeCell(placed, parent, theme));
  }
  const edges = new Map(laid.graph.edges.map((e) => [e.id, e]));
  const drawn = new Set([...laid.nodes.map((p) => p.node.id), ...laid.groups.map((g) => g.group.id)]);
  for (const placed of laid.edges) {
    const edge = edges.get(placed.id);
    if (!edge) continue;
    const route = ROUTE_STYLES[edge.route];
    const edgeStyle = style({
      endArrow: edge.route === 'no-route' ? 'cross' : 'none',
      html: 0,
      rounded: 0,
      edgeStyle: 'none',
      strokeColor: palette.routes[edge.route],
      strokeWidth: route.width,
      dashed: route.dash ? 1 : undefined,
      dashPattern: route.dash || undefined,
    });
    const ends = `${drawn.has(edge.from) ? ` source="${escapeXml(edge.from)}"` : ''}${drawn.has(edge.to) ? ` target="${escapeXml(edge.to)}"` : ''}`;
    cells.push(
      `<mxCell id="${escapeXml(edge.id)}" value="${escapeXml(edge.count && edge.count > 1 ? `×${edge.count}` : '')}" style="${edgeStyle}" edge="1" parent="1"${ends}>` +
        edgeGeometry(placed.points) +
        '</mxCell>',
    );
  }
  const model =
    `<mxGraphModel dx="0" dy="0" grid="0" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" ` +
    `pageWidth="${n(laid.width)}" pageHeight="${n(laid.height)}" background="${palette.background}" math="0" shadow="0">`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<mxfile host="ppnet" type="device">',
    `  <diagram id="ppnet" name="${escapeXml(laid.graph.title || 'Topology')}">`,
    `    ${model}`,
    '      <root>',
    ...cells.map((cell) => `        ${cell}`),
    '      </root>',
    '    </mxGraphModel>',
    '  </diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}

function edgeGeometry(points: Point[]): string {
  if (points.length < 2) return '<mxGeometry relative="1" as="geometry"/>';
  const [first, last] = [points[0], points[points.length - 1]];
  const bends = points.slice(1, -1).map((p) => `<mxPoint x="${n(p.x)}" y="${n(p.y)}"/>`).join('');
  return (
    '<mxGeometry relative="1" as="geometry">' +
    `<mxPoint x="${n(first.x)}" y="${n(first.y)}" as="sourcePoint"/>` +
    `<mxPoint x="${n(last.x)}" y="${n(last.y)}" as="targetPoint"/>` +
    (bends ? `<Array as="points">${bends}</Array>` : '') +
    '</mxGeometry>'
  );
}

function groupCell(placed: PlacedGroup, theme: ThemeKind): string {
  const colours = PALETTES[theme].groups[placed.group.kind];
  const groupStyle = style({
    rounded: 1,
    arcSize: 4,
    absoluteArcSize: 1,
    whiteSpace: 'wrap',
    html: 0,
    container: 1,
    collapsible: 0,
    fillColor: colours.fill,
    strokeColor: colours.stroke,
    fontColor: colours.text,
    dashed: placed.group.kind === 'internet' ? 1 : undefined,
    verticalAlign: 'top',
    align: 'left',
    spacingLeft: 14,
    spacingTop: 4,
    fontStyle: 1,
  });
  return (
    `<mxCell id="${escapeXml(placed.group.id)}" value="${label([placed.label, placed.detail])}" style="${groupStyle}" vertex="1" parent="1">` +
    geometry(placed.x, placed.y, placed.width, placed.height) +
    '</mxCell>'
  );
}

function nodeCell(placed: PlacedNode, parent: PlacedGroup | undefined, theme: ThemeKind): string {
  const palette = PALETTES[theme];
  const { node } = placed;
  const marked = node.severity === 'error' ? palette.error : node.severity === 'warning' ? palette.warning : undefined;
  const groupColours = node.collapsed ? palette.groups[node.collapsed.kind] : undefined;
  const nodeStyle = style({
    rounded: 1,
    arcSize: 7,
    absoluteArcSize: 1,
    whiteSpace: 'wrap',
    html: 0,
    fillColor: groupColours?.fill ?? palette.nodeFill,
    strokeColor: marked ?? groupColours?.stroke ?? palette.nodeStroke,
    strokeWidth: marked ? 2.2 : 1.2,
    fontColor: palette.text,
    align: 'left',
    verticalAlign: 'top',
    spacingLeft: 14,
    spacingTop: 6,
  });
  const x = placed.x - (parent?.x ?? 0);
  const y = placed.y - (parent?.y ?? 0);
  return (
    `<mxCell id="${escapeXml(node.id)}" value="${label([placed.caption, placed.label, placed.detail])}" style="${nodeStyle}" vertex="1" parent="${escapeXml(parent?.group.id ?? '1')}">` +
    geometry(x, y, placed.width, placed.height) +
    '</mxCell>'
  );
}
