/**
 * The overview's marks on the drawn SVG: the count on each bundled edge, collapsed groups and clusters
 * as buttons that expand them, and a collapse button in the header of each expanded group. Built with
 * DOM calls only (numbers and fixed words; names stay in the SVG's escaped text).
 */
import type { LaidOutGraph, Point } from '../../diagram/layout';
import { PALETTES, ThemeKind } from '../../diagram/theme';
import type { Overview } from '../../diagram/overview';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** The point halfway along a polyline, and whether the stretch there runs horizontally. */
export function midpoint(points: Point[]): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let rest = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (rest <= lengths[i] && lengths[i] > 0) {
      const t = rest / lengths[i];
      return { x: points[i].x + (points[i + 1].x - points[i].x) * t, y: points[i].y + (points[i + 1].y - points[i].y) * t };
    }
    rest -= lengths[i];
  }
  return points[0] ?? { x: 0, y: 0 };
}

/**
 * Adds the overview's marks to the SVG drawn from `laid`. Idempotent: an element that has its mark keeps
 * it, so that it can run again after a redraw that replaced only some elements.
 */
export function decorateOverview(svg: SVGSVGElement, laid: LaidOutGraph, overview: Overview, theme: ThemeKind): void {
  const palette = PALETTES[theme];
  const placedEdges = new Map(laid.edges.map((e) => [e.id, e]));
  const counts = new Map(overview.graph.edges.map((e) => [e.id, e.count]));
  for (const element of svg.querySelectorAll<SVGGElement>('[data-edge]')) {
    const id = element.getAttribute('data-edge')!;
    const count = counts.get(id);
    const placed = placedEdges.get(id);
    if (count === undefined || !placed) continue;
    element.classList.add('bundle');
    element.setAttribute('data-count', String(count));
    // One edge stands for itself; the SVG may draw the count already.
    if (count < 2 || placed.points.length < 2 || element.querySelector('.edge-count')) continue;
    const at = midpoint(placed.points);
    const label = svgElement('text', {
      class: 'edge-count',
      x: Math.round(at.x * 10) / 10,
      y: Math.round((at.y + 4) * 10) / 10,
      'text-anchor': 'middle',
      'font-size': 11,
      'font-weight': 'bold',
      fill: palette.routes[element.getAttribute('data-route') as keyof typeof palette.routes] ?? palette.text,
      stroke: palette.background,
      'stroke-width': 3,
      'paint-order': 'stroke',
    });
    label.textContent = `×${count}`;
    element.appendChild(label);
  }
  for (const element of svg.querySelectorAll<SVGGElement>('[data-node]')) {
    const id = element.getAttribute('data-node')!;
    const members = overview.clusters.get(id)?.length;
    if ((!overview.collapsed.has(id) && members === undefined) || element.hasAttribute('data-expand')) continue;
    element.classList.add(members === undefined ? 'collapsed-group' : 'collapsed-cluster');
    element.setAttribute('data-expand', id);
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
    element.setAttribute('aria-expanded', 'false');
    const box = element.querySelector('.node-box');
    if (box) {
      // A second outline behind the box: a stack of nodes.
      const x = Number(box.getAttribute('x'));
      const y = Number(box.getAttribute('y'));
      const shadow = svgElement('rect', {
        class: 'node-stack',
        x: x + 4,
        y: y + 4,
        width: box.getAttribute('width') ?? 0,
        height: box.getAttribute('height') ?? 0,
        rx: 7,
        fill: palette.nodeFill,
        stroke: palette.nodeStroke,
        'stroke-width': 1.2,
      });
      element.insertBefore(shadow, element.firstChild?.nextSibling ?? null);
    }
  }
  for (const placed of laid.groups) {
    const element = svg.querySelector<SVGGElement>(`[data-group="${CSS.escape(placed.group.id)}"]`);
    if (!element || element.querySelector('.group-toggle')) continue;
    const size = 18;
    const x = placed.x + placed.width - size - 8;
    const y = placed.y + 8;
    const toggle = svgElement('g', { class: 'group-toggle', 'data-collapse': placed.group.id, tabindex: 0, role: 'button', 'aria-label': 'Collapse this group' });
    const title = svgElement('title', {});
    title.textContent = 'Collapse this group';
    toggle.append(
      title,
      svgElement('rect', { x, y, width: size, height: size, rx: 4, fill: palette.nodeFill, stroke: palette.nodeStroke }),
      svgElement('path', { d: `M${x + 5} ${y + size / 2} L${x + size - 5} ${y + size / 2}`, stroke: palette.text, 'stroke-width': 2, 'stroke-linecap': 'round' }),
    );
    element.appendChild(toggle);
  }
}
