/**
 * The preview page in headless Chromium with a fake message channel: it draws the example topology
 * (every entity a node, every flow on edges of its route class, error nodes marked), reveals a clicked
 * node, highlights the node under the cursor, keeps zoom across redraws and reloads, exports, and
 * shows hostile names as text without running anything. Screenshots go to test-results/.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { graphOfFile } from '../../server/src/cli/graph';
import { layoutGraph } from '../../diagram/layout';
import { renderSvg } from '../../diagram/svg';
import type { Graph } from '../../protocol/graph';
import { ROOT } from '../support';
// Page functions run in the browser; the tests compile without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any;

import { assertNoProblems, browserForSuite, browserMissing, openPreview, posted, revealOf, screenshotPath, send, THEMES, waitForPosted } from './harness';

const missing = browserMissing();
if (missing) console.log(`# ${missing}`);

function exampleGraph(...parts: string[]): { uri: string; graph: Graph } {
  const file = path.join(ROOT, ...parts);
  return { uri: `file://${file}`, graph: graphOfFile(file, fs.readFileSync(file, 'utf8')) };
}

const contoso = exampleGraph('examples', 'contoso.ppnet.yaml');
const mistakes = exampleGraph('examples', 'mistakes.ppnet.yaml');
const hostile = exampleGraph('test', 'fixtures', 'hostile.ppnet.yaml');

async function showGraph(page: Page, example: { uri: string; graph: Graph }, fit = true): Promise<void> {
  await send(page, { type: 'graph', uri: example.uri, graph: example.graph, fit });
  await page.waitForFunction((count) => document.querySelectorAll('#diagram [data-node]').length === count, example.graph.nodes.length);
}

interface DrawnEdge {
  id: string;
  route: string;
  from: string;
  to: string;
}

async function drawnEdges(page: Page): Promise<DrawnEdge[]> {
  return page.$$eval('#diagram [data-edge]', (elements) =>
    elements.map((e) => ({ id: e.getAttribute('data-edge')!, route: e.getAttribute('data-route')!, from: e.getAttribute('data-from')!, to: e.getAttribute('data-to')! })),
  );
}

async function transform(page: Page): Promise<string | null> {
  return page.$eval('#viewport', (g) => g.getAttribute('transform'));
}

describe('preview webview', { skip: missing }, () => {
  const suite = browserForSuite();


  it('draws every entity as a node and every flow on edges of its route class', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showGraph(page, contoso);
    const drawnNodes = await page.$$eval('#diagram [data-node]', (elements) => elements.map((e) => e.getAttribute('data-node')));
    const entityNodes = contoso.graph.nodes.filter((n) => n.range).map((n) => n.id);
    assert.equal(entityNodes.length, 19); // 3 environments, 3 sites, 2 circuits, 3 gateways, 5 connectors, 2 desktop flows, 1 Azure service
    for (const id of entityNodes) assert.ok(drawnNodes.includes(id), `node ${id} is drawn`);

    const edges = new Map((await drawnEdges(page)).map((e) => [e.id, e]));
    for (const flow of contoso.graph.flows) {
      const routes = flow.edges.map((id) => edges.get(id)?.route);
      assert.ok(routes.every((r) => r !== undefined), `every edge of ${flow.id} is drawn`);
      assert.ok(routes.includes(flow.route), `${flow.id} is drawn as ${flow.route}, got ${routes.join(', ')}`);
    }
    // The users at Amsterdam reach Contoso Production through circuit er-ams, drawn as ExpressRoute;
    // its connectors hang off it inside Microsoft's network.
    const users = [...edges.values()].filter((e) => [e.from, e.to].some((end) => end === 'site:ams-hq' || end === 'environment:contoso-prod'));
    assert.deepEqual(
      users.map((e) => `${e.from} -> ${e.to}: ${e.route}`).sort(),
      [
        'circuit:er-ams -> environment:contoso-prod: expressroute',
        'environment:contoso-prod -> connector:crm-dataverse: microsoft-backbone',
        'environment:contoso-prod -> connector:erp-sql: microsoft-backbone',
        'site:ams-hq -> circuit:er-ams: expressroute',
      ],
    );
    // The flows table lists every flow.
    assert.equal(await page.$$eval('#flows tbody tr', (rows) => rows.length), contoso.graph.flows.length);
    assert.equal(await page.textContent('#title-text'), 'Contoso connectivity');
    await page.screenshot({ path: screenshotPath('preview-contoso-light.png') });
    assertNoProblems(problems);
    await page.context().close();
  });

  it('marks nodes with errors and warnings and lists their messages on hover', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showGraph(page, mistakes);
    const marks = await page.$$eval('#diagram [data-node]', (elements) =>
      elements.map((e) => ({
        id: e.getAttribute('data-node'),
        severity: e.getAttribute('data-severity'),
        badge: e.querySelector('.badge-error') ? 'error' : e.querySelector('.badge-warning') ? 'warning' : null,
        title: e.querySelector('title')?.textContent ?? '',
      })),
    );
    const marked = marks.filter((m) => m.badge).map((m) => `${m.id}: ${m.badge}`);
    assert.deepEqual(marked.sort(), [
      'azureService:reports-db: error',
      'circuit:er-idle: error',
      'circuit:er-lon: error',
      'connector:crm-salesforce: warning',
      'connector:finance-sql: error',
      'desktopFlow:payroll-bot: error',
      'environment:nw-prod: error',
      'gateway:gw-lon: error',
    ]);
    for (const mark of marks) assert.equal(mark.badge, mark.severity === 'error' || mark.severity === 'warning' ? mark.severity : null, `${mark.id}`);
    const gateway = marks.find((m) => m.id === 'gateway:gw-lon')!;
    assert.deepEqual(
      gateway.title.split('\n').map((line: string) => line.split(':')[0]),
      ['gw-lon (Data gateway)', 'East US · 1 member', 'error gateway-cross-geography', 'error gateway-route-filter', 'error gateway-tls', 'info gateway-single-member'],
    );
    await page.screenshot({ path: screenshotPath('preview-mistakes-light.png') });
    assertNoProblems(problems);
    await page.context().close();
  });

  it('posts a reveal message for a clicked node and highlights the node under the cursor', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showGraph(page, contoso);
    await page.click('#diagram [data-node="gateway:gw-ams"] .node-label');
    assert.deepEqual(await waitForPosted(page, (m) => m.type === 'reveal'), revealOf(contoso, 'gateway:gw-ams'));
    // Infrastructure nodes have no YAML: clicking one posts nothing.
    await page.click('#diagram [data-node="service-bus"] .node-label');
    assert.equal((await posted(page)).filter((m) => m.type === 'reveal').length, 1);

    // The cursor two lines into gw-sea's YAML highlights it and the flow of the connector that uses it.
    const gateway = contoso.graph.nodes.find((n) => n.id === 'gateway:gw-sea')!;
    await send(page, { type: 'cursor', line: gateway.range!.start.line + 2, character: 4 });
    await page.waitForSelector('#diagram [data-node="gateway:gw-sea"].highlight');
    const related = await page.$$eval('#diagram [data-edge].related', (elements) => elements.map((e) => e.getAttribute('data-edge')));
    const flow = contoso.graph.flows.find((f) => f.id === 'connector:us-oracle')!;
    for (const edge of flow.edges) assert.ok(related.includes(edge), `edge ${edge} of us-oracle is highlighted`);
    assert.equal(await page.$$eval('#diagram .highlight', (elements) => elements.length), 1);
    assert.deepEqual(await page.$$eval('#flows tr.related', (rows) => rows.map((r) => r.getAttribute('data-flow'))), ['connector:us-oracle']);

    // A row of the flows table highlights its flow and reveals the entity it comes from.
    await page.click('#flows tr[data-flow="desktop-flow:invoice-bot"] td');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').pop(), revealOf(contoso, 'desktopFlow:invoice-bot'));
    assertNoProblems(problems);
    await page.context().close();
  });

  it('keeps zoom and pan across redraws and restores them after a reload', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showGraph(page, contoso);
    const fitted = await transform(page);
    await page.click('button[data-action="zoom-in"]');
    const zoomed = await transform(page);
    assert.notEqual(zoomed, fitted);
    await showGraph(page, contoso, false);
    assert.equal(await transform(page), zoomed);
    const state = await page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    assert.equal((state as { uri: string }).uri, contoso.uri);

    const reloaded = await openPreview(suite.browser(), suite.origin(), { state });
    await showGraph(reloaded.page, contoso, false);
    assert.equal(await transform(reloaded.page), zoomed);
    await page.click('button[data-action="fit"]');
    assert.equal(await transform(page), fitted);
    assertNoProblems(problems);
    assertNoProblems(reloaded.problems);
    await page.context().close();
    await reloaded.page.context().close();
  });

  it('exports SVG, PNG and Mermaid from the toolbar', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showGraph(page, contoso);
    for (const format of ['svg', 'png', 'mermaid']) await page.click(`button[data-action="export-${format}"]`);
    const svg = await waitForPosted(page, (m) => m.type === 'exported' && m.format === 'svg');
    assert.match(String(svg.data), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* data-theme="light"/);
    assert.match(String(svg.data), /<g class="legend">/);
    const png = await waitForPosted(page, (m) => m.type === 'exported' && m.format === 'png');
    const bytes = Buffer.from(String(png.data).replace(/^data:image\/png;base64,/, ''), 'base64');
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    fs.writeFileSync(screenshotPath('export-contoso.png'), bytes);
    const mermaid = await waitForPosted(page, (m) => m.type === 'exported' && m.format === 'mermaid');
    assert.match(String(mermaid.data), /^flowchart LR\n/);
    assertNoProblems(problems);
    await page.context().close();
  });

  for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
    it(`draws in the ${theme} theme (screenshot)`, async () => {
      const { page, problems } = await openPreview(suite.browser(), suite.origin(), { theme });
      await showGraph(page, contoso);
      const drawnTheme = await page.$eval('#diagram svg', (svg) => svg.getAttribute('data-theme'));
      assert.equal(drawnTheme, theme);
      await page.screenshot({ path: screenshotPath(`preview-${theme}.png`) });
      assertNoProblems(problems);
      await page.context().close();
    });
  }

  it('renders hostile ids and names literally and runs none of them', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showGraph(page, hostile);
    const environmentId = `environment:<img src=x onerror="window.__pwned='env'">`;
    const name = `"><svg onload="window.__pwned='name'">`;
    const title = await page.$$eval('#diagram [data-node]', (elements, id) => elements.find((e) => e.getAttribute('data-node') === id)?.querySelector('title')?.textContent, environmentId);
    assert.equal(title?.split('\n')[0], `${name} (Environment · <img src=x onerror="window.__pwned='env'">)`);
    const cells = await page.$$eval('#flows tbody td', (tds) => tds.map((td) => td.textContent));
    assert.ok(cells.includes(`Users at <script>window.__pwned='site-name'</script>`), JSON.stringify(cells));
    assert.ok(cells.includes(name));
    assert.equal(await page.textContent('#title-text'), `<script>window.__pwned = 'title'</script>`);
    const injected = await page.evaluate(() => ({
      elements: document.querySelectorAll('#diagram img, #diagram script, #diagram foreignObject, #flows img, #flows script, #flows svg svg, #title img').length,
      handlers: [...document.querySelectorAll('#diagram *, #flows *')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    }));
    assert.deepEqual(injected, { elements: 0, handlers: [], pwned: undefined });
    await page.hover(`#diagram [data-node="connector:<b onmouseover=\\"window.__pwned='connector'\\">x</b>"]`);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    await page.screenshot({ path: screenshotPath('preview-hostile.png') });
    assertNoProblems(problems);
    await page.context().close();
  });

  it('escapes hostile names in the SVG itself, with no Content-Security-Policy to fall back on', async () => {
    const svg = renderSvg(await layoutGraph(hostile.graph), { theme: 'light', legend: true, title: hostile.graph.title });
    const page = await suite.browser().newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent(`<!DOCTYPE html><body>${svg}</body>`);
    await page.waitForSelector('svg [data-node]');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.equal(await page.$$eval('img, script, body svg svg', (elements) => elements.length), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
