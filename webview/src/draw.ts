/**
 * The last step of the drawing path: the SVG of the layout (diagram/svg.ts, as `ppnet graph` draws it)
 * into the page, patched where only some elements changed (svgPatch.ts), then the overview's marks, the
 * view, the highlight, the search's marks and the legend on it.
 */
import { renderSvg, renderSvgLayers } from '../../diagram/svg';
import { renderLegend } from './flowsTable';
import { markDiagram, markSearch } from './highlight';
import { decorateOverview } from './overviewMarks';
import type { Page } from './page';
import { applyView, fitView } from './viewport';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Draws the layout in the state; `false` when its SVG could not be read (the caller says so). */
export function draw(page: Page): boolean {
  const { state, dom, patcher } = page;
  const laid = state.drawn?.laid;
  if (!laid) return true;
  state.drawPending = false;
  // After an edit, only the elements whose markup changed are replaced (svgPatch.ts).
  const layers = renderSvgLayers(laid, state.theme);
  const drawn = state.viewport?.ownerSVGElement;
  if (drawn && patcher.patch(layers, state.theme)) {
    finishDraw(page, drawn);
    return true;
  }
  const parsed = new DOMParser().parseFromString(renderSvg(laid, { theme: state.theme }, layers), 'image/svg+xml');
  const source = parsed.documentElement;
  if (!(source instanceof SVGSVGElement)) return false;
  const svg = document.importNode(source, true);
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
  dom.diagram.replaceChildren(svg);
  state.viewport = group;
  patcher.remember(group, layers, state.theme);
  finishDraw(page, svg);
  return true;
}

/** The overview's marks, the view, the highlight and the search's marks on a drawing just made or patched. */
function finishDraw(page: Page, svg: SVGSVGElement): void {
  const { drawn, view } = page.state;
  if (!drawn) return;
  if (drawn.overview) decorateOverview(svg, drawn.laid, drawn.overview, page.state.theme);
  if (view) applyView(page);
  else fitView(page);
  markDiagram(page);
  markSearch(page);
  renderLegend(page);
}
