/**
 * The preview of a large topology, end to end but for VS Code itself: the real language server over
 * stdio, the extension's graph feed (client/src/preview/graphFeed.ts, as the extension runs it, with its
 * coalescing delay) and the webview's bundle in headless Chromium (the page and fake VS Code API of the
 * webview tests), which lays out in its worker and posts `drawn` when it has painted.
 *
 * - open: `didOpen` sent to the first `drawn` (the overview, which the server sends ahead of the graph),
 *   and to the `drawn` of the graph the page then asks for, each open a fresh page and uri (the one
 *   before closed);
 * - redraw: a one-line edit (a name changed by a character, then back, at seeded places) sent to the
 *   `drawn` of that version.
 */
import { performance } from 'perf_hooks';
import type { Page } from 'playwright-core';
import { GraphFeed, REFRESH_DELAY_MS } from '../client/src/preview/graphFeed';
import { GRAPH_DELTA_REQUEST, GRAPH_REQUEST, GraphDeltaParams, ToWebview } from '../protocol/protocol';
import { ServerCommand, StdioLspClient } from '../test/lsp/stdioClient';
import { launchBrowser, openPreview, startServer } from '../test/webview/harness';
import { seededRandom } from './measure';

export interface PreviewResult {
  /** `didOpen` to the first `drawn` (the overview). */
  openMs: number[];
  /** `didOpen` to the `drawn` of the graph that follows the overview (flows listed; search, focus, matrix ready). */
  openWholeMs: number[];
  /** Bytes posted on opening: the overview, then the graph. */
  openingBytes: number;
  openingWholeBytes: number;
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

/** Waits for the page's messages: the `drawn`s of each version (when each came), and `wantGraph`. */
class DrawnWaiter {
  private readonly drawn = new Map<number, number[]>();
  private wanted = 0;
  private wake: (() => void) | undefined;

  posted = (message: Record<string, unknown>): void => {
    if (message.type === 'wantGraph') this.wanted++;
    else if (message.type !== 'drawn' || typeof message.version !== 'number') return;
    else this.drawn.set(message.version, [...(this.drawn.get(message.version) ?? []), performance.now()]);
    this.wake?.();
  };

  /** When the `nth` drawing of `version` came. */
  async until(version: number, nth = 1, timeoutMs = 120_000): Promise<number> {
    await this.waitFor(() => (this.drawn.get(version)?.length ?? 0) >= nth, `the preview never drew version ${version} (${nth})`, timeoutMs);
    return this.drawn.get(version)![nth - 1];
  }

  /** The page asked for the graph (after drawing an opening overview) `count` times in all. */
  async wantedGraph(count: number, timeoutMs = 120_000): Promise<void> {
    await this.waitFor(() => this.wanted >= count, 'the preview never asked for the graph', timeoutMs);
  }

  private async waitFor(done: () => boolean, failure: string, timeoutMs: number): Promise<void> {
    if (done()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(failure)), timeoutMs);
      this.wake = () => {
        if (!done()) return;
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
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
    const ask = (params: GraphDeltaParams) => session.request(GRAPH_DELTA_REQUEST, params);

    const openMs: number[] = [];
    const openWholeMs: number[] = [];
    let openingBytes = 0;
    let openingWholeBytes = 0;
    let page: Page | undefined;
    let waiter = new DrawnWaiter();
    let feed = new GraphFeed();
    let uri = '';
    let drawnNodes = 0;
    for (let k = 0; k < plan.opens; k++) {
      await page?.context().close();
      // As a user closes a file and opens another: the server holds one large document at a time.
      if (uri) await session.close(uri);
      waiter = new DrawnWaiter();
      feed = new GraphFeed();
      page = (await openPreview(browser, pages.origin, { onPosted: waiter.posted })).page;
      uri = `file:///tmp/ppnet-bench/preview-${k}.ppnet.yaml`;
      const start = performance.now();
      await session.open(uri, text, 1);
      const message = await feed.next(ask, uri, 1, true);
      if (!message) throw new Error('the server has no graph of the file it opened');
      if (message.type !== 'overview') throw new Error(`a large file opens on its overview, not on a ${message.type} message`);
      openingBytes = await post(page, message);
      openMs.push((await waiter.until(1)) - start);
      drawnNodes = await page.$$eval('#diagram [data-node]', (elements) => elements.length);
      // Then, as the extension does, the graph the page asks for once the overview is drawn.
      await waiter.wantedGraph(1);
      const whole = await feed.next(ask, uri, 1, false);
      if (whole?.type !== 'graph') throw new Error('the graph did not follow the overview');
      openingWholeBytes = await post(page, whole);
      openWholeMs.push((await waiter.until(1, 2)) - start);
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
        const graph = await session.request(GRAPH_REQUEST, { uri });
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
      const back = whole ? await session.request(GRAPH_REQUEST, { uri }).then((graph): ToWebview | null => graph && { type: 'graph', uri, graph, fit: false, version }) : await feed.next(ask, uri, version, false);
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
    return { openMs, openWholeMs, openingBytes, openingWholeBytes, redrawMs, wholeGraphRedrawMs, deltaBytes, wholeBytes, drawnNodes };
  } finally {
    await session.shutdown();
    await browser.close();
    await pages.close();
  }
}
