/**
 * The preview with large topologies, in headless Chromium: the layout runs in a worker (under the
 * page's Content-Security-Policy), a graph that arrives while an older one is laid out wins, a large
 * topology opens as the overview, a redraw replaces only the elements that changed, and the flows
 * table shows a page of rows at a time. (No timings here: `npm run bench` has them.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { generateUnits } from '../../bench/generate';
import { collapseGraph, OVERVIEW_NODE_LIMIT } from '../../server/src/diagram/overview';
import { createLanguageService } from '../../server/src/service';
import type { Graph } from '../../server/src/service';
import { doc, fixture } from '../support';
import { browserMissing, launchBrowser, openPreview, PageProblems, posted, startServer } from './harness';

// Page functions run in the browser; the tests compile without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any;

const missing = browserMissing();
if (missing) console.log(`# ${missing}`);

const URI = 'file:///scale.ppnet.yaml';
const graphOf = (text: string): Graph => createLanguageService().getGraph(doc(text, URI));

/** Posts graph messages in one go, as they would queue up in the page. */
async function sendGraphs(page: Page, graphs: { graph: Graph; version: number; fit?: boolean }[]): Promise<void> {
  await page.evaluate(
    ({ messages, uri }) => {
      for (const m of messages) window.postMessage({ type: 'graph', uri, graph: m.graph, fit: m.fit ?? true, version: m.version }, '*');
    },
    { messages: graphs, uri: URI },
  );
}

async function drawn(page: Page, version: number): Promise<Record<string, unknown>> {
  await page.waitForFunction((v) => window.__posted.some((m: { type: string; version?: number }) => m.type === 'drawn' && m.version === v), version, { timeout: 60_000 });
  return (await posted(page)).find((m) => m.type === 'drawn' && m.version === version)!;
}

describe('preview webview at scale', { skip: missing }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const noProblems = (problems: PageProblems) => {
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.console, []);
  };

  it('lays out in a worker and draws only the newest of two graphs that arrive together', async () => {
    const { page, problems } = await openPreview(browser, server.origin);
    const text = fixture('..', 'examples', 'contoso.ppnet.yaml');
    const renamed = graphOf(text.replace('Contoso Production', 'Contoso Production (renamed)'));
    await sendGraphs(page, [
      { graph: graphOf(text), version: 1 },
      { graph: renamed, version: 2 },
    ]);
    assert.deepEqual(await drawn(page, 2), { type: 'drawn', version: 2, nodes: renamed.nodes.length });
    assert.ok(!(await posted(page)).some((m) => m.type === 'drawn' && m.version === 1), 'the older graph is never drawn');
    const label = await page.$eval('#diagram [data-node="environment:contoso-prod"] .node-label', (e) => e.textContent);
    assert.equal(label, 'Contoso Production (renamed)');
    noProblems(problems);
    await page.context().close();
  });

  it('opens a large topology as the overview, and redraws only what an edit changed', async () => {
    const { page, problems } = await openPreview(browser, server.origin);
    const text = generateUnits(60);
    const graph = graphOf(text);
    assert.ok(graph.nodes.length > OVERVIEW_NODE_LIMIT);
    await sendGraphs(page, [{ graph, version: 1 }]);
    const overview = collapseGraph(graph);
    assert.equal((await drawn(page, 1)).nodes, overview.nodes.length);
    const drawnNodes = await page.$$eval('#diagram [data-node]', (elements) => elements.map((e) => `${e.getAttribute('data-node')} ${e.getAttribute('data-kind')}`));
    assert.deepEqual(drawnNodes.sort(), overview.nodes.map((n) => `${n.id} group`).sort());
    assert.equal(await page.$$eval('#diagram [data-edge]', (elements) => elements.length), overview.edges.length);

    // Rename one site's display name: its node and the edges that name its users change, nothing else.
    await page.evaluate(() => document.querySelectorAll('#diagram [data-node], #diagram [data-edge], #diagram [data-group]').forEach((e: { __kept: boolean }) => (e.__kept = true)));
    const edited = graphOf(text.replace('name: Office 0007\n', 'name: Office 0007 (Lyon)\n'));
    await sendGraphs(page, [{ graph: edited, version: 2, fit: false }]);
    await drawn(page, 2);
    const replaced = await page.$$eval('#diagram [data-node], #diagram [data-edge]', (elements) =>
      elements.filter((e) => !(e as unknown as { __kept?: boolean }).__kept).map((e) => e.getAttribute('data-node') ?? e.getAttribute('data-edge')),
    );
    assert.ok(replaced.includes('group:site:site-0007'), JSON.stringify(replaced));
    assert.ok(replaced.length < 10, `only a few elements replaced: ${JSON.stringify(replaced)}`);
    assert.equal(await page.$eval('#diagram [data-node="group:site:site-0007"] .node-label', (e) => e.textContent), 'Office 0007 (Lyon)');
    noProblems(problems);
    await page.context().close();
  });

  it('shows the flows of a large topology a page at a time', async () => {
    const { page, problems } = await openPreview(browser, server.origin);
    const graph = graphOf(generateUnits(60));
    assert.ok(graph.flows.length > 200);
    await sendGraphs(page, [{ graph, version: 1 }]);
    await drawn(page, 1);
    assert.equal(await page.$$eval('#flows tbody tr[data-flow]', (rows) => rows.length), 200);
    assert.equal(await page.textContent('#flows tr.more-rows'), `${graph.flows.length - 200} more…`);
    // Scrolled to the end, the next page shows (a click on the row does the same).
    await page.$eval('#flows tr.more-rows', (row) => row.scrollIntoView());
    await page.waitForFunction((count) => document.querySelectorAll('#flows tbody tr[data-flow]').length === count, graph.flows.length);
    assert.equal(await page.$('#flows tr.more-rows'), null);
    const ids = await page.$$eval('#flows tbody tr[data-flow]', (rows) => rows.map((r) => r.getAttribute('data-flow')));
    assert.deepEqual(ids, graph.flows.map((f) => f.id));
    noProblems(problems);
    await page.context().close();
  });
});
