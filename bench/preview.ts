/**
 * The preview of a large topology, end to end but for VS Code itself: the real language server over
 * stdio, the extension's graph feed (client/src/preview/graphFeed.ts, as the extension runs it, with its
 * coalescing delay) and the webview's bundle in headless Chromium (the page and fake VS Code API of the
 * webview tests), which lays out in its worker and posts `drawn` when it has painted.
 *
 * - open: `didOpen` sent to the first `drawn` (the overview), each open a fresh page and uri;
 * - redraw: a one-line edit (a name changed by a character, then back, at seeded places) sent to the
 *   `drawn` of that version.
 */
import { performance } from 'perf_hooks';
import type { Page } from 'playwright-core';
import { GraphFeed, REFRESH_DELAY_MS } from '../client/src/preview/graphFeed';
import { GRAPH_DELTA_REQUEST, GRAPH_REQUEST, GraphAnswer, GraphDeltaParams, ToWebview } from '../protocol/protocol';
import type { Graph } from '../server/src/service';
import { ServerCommand, StdioLspClient } from '../test/lsp/stdioClient';
import { launchBrowser, openPreview, startServer } from '../test/webview/harness';
import { seededRandom } from './measure';

export interface PreviewResult {
  /** `didOpen` to the first `drawn`. */
  openMs: number[];
  /** A one-line edit to the `drawn` of its version. */
  redrawMs: number[];
  /** The same edits with the whole graph asked (`GRAPH_REQUEST`) and posted each time, as before the deltas. */
  wholeGraphRedrawMs: number[];
  /** Bytes posted to the webview after an edit (median), with deltas and whole. */
  deltaBytes: number[];
  wholeBytes: number[];
  /** Nodes drawn on opening (the overview). */
  drawnNodes: number;
}

export interface PreviewPlan {
  opens: number;
  edits: number;
  warmupEdits: number;
}

/** Lines of names (`    name: Office 0042`): changing one is a one-line edit the graph shows. */
const NAME_LINE = /^ {4}name: .+$/;

/** Waits for the page's `drawn` of `version`. */
class DrawnWaiter {
  private readonly drawn = new Map<number, number>();
  private readonly waiters = new Map<number, () => void>();

  posted = (message: Record<string, unknown>): void => {
    if (message.type !== 'drawn' || typeof message.version !== 'number') return;
    if (!this.drawn.has(message.version)) this.drawn.set(message.version, performance.now());
    this.waiters.get(message.version)?.();
  };

  async until(version: number, timeoutMs = 120_000): Promise<number> {
    if (!this.drawn.has(version)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the preview never drew version ${version}`)), timeoutMs);
        this.waiters.set(version, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters.delete(version);
    }
    return this.drawn.get(version)!;
  }
}

/** Posts as VS Code does, one serialised message (Playwright passes a large object much more slowly). */
async function post(page: Page, message: ToWebview): Promise<number> {
  const json = JSON.stringify(message);
  await page.evaluate((text) => (globalThis as unknown as { postMessage(m: unknown, t: string): void }).postMessage(JSON.parse(text), '*'), json);
  return json.length;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measurePreview(server: ServerCommand, text: string, plan: PreviewPlan, seed: number): Promise<PreviewResult> {
  const pages = await startServer();
  const browser = await launchBrowser();
  const session = new StdioLspClient(server);
  try {
    await session.initialize({ textDocument: { publishDiagnostics: { versionSupport: true } } });
    const ask = (params: GraphDeltaParams) => session.request<GraphAnswer | null>(GRAPH_DELTA_REQUEST, params);

    const openMs: number[] = [];
    let page: Page | undefined;
    let waiter = new DrawnWaiter();
    let feed = new GraphFeed();
    let uri = '';
    let drawnNodes = 0;
    for (let k = 0; k < plan.opens; k++) {
      await page?.context().close();
      waiter = new DrawnWaiter();
      feed = new GraphFeed();
      page = (await openPreview(browser, pages.origin, { onPosted: waiter.posted })).page;
      uri = `file:///tmp/ppnet-bench/preview-${k}.ppnet.yaml`;
      const start = performance.now();
      await session.open(uri, text, 1);
      const message = await feed.next(ask, uri, 1, true);
      if (!message) throw new Error('the server has no graph of the file it opened');
      await post(page, message);
      openMs.push((await waiter.until(1)) - start);
      drawnNodes = await page.$$eval('#diagram [data-node]', (elements) => elements.length);
    }

    const random = seededRandom(seed);
    const lines = text.split('\n');
    const places = lines.flatMap((line, index) => (NAME_LINE.test(line) ? [index] : []));
    let version = 1;
    /** One edit: a character added to a name (odd rounds: taken off again), then what the extension does. */
    const edit = async (whole: boolean): Promise<{ ms: number; bytes: number }> => {
      const line = places[Math.floor(random() * places.length)];
      const end = lines[line].length;
      version++;
      const start = performance.now();
      await session.change(uri, version, [{ range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' }]);
      await delay(REFRESH_DELAY_MS);
      let message: ToWebview | null | undefined;
      if (whole) {
        const graph = await session.request<Graph | null>(GRAPH_REQUEST, { uri });
        message = graph && { type: 'graph', uri, graph, fit: false, version };
      } else {
        message = await feed.next(ask, uri, version, false);
      }
      if (!message) throw new Error(`no graph for version ${version}`);
      const bytes = await post(page!, message);
      const ms = (await waiter.until(version)) - start;
      // Back as it was, unmeasured, so that every edit is one character on the original file.
      version++;
      await session.change(uri, version, [{ range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' }]);
      const back = whole ? await session.request<Graph | null>(GRAPH_REQUEST, { uri }).then((graph) => graph && ({ type: 'graph', uri, graph, fit: false, version } as ToWebview)) : await feed.next(ask, uri, version, false);
      if (back) await post(page!, back);
      await waiter.until(version);
      return { ms, bytes };
    };

    const redrawMs: number[] = [];
    const deltaBytes: number[] = [];
    for (let i = 0; i < plan.warmupEdits + plan.edits; i++) {
      const { ms, bytes } = await edit(false);
      if (i >= plan.warmupEdits) {
        redrawMs.push(ms);
        deltaBytes.push(bytes);
      }
    }
    const wholeGraphRedrawMs: number[] = [];
    const wholeBytes: number[] = [];
    for (let i = 0; i < plan.edits; i++) {
      const { ms, bytes } = await edit(true);
      wholeGraphRedrawMs.push(ms);
      wholeBytes.push(bytes);
    }
    return { openMs, redrawMs, wholeGraphRedrawMs, deltaBytes, wholeBytes, drawnNodes };
  } finally {
    await session.shutdown();
    await browser.close();
    await pages.close();
  }
}
