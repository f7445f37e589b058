/**
 * `ppnet graph --format png`: the SVG drawn by resvg (a real SVG renderer, no browser) at twice its size,
 * so that text stays sharp when a page scales the picture down. The SVG names 'Segoe UI', 'Helvetica
 * Neue', Arial and 'Liberation Sans'; resvg is given the files of the first that this machine has
 * (Debian's fonts-liberation, metrically the same as Arial, whose widths the layout measures text with)
 * and DejaVu Sans for the few characters Liberation lacks. Without any, it falls back on the system's
 * fonts, and says so.
 */
import * as fs from 'fs';

/** Font files by family, where Debian, macOS and Windows keep them; the first family found is used. */
const FONT_CANDIDATES: { family: string; files: string[] }[] = [
  {
    family: 'Liberation Sans',
    files: [
      '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
      '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
      '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
      '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
    ],
  },
  {
    family: 'Arial',
    files: ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf', 'C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
  },
];
const FALLBACK_FILES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];

/** The PNG is drawn at this many pixels per SVG unit. */
export const PNG_SCALE = 2;

export interface PngResult {
  png: Buffer;
  /** Set when none of the SVG's fonts was found: the text may be drawn in another font, or not at all. */
  warning?: string;
}

export function svgToPng(svg: string): PngResult {
  // Loaded here: the other commands do not need the native renderer.
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const found = FONT_CANDIDATES.map((c) => ({ family: c.family, files: c.files.filter((f) => fs.existsSync(f)) })).find((c) => c.files.length > 0);
  const fallback = FALLBACK_FILES.filter((f) => fs.existsSync(f));
  const font = found
    ? { loadSystemFonts: false, fontFiles: [...found.files, ...fallback], defaultFontFamily: found.family, sansSerifFamily: found.family }
    : { loadSystemFonts: true, fontFiles: fallback, ...(fallback.length && { defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }) };
  const png = new Resvg(svg, { font, fitTo: { mode: 'zoom', value: PNG_SCALE } }).render().asPng();
  const warning = found
    ? undefined
    : 'none of the fonts the diagram names (Liberation Sans, Arial) was found: its text is drawn in the system\'s fonts, if any (on Debian: apt-get install fonts-liberation)';
  return { png, ...(warning && { warning }) };
}
