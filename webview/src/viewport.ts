/**
 * The zoom and pan of the drawing: one transform on its viewport group, kept in the state (and saved,
 * so that a reload restores it); fitted to the area on the first drawing of a file, kept across redraws.
 */
import type { Page } from './page';

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function applyView(page: Page): void {
  const { viewport, view } = page.state;
  if (!viewport || !view) return;
  viewport.setAttribute('transform', `translate(${view.x} ${view.y}) scale(${view.scale})`);
  page.save();
}

export function fitView(page: Page): void {
  const laid = page.state.drawn?.laid;
  if (!laid) return;
  const { diagram, legend } = page.dom;
  const width = Math.max(diagram.clientWidth, 1);
  const margin = 16;
  // The legend floats over the bottom of the diagram area: fit above it.
  const height = Math.max(diagram.clientHeight - legend.offsetHeight - margin, 1);
  const scale = clamp(Math.min((width - 2 * margin) / laid.width, (height - 2 * margin) / laid.height, 1.5));
  page.state.view = { x: (width - laid.width * scale) / 2, y: Math.max(margin, (height - laid.height * scale) / 2), scale };
  applyView(page);
}

/**
 * Shows a group just expanded: whole when it fits at a readable size, else its top at a readable size
 * (a region of twenty environments is tall); centred across.
 */
export function centerOn(page: Page, id: string): void {
  const placed = page.state.drawn?.laid.groups.find((g) => g.group.id === id);
  if (!placed) return;
  const { diagram, legend } = page.dom;
  const width = Math.max(diagram.clientWidth, 1);
  const height = Math.max(diagram.clientHeight - legend.offsetHeight, 1);
  const margin = 24;
  const scale = clamp(Math.min(1, (width - 2 * margin) / placed.width, Math.max((height - 2 * margin) / placed.height, 0.6)));
  const y = placed.height * scale <= height - 2 * margin ? height / 2 - (placed.y + placed.height / 2) * scale : margin - placed.y * scale;
  page.state.view = { x: width / 2 - (placed.x + placed.width / 2) * scale, y, scale };
  applyView(page);
}

/** Zooms by `factor` keeping the point (x, y) of the diagram area where it is (its centre by default). */
export function zoom(page: Page, factor: number, x = page.dom.diagram.clientWidth / 2, y = page.dom.diagram.clientHeight / 2): void {
  const view = page.state.view;
  if (!view) return;
  const scale = clamp(view.scale * factor);
  const ratio = scale / view.scale;
  page.state.view = { x: x - (x - view.x) * ratio, y: y - (y - view.y) * ratio, scale };
  applyView(page);
}

/** Moves the drawing to `x`, `y` (a pan). */
export function panTo(page: Page, x: number, y: number): void {
  const view = page.state.view;
  if (!view) return;
  page.state.view = { ...view, x, y };
  applyView(page);
}
