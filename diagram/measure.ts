/**
 * Text widths without a DOM, so that the command line and the webview lay out the same picture.
 * Advance widths are Arial's (per 1000 units of the font size); the SVG names Arial-compatible fonts
 * first, and a small margin covers Segoe UI and Helvetica.
 */
const ADVANCE: Record<string, number> = {};
const TABLE: [string, number][] = [
  [' !,./:;I[\\]fijlt', 278],
  ['"', 355],
  ["'", 191],
  ['|', 260],
  ['()-`r', 333],
  ['*', 389],
  ['^', 469],
  ['Jcksvxyz', 500],
  ['#$0123456789?L_abdeghnopqu', 556],
  ['+<=>~', 584],
  ['FTZ', 611],
  ['ABEKPSVXY&', 667],
  ['CDHNRUw', 722],
  ['GOQ', 778],
  ['Mm', 833],
  ['%', 889],
  ['W', 944],
  ['@', 1015],
  ['{}', 334],
];
for (const [chars, width] of TABLE) for (const c of chars) ADVANCE[c] = width;

const MARGIN = 1.06;
const BOLD = 1.09;

export interface Font {
  size: number;
  bold?: boolean;
}

export function textWidth(text: string, font: Font): number {
  let units = 0;
  for (const c of text) units += ADVANCE[c] ?? (c.charCodeAt(0) > 0x2e80 ? 1000 : 600);
  return (units / 1000) * font.size * MARGIN * (font.bold ? BOLD : 1);
}

/** The text cut to fit `maxWidth`, with an ellipsis when cut. */
export function fitText(text: string, font: Font, maxWidth: number): string {
  const flat = text.replace(/\s+/g, ' ');
  if (textWidth(flat, font) <= maxWidth) return flat;
  const chars = [...flat];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(chars.slice(0, mid).join('') + '…', font) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').trimEnd() + '…';
}
