/**
 * The exports: what the diagram shows (the overview, also before the graph came; the focus; the
 * filters) as SVG with its legend and title, as PNG (that SVG drawn on a canvas at twice the size) and
 * as Mermaid, posted to the extension, which saves them where the user chooses.
 */
import { toMermaid } from '../../diagram/mermaid';
import { renderSvg } from '../../diagram/svg';
import type { ExportFormat } from '../../protocol/protocol';
import type { Page } from './page';

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

/** Exports what is drawn once the drawing under way is done; nothing when nothing is drawn. */
export async function exportAs(page: Page, format: ExportFormat): Promise<void> {
  await page.state.rendering;
  const drawn = page.state.drawn;
  if (!drawn) return;
  if (format === 'mermaid') {
    page.post({ type: 'exported', format, data: toMermaid(drawn.graph) });
    return;
  }
  const svg = renderSvg(drawn.laid, { theme: page.state.theme, legend: true, title: drawn.laid.graph.title });
  if (format === 'svg') page.post({ type: 'exported', format, data: svg });
  else page.post({ type: 'exported', format, data: await pngOf(svg) });
}
