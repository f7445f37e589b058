/**
 * The preview's route matrix in headless Chromium: for the example it shows exactly what `ppnet routes
 * --format json` prints (rows, columns, each cell's route, words and reason); a click reveals the
 * source; the cursor highlights the entity's row or column and the cells of its flows; the filters
 * narrow it; at 100 x 100 only the cells in view are in the DOM, also when scrolled to the far corner;
 * hostile names stay text.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { graphOfFile } from '../../server/src/cli/graph';
import type { RouteMatrix } from '../../diagram/matrix';
import type { Graph, GraphFlow, GraphGroup, GraphNode, RouteKind } from '../../protocol/graph';
import { ROOT } from '../support';
import { assertNoProblems, browserForSuite, browserMissing, openPreview, posted, revealOf, screenshotPath, send } from './harness';

// Page functions run in the browser; the tests compile without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any;

const missing = browserMissing();

function example(...parts: string[]): { file: string; uri: string; graph: Graph } {
  const file = path.join(ROOT, ...parts);
  return { file, uri: `file://${file}`, graph: graphOfFile(file, fs.readFileSync(file, 'utf8')) };
}

/** `ppnet routes <file> --format json`, run as CI would. */
function cliRoutes(file: string): RouteMatrix {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), 'routes', file, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

const WORDS: Record<RouteKind, string> = { expressroute: 'ExpressRoute', internet: 'Internet', 'microsoft-backbone': 'Backbone', 'virtual-network': 'Virtual network', 'no-route': 'No route', unknown: 'Unknown' };
const ABBREVIATIONS: Record<RouteKind, string> = { expressroute: 'ER', internet: 'Internet', 'microsoft-backbone': 'Backbone', 'virtual-network': 'VNet', 'no-route': 'No route', unknown: 'Unknown' };
const KIND_WORDS: Record<string, string> = {
  site: 'Site',
  desktopFlow: 'Desktop flow',
  gateway: 'Data gateway',
  region: 'Power Platform region',
  environment: 'Environment',
  azureService: 'Azure service',
  service: 'Outside service',
};

async function showMatrix(page: Page, shown: { uri: string; graph: Graph }): Promise<void> {
  // One JSON string: Playwright passes a large object much more slowly.
  await page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify({ type: 'graph', uri: shown.uri, graph: shown.graph, fit: true }));
  await page.waitForSelector('#diagram [data-node]', { timeout: 120_000 });
  await page.click('button[data-action="mode-matrix"]');
  await page.waitForSelector('#matrix:not([hidden]) .matrix-corner-count');
}

interface DrawnMatrix {
  rows: { id: string; kind: string; label: string }[];
  columns: { id: string; kind: string; label: string }[];
  cells: { row: string; column: string; route: string; text: string; title: string }[];
}

async function drawnMatrix(page: Page): Promise<DrawnMatrix> {
  return page.evaluate(() => ({
    rows: [...document.querySelectorAll('#matrix .matrix-row')].map((e) => ({ id: e.dataset.row, kind: e.querySelector('.matrix-axis-kind').textContent, label: e.querySelector('.matrix-axis-label').textContent })),
    columns: [...document.querySelectorAll('#matrix .matrix-column')].map((e) => ({ id: e.dataset.column, kind: e.querySelector('.matrix-axis-kind').textContent, label: e.querySelector('.matrix-axis-label').textContent })),
    cells: [...document.querySelectorAll('#matrix .matrix-cell:not(.empty)')].map((e) => ({ row: e.dataset.row, column: e.dataset.column, route: e.dataset.route, text: e.textContent, title: e.title })),
  }));
}

/** A graph of `size` sites each reaching `size` environments, routes in turn: the matrix at its densest. */
function denseGraph(size: number): Graph {
  const routes: RouteKind[] = ['expressroute', 'internet', 'microsoft-backbone', 'no-route', 'unknown'];
  const nodes: GraphNode[] = [];
  const groups: GraphGroup[] = [{ id: 'group:region:europe', kind: 'region', label: 'Europe' }];
  const flows: GraphFlow[] = [];
  for (let i = 0; i < size; i++) {
    groups.push({ id: `group:site:s${i}`, kind: 'site', label: `Site ${i}` });
    nodes.push({ id: `site:s${i}`, kind: 'site', caption: 'Site network', label: 'Users', group: `group:site:s${i}`, diagnostics: [] });
    nodes.push({ id: `environment:e${i}`, kind: 'environment', caption: 'Environment', label: `Environment ${i}`, group: 'group:region:europe', diagnostics: [] });
  }
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      flows.push({
        id: `users:s${i}:e${j}`,
        kind: 'users',
        route: routes[(i + j) % routes.length],
        from: `site:s${i}`,
        fromLabel: `Users at Site ${i}`,
        to: `environment:e${j}`,
        toLabel: `Environment ${j}`,
        reason: `Users at s${i} reach e${j}.`,
        source: 'https://learn.microsoft.com/',
        subject: `environment:e${j}`,
        environment: `environment:e${j}`,
        edges: [],
      });
    }
  }
  return { title: `Dense ${size} x ${size}`, nodes, groups, edges: [], flows, counts: { error: 0, warning: 0, info: 0, hint: 0 } };
}

describe('preview route matrix', { skip: missing }, () => {
  const suite = browserForSuite();
  const contoso = example('examples', 'contoso.ppnet.yaml');


  it('shows what ppnet routes --format json prints for the example', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showMatrix(page, contoso);
    const expected = cliRoutes(contoso.file);
    const drawn = await drawnMatrix(page);
    assert.deepEqual(drawn.rows, expected.rows.map((r) => ({ id: r.id, kind: KIND_WORDS[r.kind], label: r.label })));
    assert.deepEqual(drawn.columns, expected.columns.map((c) => ({ id: c.id, kind: KIND_WORDS[c.kind], label: c.label })));
    const label = (axis: { id: string; label: string }[], id: string) => axis.find((a) => a.id === id)!.label;
    assert.deepEqual(
      drawn.cells,
      expected.cells.map((c) => ({
        row: c.row,
        column: c.column,
        route: c.route,
        text: c.routes.length === 1 ? WORDS[c.route] : c.routes.map((r) => ABBREVIATIONS[r]).join(' + '),
        title: `${label(expected.rows, c.row)} → ${label(expected.columns, c.column)}: ${c.routes.map((r) => ({ expressroute: 'ExpressRoute', internet: 'Public internet', 'microsoft-backbone': 'Microsoft backbone', 'virtual-network': 'Virtual network', 'no-route': 'No route', unknown: 'Unknown route' } as Record<RouteKind, string>)[r]).join(', ')}\n\n${c.reason}`,
      })),
    );
    assert.equal(await page.textContent('#matrix .matrix-corner-count'), '10 × 5 · 10 with flows');
    // The diagram, its legend and the flows table give way to the matrix.
    assert.deepEqual(await page.$$eval('#diagram, #legend, #flows', (elements) => elements.map((e) => e.offsetParent === null)), [true, true, true]);
    await page.screenshot({ path: screenshotPath('matrix-contoso.png') });

    // A click on a cell reveals the YAML its first flow comes from; a click on a row header, the row's entity.
    await page.click('#matrix .matrix-cell[data-row="gateway:gw-dub"][data-column="environment:contoso-dev"]');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').pop(), revealOf(contoso, 'connector:archive-files'));
    await page.click('#matrix .matrix-row[data-row="site:sea-office"]');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').pop(), revealOf(contoso, 'site:sea-office'));
    // A region has no YAML of its own: its row posts nothing.
    const reveals = (await posted(page)).filter((m) => m.type === 'reveal').length;
    await page.click('#matrix .matrix-row[data-row="group:region:europe"]');
    assert.equal((await posted(page)).filter((m) => m.type === 'reveal').length, reveals);

    // Back to the diagram, drawn as before.
    await page.click('button[data-action="mode-diagram"]');
    await page.waitForFunction((count) => document.querySelectorAll('#diagram [data-node]').length === count && !document.querySelector('#diagram').hidden, contoso.graph.nodes.length);
    assertNoProblems(problems);
    await page.context().close();
  });

  it('highlights the row or column of the entity under the cursor and the cells of its flows', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showMatrix(page, contoso);
    const lineOf = (id: string) => contoso.graph.nodes.find((n) => n.id === id)!.range!.start.line + 1;
    await send(page, { type: 'cursor', line: lineOf('gateway:gw-sea'), character: 4 });
    await page.waitForSelector('#matrix .matrix-row.highlight');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the elements of a page function, typed without the DOM library
    assert.deepEqual(await page.$$eval('#matrix .matrix-row.highlight', (rows) => rows.map((r: any) => r.dataset.row)), ['gateway:gw-sea']);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the elements of a page function, typed without the DOM library
    assert.deepEqual(await page.$$eval('#matrix .matrix-cell.highlight', (cells) => cells.map((c: any) => `${c.dataset.row} ${c.dataset.column}`)), ['gateway:gw-sea environment:fabrikam-us']);

    await send(page, { type: 'cursor', line: lineOf('environment:contoso-dev'), character: 4 });
    await page.waitForSelector('#matrix .matrix-column.highlight');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the elements of a page function, typed without the DOM library
    assert.deepEqual(await page.$$eval('#matrix .matrix-column.highlight', (columns) => columns.map((c: any) => c.dataset.column)), ['environment:contoso-dev']);
    assert.deepEqual(await page.$$eval('#matrix .matrix-row.highlight', (rows) => rows.length), 0);
    // A connector is neither: the cell of its flow.
    await send(page, { type: 'cursor', line: lineOf('connector:erp-sql'), character: 4 });
    await page.waitForFunction(() => document.querySelector('#matrix .matrix-cell.highlight')?.dataset.row === 'gateway:gw-ams');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the elements of a page function, typed without the DOM library
    assert.deepEqual(await page.$$eval('#matrix .matrix-cell.highlight', (cells) => cells.map((c: any) => `${c.dataset.row} ${c.dataset.column}`)), ['gateway:gw-ams environment:contoso-prod']);
    assertNoProblems(problems);
    await page.context().close();
  });

  it('narrows to the filters: route classes, an environment, a site, the focus', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showMatrix(page, contoso);
    const cells = async () => (await drawnMatrix(page)).cells.map((c) => `${c.row} ${c.column}`);
    await page.click('#route-filter summary');
    await page.uncheck('#route-filter input[value="expressroute"]');
    await page.waitForFunction(() => document.querySelectorAll('#matrix .matrix-cell').length === 4);
    // Seattle's users take ExpressRoute but their canvas content the internet: the cell stays.
    assert.deepEqual(await cells(), [
      'site:sea-office environment:fabrikam-us',
      'gateway:gw-dub environment:contoso-dev',
      'group:region:europe azureService:orders-db',
      'group:region:unitedstates service:Salesforce',
    ]);
    await page.check('#route-filter input[value="expressroute"]');
    await page.click('#route-filter summary'); // closes the drop-down
    await page.selectOption('#environment-filter', 'environment:contoso-prod');
    await page.waitForFunction(() => document.querySelectorAll('#matrix .matrix-column').length === 1);
    assert.deepEqual(await cells(), ['site:ams-hq environment:contoso-prod', 'desktopFlow:invoice-bot environment:contoso-prod', 'gateway:gw-ams environment:contoso-prod']);
    await page.selectOption('#environment-filter', '');
    await page.selectOption('#site-filter', 'group:site:ams-hq');
    await page.waitForFunction(() => document.querySelectorAll('#matrix .matrix-row').length === 3);
    assert.deepEqual((await drawnMatrix(page)).rows.map((r) => r.id), ['site:ams-hq', 'desktopFlow:invoice-bot', 'gateway:gw-ams']);
    await page.selectOption('#site-filter', '');
    // The focus: the entity under the cursor, then the Focus button; Escape clears it.
    await send(page, { type: 'cursor', line: contoso.graph.nodes.find((n) => n.id === 'gateway:gw-sea')!.range!.start.line + 1, character: 4 });
    await page.click('button[data-action="focus"]');
    await page.waitForFunction(() => document.querySelectorAll('#matrix .matrix-row').length === 1);
    assert.deepEqual(await cells(), ['gateway:gw-sea environment:fabrikam-us']);
    assert.equal(await page.textContent('#focus-chip .focus-label'), 'gw-sea (Data gateway)');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('#matrix .matrix-row').length === 10);
    // The search marks the matching row; Enter scrolls to it and highlights it.
    await page.fill('#search', 'gw-dub');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#matrix .matrix-row.highlight[data-row="gateway:gw-dub"]');
    assertNoProblems(problems);
    await page.context().close();
  });

  it('keeps only the cells in view in the DOM at 100 x 100, also scrolled to the far corner', async () => {
    const dense = { uri: 'file:///dense.ppnet.yaml', graph: denseGraph(100) };
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showMatrix(page, dense);
    assert.equal(await page.textContent('#matrix .matrix-corner-count'), '100 × 100 · 10000 with flows');
    const counts = () => page.evaluate(() => ({ cells: document.querySelectorAll('#matrix .matrix-cell').length, rows: document.querySelectorAll('#matrix .matrix-row').length, columns: document.querySelectorAll('#matrix .matrix-column').length }));
    const first = await counts();
    assert.ok(first.cells > 0 && first.cells < 1000, JSON.stringify(first));
    assert.ok(first.rows < 50 && first.columns < 30, JSON.stringify(first));
    assert.equal(first.cells, first.rows * first.columns);
    assert.ok(await page.$('#matrix .matrix-cell[data-row="site:s0"][data-column="environment:e0"]'));
    assert.equal(await page.$('#matrix .matrix-cell[data-row="site:s99"][data-column="environment:e99"]'), null);

    await page.evaluate(() => {
      const body = document.querySelector('#matrix .matrix-body');
      body.scrollTop = body.scrollHeight;
      body.scrollLeft = body.scrollWidth;
    });
    const corner = await page.waitForSelector('#matrix .matrix-cell[data-row="site:s99"][data-column="environment:e99"]');
    assert.equal(await corner.getAttribute('data-route'), 'no-route'); // (99 + 99) % 5 = 3
    assert.equal(await corner.getAttribute('title'), 'Site 99 → Environment 99: No route\n\nUsers at s99 reach e99.');
    const scrolled = await counts();
    assert.ok(scrolled.cells < 1000 && scrolled.cells === scrolled.rows * scrolled.columns, JSON.stringify(scrolled));
    assert.equal(await page.$('#matrix .matrix-cell[data-row="site:s0"][data-column="environment:e0"]'), null);
    // The headers scroll with the cells.
    assert.ok(await page.isVisible('#matrix .matrix-row[data-row="site:s99"]'));
    assert.ok(await page.isVisible('#matrix .matrix-column[data-column="environment:e99"]'));
    await page.screenshot({ path: screenshotPath('matrix-100x100.png') });
    assertNoProblems(problems);
    await page.context().close();
  });

  it('shows hostile names as text in the matrix and runs none of them', async () => {
    const hostile = example('test', 'fixtures', 'hostile.ppnet.yaml');
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showMatrix(page, hostile);
    const expected = cliRoutes(hostile.file);
    const drawn = await drawnMatrix(page);
    assert.deepEqual(drawn.rows.map((r) => r.label), expected.rows.map((r) => r.label));
    assert.deepEqual(drawn.columns.map((c) => c.label), expected.columns.map((c) => c.label));
    assert.ok(drawn.rows.some((r) => r.label === `<script>window.__pwned='site-name'</script>`));
    assert.ok(drawn.columns.some((c) => c.label === `"><svg onload="window.__pwned='name'">`));
    assert.deepEqual(drawn.cells.map((c) => c.title.split('\n\n')[1]), expected.cells.map((c) => c.reason));
    await page.hover('#matrix .matrix-cell');
    const injected = await page.evaluate(() => ({
      elements: document.querySelectorAll('#matrix img, #matrix script, #matrix svg, #controls img, #controls script').length,
      handlers: [...document.querySelectorAll('#matrix *, #controls *')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      pwned: window.__pwned,
    }));
    assert.deepEqual(injected, { elements: 0, handlers: [], pwned: undefined });
    // The filter lists hold the names as text too.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the elements of a page function, typed without the DOM library
    assert.ok((await page.$$eval('#environment-filter option', (options) => options.map((o: any) => o.textContent))).includes(`"><svg onload="window.__pwned='name'">`));
    await page.screenshot({ path: screenshotPath('matrix-hostile.png') });
    assertNoProblems(problems);
    await page.context().close();
  });
});
