/**
 * The preview of a large topology in headless Chromium: a generated 300-unit file opens on the overview
 * (every group one node, the 300 sites one cluster, bundled edges counted), a click expands a group or
 * the cluster and the group's button collapses it again; the cursor highlights the group that holds the
 * entity; focus (double-click, the Focus button, the search box's Enter) draws only the entity's flows
 * and Escape clears it; the filters keep the flows of a route class, an environment or a site. The
 * example stays the full diagram. Screenshots go to test-results/.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { generateUnits } from '../../bench/generate';
import { graphOfFile } from '../../server/src/cli/graph';
import type { Graph } from '../../protocol/graph';
import { ROOT } from '../support';
import type { ToWebview } from '../../protocol/protocol';
import { openingOverview } from '../../diagram/overview';
import { assertNoProblems, browserForSuite, browserMissing, openPreview, posted, revealOf, screenshotPath, send, waitForPosted } from './harness';

// Page functions run in the browser; the tests compile without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any;

const missing = browserMissing();

/** Generous: the machine may be busy, and a 300-unit graph is several megabytes to post. */
const SLOW = { timeout: 180_000 };

function unitsExample(units: number): { uri: string; graph: Graph; text: string } {
  const file = path.join(ROOT, `generated-${units}.ppnet.yaml`);
  const text = generateUnits(units);
  return { uri: `file://${file}`, graph: graphOfFile(file, text), text };
}

const CONTOSO = path.join(ROOT, 'examples', 'contoso.ppnet.yaml');
const contoso = { uri: `file://${CONTOSO}`, graph: graphOfFile(CONTOSO, fs.readFileSync(CONTOSO, 'utf8')) };

/** Posts a graph as `send` does, as one JSON string: Playwright passes a large object much more slowly. */
async function sendGraph(page: Page, shown: { uri: string; graph: Graph }, answer: { id?: string; version?: number; fit?: boolean } = {}): Promise<void> {
  const message: ToWebview = { type: 'graph', uri: shown.uri, graph: shown.graph, fit: answer.fit ?? true, ...(answer.id && { id: answer.id }), ...(answer.version && { version: answer.version }) };
  await page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message));
}

/** Posts a message as one JSON string, as `sendGraph` does. */
async function sendJson(page: Page, message: ToWebview): Promise<void> {
  await page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message));
}

/** Each drawn node's position (its box's corner), by node id. */
async function nodePositions(page: Page): Promise<Record<string, string>> {
  const list = await page.$$eval('#diagram [data-node]', (elements) =>
    elements.map((e) => [e.getAttribute('data-node')!, `${e.querySelector('.node-box')!.getAttribute('x')},${e.querySelector('.node-box')!.getAttribute('y')}`]),
  );
  return Object.fromEntries(list);
}

async function drawnNodes(page: Page): Promise<string[]> {
  return (await page.$$eval('#diagram [data-node]', (elements) => elements.map((e) => e.getAttribute('data-node')!))).sort();
}

async function flowRows(page: Page): Promise<string[]> {
  return page.$$eval('#flows tbody tr[data-flow]', (rows) => rows.map((r) => r.getAttribute('data-flow')!));
}

/** The line of the YAML of an entity (zero-based), a little inside it. */
function lineIn(graph: Graph, id: string): { line: number; character: number } {
  const node = graph.nodes.find((n) => n.id === id)!;
  return { line: node.range!.start.line + 1, character: 4 };
}

/** The flows of a node as the focus keeps them, computed here: its own, those it starts or ends, those that pass it. */
function flowsThrough(graph: Graph, id: string): string[] {
  const edges = new Set(graph.edges.filter((e) => e.from === id || e.to === id).map((e) => e.id));
  return graph.flows.filter((f) => f.subject === id || f.from === id || f.to === id || f.edges.some((e) => edges.has(e))).map((f) => f.id);
}

describe('preview overview, focus and filters', { skip: missing }, () => {
  const suite = browserForSuite();
  const big = unitsExample(300);
  const regions = big.graph.groups.filter((g) => g.kind === 'region').map((g) => g.id);



  it('opens a 300-unit file on the overview, expands a group on click and collapses it again', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await sendGraph(page, big);
    await page.waitForSelector('#diagram [data-expand="cluster:site"]', SLOW);
    // Every group is one node: the 300 sites one cluster, each region, the edge, the internet, the cloud.
    assert.deepEqual(await drawnNodes(page), [...regions, 'cluster:site', 'group:cloud', 'group:edge', 'group:internet'].sort());
    assert.equal(await page.textContent('#diagram [data-node="cluster:site"] .node-label'), '300 sites');
    assert.equal(await page.textContent('#overview-note'), `Overview · ${300 + regions.length + 3} groups collapsed`);

    // Each drawn edge bundles the edges of the file between what it joins, per route class, and says how many.
    const drawnAs = (id: string) => {
      const node = big.graph.nodes.find((n) => n.id === id);
      const group = node ? node.group! : id;
      return group.startsWith('group:site:') ? 'cluster:site' : group;
    };
    const expected = new Map<string, number>();
    for (const edge of big.graph.edges) {
      const key = `${drawnAs(edge.from)} ${drawnAs(edge.to)} ${edge.route}`;
      if (drawnAs(edge.from) !== drawnAs(edge.to)) expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const bundles = await page.$$eval('#diagram [data-edge]', (elements) =>
      elements.map((e) => ({ key: `${e.getAttribute('data-from')} ${e.getAttribute('data-to')} ${e.getAttribute('data-route')}`, count: e.getAttribute('data-count'), label: e.querySelector('.edge-count')?.textContent ?? null })),
    );
    assert.deepEqual(new Map(bundles.map((b) => [b.key, Number(b.count)])), expected);
    const toEdge = bundles.find((b) => b.key === 'cluster:site group:edge expressroute')!;
    assert.deepEqual([toEdge.count, toEdge.label?.replace(/\D/g, '')], ['900', '900']); // users, gateway and desktop flow of each unit
    await page.screenshot({ path: screenshotPath('overview-300-units.png') });

    // A click on a region expands it: its environments and connectors are drawn, the rest stays collapsed.
    const region = regions[1];
    await page.click(`#diagram [data-expand="${region}"]`);
    await page.waitForSelector(`#diagram [data-group="${region}"] [data-collapse="${region}"]`, SLOW);
    const members = big.graph.nodes.filter((n) => n.group === region).map((n) => n.id);
    assert.deepEqual(await drawnNodes(page), [...regions.filter((r) => r !== region), ...members, 'cluster:site', 'group:cloud', 'group:edge', 'group:internet'].sort());
    assert.equal(await page.isVisible('button[data-action="collapse-all"]'), true);
    await page.screenshot({ path: screenshotPath('overview-300-units-expanded.png') });
    // Its button collapses it again.
    await page.click(`#diagram [data-collapse="${region}"]`);
    await page.waitForSelector(`#diagram [data-expand="${region}"]`, SLOW);
    assert.equal(await page.$$eval('#diagram [data-group]', (groups) => groups.length), 0);
    assertNoProblems(problems);
    await page.context().close();
  });

  it('draws the overview the extension sends ahead of the graph, asks for the graph, and keeps the drawing when it comes', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await sendJson(page, { type: 'overview', uri: big.uri, overview: openingOverview(big.graph)!, fit: true, id: 'a', version: 1 });
    await waitForPosted(page, (m) => m.type === 'wantGraph', 60_000);
    assert.deepEqual(
      (await posted(page)).filter((m) => m.type !== 'ready'),
      [{ type: 'drawn', version: 1 }, { type: 'wantGraph' }],
      'drawn first, then the graph asked for',
    );
    assert.deepEqual(await drawnNodes(page), [...regions, 'cluster:site', 'group:cloud', 'group:edge', 'group:internet'].sort());
    assert.equal(await page.textContent('#flows tbody tr.more-flows'), `${big.graph.flows.length} flows: listing them…`);
    const before = await nodePositions(page);
    // What is drawn exports already.
    await send(page, { type: 'export', format: 'mermaid' });
    const exported = await waitForPosted(page, (m) => m.type === 'exported');
    assert.match(String(exported.data), /<b>300 sites<\/b>/);
    // The cursor meanwhile: its entity is highlighted once the graph is there.
    await send(page, { type: 'cursor', ...lineIn(big.graph, 'gateway:gw-0004') });

    await sendGraph(page, { uri: big.uri, graph: big.graph }, { id: 'a', version: 1, fit: false });
    await page.waitForSelector('#diagram [data-node="cluster:site"].highlight', SLOW);
    await page.waitForFunction(() => document.querySelectorAll('#flows tbody tr[data-flow]').length === 100, undefined, SLOW);
    assert.deepEqual(await nodePositions(page), before, 'the overview drawn from the graph is the one drawn ahead of it');
    assert.equal((await posted(page)).filter((m) => m.type === 'wantGraph').length, 1);
    assertNoProblems(problems);
    await page.context().close();
  });

  it('expands a group clicked before the graph came once it is there', async () => {
    const example = unitsExample(30);
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await sendJson(page, { type: 'overview', uri: example.uri, overview: openingOverview(example.graph)!, fit: true, id: 'a', version: 1 });
    await waitForPosted(page, (m) => m.type === 'wantGraph', 60_000);
    const region = example.graph.groups.find((g) => g.kind === 'region')!.id;
    await page.click(`#diagram [data-expand="${region}"]`);
    assert.ok(await page.$(`#diagram [data-expand="${region}"]`), 'nothing to expand it with yet');
    await sendGraph(page, example, { id: 'a', version: 1, fit: false });
    await page.waitForSelector(`#diagram [data-group="${region}"] [data-collapse="${region}"]`, SLOW);
    const members = example.graph.nodes.filter((n) => n.group === region).map((n) => n.id);
    const drawn = await drawnNodes(page);
    for (const id of members) assert.ok(drawn.includes(id), id);
    assertNoProblems(problems);
    await page.context().close();
  });

  it('opens the cluster of sites into one node per site, and a site into its entities', async () => {
    const example = unitsExample(30);
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await sendGraph(page, example);
    await page.waitForSelector('#diagram [data-expand="cluster:site"]', SLOW);
    await page.click('#diagram [data-expand="cluster:site"]');
    await page.waitForSelector('#diagram [data-expand="group:site:site-0007"]', SLOW);
    assert.equal((await drawnNodes(page)).filter((id) => id.startsWith('group:site:')).length, 30);
    assert.equal(await page.$$eval('#diagram [data-node="cluster:site"]', (nodes) => nodes.length), 0);
    await page.click('#diagram [data-expand="group:site:site-0007"]');
    await page.waitForSelector('#diagram [data-node="gateway:gw-0007"]', SLOW);
    const drawn = await drawnNodes(page);
    for (const id of ['site:site-0007', 'gateway:gw-0007', 'desktopFlow:bot-0007']) assert.ok(drawn.includes(id), id);
    // "Collapse all" goes back to the first overview.
    await page.click('button[data-action="collapse-all"]');
    await page.waitForSelector('#diagram [data-expand="cluster:site"]', SLOW);
    assertNoProblems(problems);
    await page.context().close();
  });

  it('highlights the group or cluster that holds the entity under the cursor, and the entity once expanded', async () => {
    const example = unitsExample(30);
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await sendGraph(page, example);
    await page.waitForSelector('#diagram [data-expand="cluster:site"]', SLOW);
    await send(page, { type: 'cursor', ...lineIn(example.graph, 'gateway:gw-0004') });
    await page.waitForSelector('#diagram [data-node="cluster:site"].highlight');
    // The gateway's connector reaches its environment's region over the edge and the cloud.
    const environment = example.graph.flows.find((f) => f.id === 'connector:erp-sql-0004')!.environment!;
    const region = example.graph.nodes.find((n) => n.id === environment)!.group!;
    const related = await page.$$eval('#diagram .node.related', (nodes) => nodes.map((n) => n.getAttribute('data-node')).sort());
    assert.deepEqual(related, [region, 'cluster:site', 'group:cloud', 'group:edge'].sort());
    assert.equal(await page.$$eval('#diagram .highlight', (nodes) => nodes.length), 1);

    await send(page, { type: 'cursor', ...lineIn(example.graph, environment) });
    await page.waitForSelector(`#diagram [data-node="${region}"].highlight`);
    await page.click(`#diagram [data-expand="${region}"]`);
    await page.waitForSelector(`#diagram [data-node="${environment}"].highlight`, SLOW);
    assertNoProblems(problems);
    await page.context().close();
  });

  it('focuses an entity on double-click, the Focus button or the search: only its flows; Escape clears', async () => {
    const example = unitsExample(30);
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await sendGraph(page, example);
    await page.waitForSelector('#diagram [data-expand="cluster:site"]', SLOW);
    const environment = 'environment:europe-env-0001';
    const region = example.graph.nodes.find((n) => n.id === environment)!.group!;
    await page.click(`#diagram [data-expand="${region}"]`);
    await page.waitForSelector(`#diagram [data-node="${environment}"]`, SLOW);

    await page.dblclick(`#diagram [data-node="${environment}"] .node-label`);
    await page.waitForSelector('#focus-chip:not([hidden])', SLOW);
    await page.waitForFunction(() => !document.querySelector('#diagram [data-expand]'), undefined, SLOW);
    const flows = flowsThrough(example.graph, environment);
    assert.deepEqual(await flowRows(page), flows);
    assert.deepEqual(flows, ['users:site-0001:europe-env-0001', 'static-content:site-0001:europe-env-0001', 'connector:erp-sql-0001', 'connector:crm-0001', 'connector:sales-0001']);
    // Only what those flows reach is drawn.
    const reached = new Set([environment]);
    for (const edge of example.graph.edges) if (edge.flows.some((f) => flows.includes(f))) for (const end of [edge.from, edge.to]) reached.add(end);
    assert.deepEqual(await drawnNodes(page), [...reached].filter((id) => example.graph.nodes.some((n) => n.id === id)).sort());
    assert.equal(await page.textContent('#focus-chip .focus-label'), 'Europe 0001 (Environment · europe-env-0001)');
    await page.screenshot({ path: screenshotPath('overview-focus.png') });

    await page.keyboard.press('Escape');
    await page.waitForSelector('#diagram [data-expand="cluster:site"]', SLOW);
    assert.equal(await page.isHidden('#focus-chip'), true);

    // Select a node (a click highlights it), then the Focus button.
    await page.click('#diagram [data-node="group:edge"]'); // expands the edge: its circuits are drawn
    await page.waitForSelector('#diagram [data-node="circuit:er-0002"]', SLOW);
    await page.click('button[data-action="fit"]'); // the expanded edge is shown from its top; all of it
    await page.click('#diagram [data-node="circuit:er-0002"] .node-label');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').pop(), revealOf(example, 'circuit:er-0002'));
    await page.click('button[data-action="focus"]');
    await page.waitForFunction(() => document.querySelector('#focus-chip .focus-label')?.textContent.startsWith('er-0002'), undefined, SLOW);
    await page.waitForFunction(() => !document.querySelector('#diagram [data-expand]'), undefined, SLOW);
    assert.deepEqual(await flowRows(page), flowsThrough(example.graph, 'circuit:er-0002'));
    await page.click('button[data-action="clear-focus"]');
    await page.waitForSelector('#diagram [data-expand="cluster:site"]', SLOW);

    // The search finds by id or name; Enter focuses the match.
    await page.fill('#search', 'GW-0007');
    assert.equal(await page.textContent('#controls .search-count'), '1 match');
    assert.ok(await page.$('#diagram [data-node="cluster:site"].search-match'), 'the cluster holding the match is marked');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#diagram [data-node="gateway:gw-0007"].highlight', SLOW);
    assert.deepEqual(await flowRows(page), flowsThrough(example.graph, 'gateway:gw-0007'));
    assert.equal(await page.textContent('#controls .search-count'), '1 of 1');
    await page.fill('#search', 'no such thing');
    assert.equal(await page.textContent('#controls .search-count'), 'no match');
    assertNoProblems(problems);
    await page.context().close();
  });

  it('focuses the node a code lens names: before the graph of its file comes, once it is there, and at once after; says which request it took', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    const taken = async () => (await posted(page)).filter((m) => m.type === 'focused').map((m) => m.request);
    // Asked before any graph: kept until the graph of that file comes; a focus for another file is not applied to it.
    await sendJson(page, { type: 'focus', uri: contoso.uri, node: 'circuit:er-ams', request: 1 });
    await sendJson(page, { type: 'focus', uri: 'file:///other.ppnet.yaml', node: 'circuit:er-sea', request: 2 });
    await sendGraph(page, contoso);
    await page.waitForSelector('#diagram [data-node="circuit:er-sea"]', SLOW);
    assert.equal(await page.isHidden('#focus-chip'), true);
    assert.deepEqual(await taken(), []);
    await sendJson(page, { type: 'focus', uri: contoso.uri, node: 'circuit:er-ams', request: 3 });
    await page.waitForFunction(() => document.querySelector('#focus-chip .focus-label')?.textContent === 'er-ams (ExpressRoute circuit)', undefined, SLOW);
    assert.deepEqual(await taken(), [3]);
    await page.waitForFunction(() => !document.querySelector('#diagram [data-node="circuit:er-sea"]'), undefined, SLOW);
    const amsFlows = flowsThrough(contoso.graph, 'circuit:er-ams');
    await page.waitForFunction((expected) => [...document.querySelectorAll('#flows tbody tr[data-flow]')].map((r) => r.getAttribute('data-flow')).join() === expected, amsFlows.join(), SLOW);
    assert.deepEqual(await flowRows(page), amsFlows);
    // The same request again (sent before the answer reached the extension) does not focus again what the user cleared.
    await page.click('button[data-action="clear-focus"]');
    await page.waitForSelector('#focus-chip', { state: 'hidden', ...SLOW });
    await sendJson(page, { type: 'focus', uri: contoso.uri, node: 'circuit:er-ams', request: 3 });
    await sendGraph(page, contoso);
    await page.waitForSelector('#diagram [data-node="circuit:er-sea"]', SLOW);
    assert.equal(await page.isHidden('#focus-chip'), true);
    // A node the graph no longer has: taken, nothing focused.
    await sendJson(page, { type: 'focus', uri: contoso.uri, node: 'circuit:er-gone', request: 4 });
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'focused').length === 2, undefined, SLOW);
    assert.equal(await page.isHidden('#focus-chip'), true);
    // Then an environment, with the graph already there.
    await sendJson(page, { type: 'focus', uri: contoso.uri, node: 'environment:contoso-dev', request: 5 });
    await page.waitForFunction(() => document.querySelector('#focus-chip .focus-label')?.textContent.startsWith('Contoso Development'), undefined, SLOW);
    assert.deepEqual(await taken(), [3, 4, 5]);
    // The bar says it at once; the table once the focused view is laid out.
    const devFlows = flowsThrough(contoso.graph, 'environment:contoso-dev');
    await page.waitForFunction((expected) => [...document.querySelectorAll('#flows tbody tr[data-flow]')].map((r) => r.getAttribute('data-flow')).join() === expected, devFlows.join(), SLOW);
    assert.deepEqual(await flowRows(page), devFlows);
    assertNoProblems(problems);
    await page.context().close();
  });

  it('filters by route class, environment and site', async () => {
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await sendGraph(page, contoso);
    await page.waitForFunction((count) => document.querySelectorAll('#diagram [data-node]').length === count, contoso.graph.nodes.length);
    // The example is drawn whole: no overview.
    assert.equal(await page.$$eval('#diagram [data-expand], #diagram [data-collapse]', (e) => e.length), 0);
    assert.equal(await page.textContent('#overview-note'), '');

    await page.click('#route-filter summary');
    assert.equal(await page.textContent('#route-filter summary'), 'All routes');
    await page.uncheck('#route-filter input[value="internet"]');
    assert.equal(await page.textContent('#route-filter summary'), '5 of 6 routes');
    await page.waitForFunction(() => !document.querySelector('#diagram [data-route="internet"]'));
    assert.deepEqual(await flowRows(page), contoso.graph.flows.filter((f) => f.route !== 'internet').map((f) => f.id));
    assert.equal((await drawnNodes(page)).length, contoso.graph.nodes.length);
    await page.check('#route-filter input[value="internet"]');
    await page.click('#route-filter summary'); // closes the drop-down

    await page.selectOption('#environment-filter', 'environment:contoso-prod');
    await page.waitForFunction(() => document.querySelectorAll('#flows tbody tr[data-flow]').length === 6);
    assert.deepEqual(await flowRows(page), ['users:ams-hq:contoso-prod', 'static-content:ams-hq:contoso-prod', 'connector:erp-sql', 'connector:crm-dataverse', 'desktop-flow:invoice-bot', 'azure-service:orders-db:europe']);
    assert.ok(!(await drawnNodes(page)).includes('environment:fabrikam-us'));
    await page.selectOption('#environment-filter', '');

    await page.selectOption('#site-filter', 'group:site:dub-dc');
    await page.waitForFunction(() => document.querySelectorAll('#flows tbody tr[data-flow]').length === 1);
    assert.deepEqual(await flowRows(page), ['connector:archive-files']);
    assert.deepEqual(await drawnNodes(page), ['connector:archive-files', 'environment:contoso-dev', 'gateway:gw-dub', 'internet', 'service-bus', 'site:dub-dc']);
    await page.screenshot({ path: screenshotPath('preview-filter-site.png') });
    assertNoProblems(problems);
    await page.context().close();
  });

  it('filters a large file to one site: small enough to draw whole', async () => {
    const example = unitsExample(60);
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await sendGraph(page, example);
    await page.waitForSelector('#diagram [data-expand="cluster:site"]', SLOW);
    await page.selectOption('#site-filter', 'group:site:site-0042');
    await page.waitForSelector('#diagram [data-node="gateway:gw-0042"]', SLOW);
    assert.equal(await page.$$eval('#diagram [data-expand]', (e) => e.length), 0);
    // The site's users and their canvas content, its gateway's connector, its desktop flow: not the
    // environment's connectors that stay in Microsoft's network or go to Salesforce.
    const environment = example.graph.flows.find((f) => f.id === 'desktop-flow:bot-0042')!.environment!.slice('environment:'.length);
    assert.deepEqual(await flowRows(page), [`users:site-0042:${environment}`, `static-content:site-0042:${environment}`, 'connector:erp-sql-0042', 'desktop-flow:bot-0042']);
    assertNoProblems(problems);
    await page.context().close();
  });
});
