/**
 * The extension in a real VS Code (1.100, served by code-server to headless Chromium), installed from
 * the .vsix that `npm run package` built: what a user sees after opening the example with mistakes.
 * Screenshots go to test-results/e2e/. Run with `npm run test:e2e`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, chromium } from 'playwright-core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateTopology, generateUnits } from '../../../bench/generate';
import { createLanguageService } from '../../../server/src/service';
import { cliFindings, cliGraph, cliRoutes, datacenterPair, powerPlatformRegionIds } from '../../reference';
import { ROOT } from '../../support';
import { packApiSuiteExtension, readOutcome, RUN_API_SUITE_TITLE } from './apiSuiteExtension';
import { CodeServer, waitFor } from './codeServer';
import { hintsAndLenses } from './hintsAndLenses';
import { Problem, Workbench } from './workbench';

const EXAMPLE = 'mistakes.ppnet.yaml';
/** A generated topology of 300 units (an environment, a site, a circuit, a gateway, connectors and a desktop flow each). */
const LARGE = 'generated-300.ppnet.yaml';
/** A generated topology of 50,000 lines, the largest size the bench measures. */
const HUGE = 'generated-50000.ppnet.yaml';
const HUGE_TEXT = generateTopology(50_000);
const SCREENSHOTS = path.join(ROOT, 'test-results', 'e2e');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VSIX = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);

/** What `ppnet check` reports for a file, but hints, which the Problems panel does not list. */
function cliProblems(file: string): Problem[] {
  return cliFindings(file)
    .filter((f) => f.severity !== 'hint')
    .map((f) => ({ code: f.code, message: f.message, line: f.range.start.line + 1, column: f.range.start.character + 1 }));
}

const byPosition = (a: Problem, b: Problem) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);

describe(`ppnet in VS Code 1.100 (code-server), installed from ${path.basename(VSIX)}`, () => {
  let server: CodeServer;
  let browser: Browser;
  let workbench: Workbench;
  let expected: Problem[];
  const apiSuiteFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-e2e-api-suite-'));
  const apiSuite = packApiSuiteExtension(apiSuiteFolder);
  const largeFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-e2e-large-'));
  fs.writeFileSync(path.join(largeFolder, LARGE), generateUnits(300));
  fs.writeFileSync(path.join(largeFolder, HUGE), HUGE_TEXT);

  before(async () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run "npm run package" first (npm run test:e2e does)`);
    fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
    server = await CodeServer.start({
      extensions: [VSIX, apiSuite.vsix],
      files: [path.join(ROOT, 'examples', EXAMPLE), path.join(ROOT, 'examples', 'contoso.ppnet.yaml'), path.join(largeFolder, LARGE), path.join(largeFolder, HUGE)],
    });
    expected = cliProblems(path.join(server.folder, EXAMPLE)).sort(byPosition);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    workbench = new Workbench(page, SCREENSHOTS);
    await workbench.open(server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(apiSuiteFolder, { recursive: true, force: true });
    fs.rmSync(largeFolder, { recursive: true, force: true });
  });

  /** Wraps a scenario: when it fails, a screenshot of that moment, and no widget left open for the next one. */
  const scenario = (name: string, body: () => Promise<void>) => async () => {
    try {
      await body();
    } catch (error) {
      await workbench.screenshot(`failed-${name}`);
      for (let i = 0; i < 3; i++) await workbench.page.keyboard.press('Escape');
      throw error;
    }
  };

  /** The preview of the large file as it opens: no search, focus or filter, the diagram (a scenario that failed may leave them). */
  const resetPreview = async () => {
    const view = await workbench.webview();
    await view.locator('#search').fill('');
    if (await view.locator('#focus-chip').isVisible()) await view.locator('button[data-action="clear-focus"]').click();
    for (const select of ['#environment-filter', '#site-filter']) await view.locator(select).selectOption('');
    if ((await view.locator('#route-filter summary').textContent()) !== 'All routes') {
      await view.locator('#route-filter summary').click();
      for (const box of await view.locator('#route-filter input').all()) await box.check();
      await view.locator('#route-filter summary').click();
    }
    if ((await view.locator('button[data-action="mode-matrix"]').getAttribute('aria-pressed')) === 'true') await view.locator('button[data-action="mode-diagram"]').click();
    await view.locator('svg.ppnet-graph [data-expand="cluster:site"]').waitFor({ timeout: 120_000 });
  };

  /** Runs `body` with the preview alone on screen (side bar and panel hidden, its group maximized), as a user gives a large topology room. */
  const maximizePreview = async (body: () => Promise<void>) => {
    await workbench.toggleSideBarAndPanel();
    await workbench.page.keyboard.press('Control+2');
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+M');
    await workbench.page.locator(`.tab[aria-label^="${LARGE}"]`).waitFor({ state: 'hidden' });
    try {
      await body();
    } finally {
      await workbench.page.keyboard.press('Control+2');
      await workbench.page.keyboard.press('Control+K');
      await workbench.page.keyboard.press('Control+M');
      await workbench.page.locator(`.tab[aria-label^="${LARGE}"]`).waitFor();
      await workbench.toggleSideBarAndPanel();
    }
  };

  // First, while no other file has problems: the Problems panel then lists this file's only.
  it('types a new key in a 50,000-line file: the broken YAML shows where it is, completion offers the key and its values, and the YAML error goes', scenario('typing', async () => {
    // After `type: sandbox` of an environment in the middle of its section (one-based line).
    const lines = HUGE_TEXT.split('\n');
    const after = lines.indexOf('    type: sandbox', Math.floor(lines.findIndex((l) => l === 'sites:') / 2)) + 1;
    assert.ok(after > 1000);
    const problemsOf = (text: string): Problem[] =>
      createLanguageService()
        .validate(TextDocument.create('file:///huge.ppnet.yaml', 'ppnet', 1, text))
        .filter((d) => d.severity !== 4)
        .map((d) => ({ code: String(d.code), message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1 }));
    assert.deepEqual(problemsOf(HUGE_TEXT), []);
    const typed = (key: string) => [...lines.slice(0, after), `    ${key}`, ...lines.slice(after)].join('\n');
    const broken = problemsOf(typed('cdn')).sort(byPosition);
    // A key without its colon: a YAML error on the new line, where the key (run on into the next line) is also unknown.
    assert.deepEqual(broken.map((p) => [p.code, p.line]), [['unknown-key', after + 1], ['yaml-syntax', after + 1]]);

    await workbench.openFile(HUGE);
    await workbench.waitForServerStatus('is running');
    await workbench.goTo(after, lines[after - 1].length + 1);
    await workbench.page.keyboard.press('Enter');
    await workbench.waitForCurrentLine(/^ {4}$/);
    await workbench.page.keyboard.type('cdn');
    await workbench.waitForCurrentLine(/^ {4}cdn$/);
    assert.deepEqual((await workbench.problems(HUGE, broken.length)).sort(byPosition), broken.sort(byPosition));
    await workbench.screenshot('typing-broken');

    // Completion at the key being typed offers it (the environment's other keys do not match `cdn`), then its values.
    await workbench.goTo(after + 1, 8);
    assert.deepEqual(await workbench.suggestions('cdn'), ['cdn']);
    await workbench.acceptSuggestion('cdn');
    await workbench.waitForCurrentLine(/^ {4}cdn: $/);
    assert.deepEqual(await workbench.suggestions('false'), ['true', 'false']);
    await workbench.screenshot('typing-completion');
    await workbench.acceptSuggestion('true');
    await workbench.waitForCurrentLine(/^ {4}cdn: true$/);
    // The YAML error is gone; what is left is what ppnet says of `cdn` on an environment without canvas apps.
    const done = problemsOf(typed('cdn: true')).sort(byPosition);
    assert.deepEqual(done.map((p) => [p.code, p.line]), [['cdn-no-effect', after + 1]]);
    assert.deepEqual((await workbench.problems(HUGE, done.length)).sort(byPosition), done);

    await workbench.runCommand('File: Revert File');
    await workbench.runCommand('View: Close Editor');
    await workbench.page.locator(`.tab[aria-label^="${HUGE}"]`).waitFor({ state: 'detached' });
  }));

  it('shows the problems of the example in the Problems panel, with their codes, as ppnet check does', scenario('problems', async () => {
    await workbench.openFile(EXAMPLE);
    await workbench.waitForServerStatus('is running');
    assert.ok(expected.length >= 3, `the example should have several mistakes: ${JSON.stringify(expected)}`);
    const shown = await workbench.problems(EXAMPLE, expected.length);
    await workbench.goTo(1, 1);
    await workbench.screenshot('problems');
    assert.deepEqual(shown.sort(byPosition), expected);
  }));

  it('hovers a region and shows its datacenter pair', scenario('hover', async () => {
    // Line 10 is `region: unitedkingdom` of environment nw-uk.
    await workbench.goTo(10, 13);
    const pair = datacenterPair('unitedkingdom');
    const hover = await workbench.hoverAtCursor(pair[0]);
    await workbench.screenshot('hover');
    for (const region of pair) assert.match(hover, new RegExp(region), hover);
    await workbench.page.keyboard.press('Escape');
  }));

  it('completes a circuit region and the mismatch goes away', scenario('completion', async () => {
    // Line 23 is `region: europe` of circuit er-lon, which serves nw-uk in unitedkingdom.
    assert.ok(expected.some((p) => p.code === 'circuit-region-mismatch' && p.line === 23));
    await workbench.goTo(23, 13);
    await workbench.page.keyboard.press('Control+Delete'); // removes "europe"
    await workbench.page.keyboard.type('united');
    const labels = await workbench.suggestions('unitedkingdom');
    await workbench.screenshot('completion');
    // Power Platform regions, the region of the environment the circuit serves first.
    const others = powerPlatformRegionIds().filter((id) => id.startsWith('united') && id !== 'unitedkingdom');
    assert.deepEqual(labels, ['unitedkingdom', ...others]);
    await workbench.acceptSuggestion('unitedkingdom');
    await workbench.waitForCurrentLine(/^ {4}region: unitedkingdom +# nw-uk is in unitedkingdom$/);
    await workbench.page.keyboard.press('Control+S'); // the later scenarios compare with the file on disk
    const remaining = expected.filter((p) => !(p.code === 'circuit-region-mismatch' && p.line === 23));
    assert.deepEqual((await workbench.problems(EXAMPLE, remaining.length)).sort(byPosition), cliProblems(path.join(server.folder, EXAMPLE)).sort(byPosition));
  }));

  it('opens the preview beside the file and draws the diagram', scenario('preview', async () => {
    const graph = cliGraph(path.join(server.folder, EXAMPLE));
    await workbench.openFile(EXAMPLE);
    await workbench.toggleSideBarAndPanel();
    await workbench.runCommand('ppnet: Open Preview to the Side');
    const view = await workbench.webview();
    await view.locator('#title-text', { hasText: graph.title }).waitFor({ timeout: 30_000 });
    // Every entity that `ppnet graph` draws is drawn in the preview.
    const nodes = view.locator('svg.ppnet-graph [data-node]');
    await nodes.first().waitFor();
    const drawn = await nodes.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node')!));
    assert.deepEqual(drawn.sort(), graph.nodes.map((n) => n.id).sort());
    await workbench.screenshot('preview');
    // The preview alone (its editor group maximized, Ctrl+K Ctrl+M), fitted to the larger view.
    await workbench.page.keyboard.press('Control+2');
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+M');
    await workbench.page.locator(`.tab[aria-label^="${EXAMPLE}"]`).waitFor({ state: 'hidden' }); // the other group is hidden
    const viewport = view.locator('svg.ppnet-graph #viewport');
    const fittedBefore = await viewport.getAttribute('transform');
    await view.locator('button[data-action="fit"]').click();
    await workbench.until(async () => (await viewport.getAttribute('transform')) !== fittedBefore, 'the diagram to fit the larger view');
    await workbench.screenshot('preview-maximized');
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+M');
    await workbench.page.locator(`.tab[aria-label^="${EXAMPLE}"]`).waitFor(); // both groups are back
    // The cursor on gateway gw-lon (line 38) highlights it in the diagram (ppnet.preview.highlightCursor).
    await workbench.goTo(38, 3);
    await view.locator('svg.ppnet-graph [data-node="gateway:gw-lon"].highlight').waitFor();
    await workbench.screenshot('preview-highlight');
    await workbench.toggleSideBarAndPanel();
  }));

  it('redraws the preview while typing and keeps the zoom and pan', scenario('redraw', async () => {
    // The preview of the scenario above is open beside the file. The user zooms in and pans.
    const view = await workbench.webview();
    const viewport = view.locator('svg.ppnet-graph #viewport');
    let transform = await viewport.getAttribute('transform');
    const untilMoved = async (what: string) => {
      const before = transform;
      await workbench.until(async () => (transform = await viewport.getAttribute('transform')) !== before, what);
    };
    await view.locator('button[data-action="zoom-in"]').click();
    await untilMoved('the diagram to zoom in');
    const area = (await view.locator('#diagram').boundingBox())!;
    await workbench.page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await workbench.page.mouse.down();
    await workbench.page.mouse.move(area.x + area.width / 2 + 60, area.y + area.height / 2 + 40, { steps: 5 });
    await workbench.page.mouse.up();
    await untilMoved('the diagram to pan');
    // Renaming site unused-site (line 18), one name after another, renames its box in the diagram.
    await workbench.noteTypedKeys();
    const latencies: number[] = [];
    let name = 'unused-site';
    for (const next of ['branch-1', 'branch-2', 'branch-3', 'branch-4', 'branch-5']) {
      await workbench.goTo(18, 3);
      for (let i = 0; i < name.length; i++) await workbench.page.keyboard.press('Shift+ArrowRight');
      await workbench.noteAppearance(view, `svg.ppnet-graph [data-node="site:${next}"]`);
      await workbench.page.keyboard.type(next);
      await view.locator(`svg.ppnet-graph [data-group="group:site:${next}"] .group-label`, { hasText: next }).waitFor();
      latencies.push((await workbench.appearedAt(view)) - (await workbench.lastTypedKeyAt()));
      assert.equal(await view.locator(`svg.ppnet-graph [data-node="site:${name}"]`).count(), 0, `site ${name} is still drawn`);
      assert.equal(await viewport.getAttribute('transform'), transform, 'the redraw changed the zoom or pan');
      name = next;
    }
    await workbench.screenshot('preview-redraw');
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`preview redraw, last typed key to new SVG: ${latencies.join(', ')} ms (median ${sorted[Math.floor(sorted.length / 2)]} ms)`);
    await workbench.runCommand('File: Revert File'); // the later scenarios use the file as saved
    await view.locator('svg.ppnet-graph [data-node="site:unused-site"]').waitFor();
  }));

  it('restores the preview after a window reload, with its diagram, zoom and pan', scenario('reload', async () => {
    const graph = cliGraph(path.join(server.folder, EXAMPLE));
    const previewTab = workbench.page.locator('.tab[aria-label*="preview" i]');
    await previewTab.waitFor();
    // The zoom and pan the user set in the scenario above.
    const transform = await (await workbench.webview()).locator('svg.ppnet-graph #viewport').getAttribute('transform');
    await workbench.reloadWindow();
    await previewTab.waitFor({ timeout: 30_000 });
    const view = await workbench.webview();
    // The title is in the page even where the toolbar is too narrow to show it.
    await view.locator('#title-text', { hasText: graph.title }).waitFor({ state: 'attached', timeout: 30_000 });
    const nodes = view.locator('svg.ppnet-graph [data-node]');
    await nodes.first().waitFor({ timeout: 30_000 });
    const drawn = await nodes.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node')!));
    assert.deepEqual(drawn.sort(), graph.nodes.map((n) => n.id).sort());
    assert.equal(await view.locator('svg.ppnet-graph #viewport').getAttribute('transform'), transform, 'the reload lost the zoom or pan');
    await workbench.screenshot('preview-reloaded');
  }));

  it('opens a 300-unit file on the overview: groups collapsed, a click expands one, the cursor highlights its group', scenario('overview', async () => {
    // The preview of the scenarios above is open beside the file; it follows the active editor.
    const graph = cliGraph(path.join(server.folder, LARGE)) as LargeGraph;
    const regions = graph.groups.filter((g) => g.kind === 'region').map((g) => g.id);
    await workbench.openFile(LARGE);
    const view = await workbench.webview();
    await view.locator('#title-text', { hasText: graph.title }).waitFor({ state: 'attached', timeout: 120_000 });
    await view.locator('svg.ppnet-graph [data-expand="cluster:site"]').waitFor({ timeout: 120_000 });
    const drawn = async () => (await view.locator('svg.ppnet-graph [data-node]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node')!))).sort();
    assert.deepEqual(await drawn(), [...regions, 'cluster:site', 'group:cloud', 'group:edge', 'group:internet'].sort());
    assert.equal(await view.locator('svg.ppnet-graph [data-node="cluster:site"] .node-label').textContent(), '300 sites');
    // The cursor in gateway gw-0005's YAML highlights the cluster of sites that holds it.
    await workbench.goTo(lineOf(graph, 'gateway:gw-0005') + 2, 5);
    await view.locator('svg.ppnet-graph [data-node="cluster:site"].highlight').waitFor();
    await maximizePreview(async () => {
      await view.locator('button[data-action="flows"]').click(); // the diagram takes the room of the flows table
      await view.locator('button[data-action="fit"]').click();
      await workbench.screenshot('overview');
      // A click on a region expands it: its environments and connectors are drawn, the other groups stay collapsed.
      const region = graph.nodes.find((n) => n.id === 'environment:europe-env-0001')!.group!;
      await view.locator(`svg.ppnet-graph [data-expand="${region}"]`).click();
      await view.locator(`svg.ppnet-graph [data-group="${region}"] [data-collapse="${region}"]`).waitFor({ timeout: 120_000 });
      const members = graph.nodes.filter((n) => n.group === region).map((n) => n.id);
      assert.deepEqual(await drawn(), [...regions.filter((r) => r !== region), ...members, 'cluster:site', 'group:cloud', 'group:edge', 'group:internet'].sort());
      await workbench.screenshot('overview-expanded');
      await view.locator(`svg.ppnet-graph [data-collapse="${region}"]`).click();
      await view.locator(`svg.ppnet-graph [data-expand="${region}"]`).waitFor({ timeout: 120_000 });
      await view.locator('button[data-action="flows"]').click();
    });
  }));

  it('focuses an entity found by the search: only its flows; a click reveals its YAML; Escape clears', scenario('focus', async () => {
    await resetPreview();
    const graph = cliGraph(path.join(server.folder, LARGE)) as LargeGraph;
    const view = await workbench.webview();
    await maximizePreview(async () => {
      await view.locator('#search').fill('gw-0042');
      await view.locator('#controls .search-count', { hasText: '1 match' }).waitFor();
      await view.locator('#search').press('Enter');
      await view.locator('#focus-chip .focus-label', { hasText: 'Gateway cluster 0042' }).waitFor();
      await view.locator('svg.ppnet-graph [data-node="gateway:gw-0042"].highlight').waitFor({ timeout: 120_000 });
      // Only the gateway's flows and what they reach.
      const flows = flowsThrough(graph, 'gateway:gw-0042');
      assert.deepEqual(flows, ['connector:erp-sql-0042']);
      const reached = new Set(['gateway:gw-0042', ...graph.edges.filter((e) => e.flows.some((f) => flows.includes(f))).flatMap((e) => [e.from, e.to])]);
      const drawn = await view.locator('svg.ppnet-graph [data-node]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node')!));
      assert.deepEqual(drawn.sort(), [...reached].sort());
      await view.locator('button[data-action="flows"]').click(); // the flows table: the focused flows
      assert.deepEqual(await view.locator('#flows tbody tr[data-flow]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-flow'))), flows);
      await workbench.screenshot('overview-focus');
      await view.locator('button[data-action="flows"]').click();
    });
    // A click on the gateway reveals its YAML in the editor (fitted first to the preview beside the file).
    await view.locator('button[data-action="fit"]').click();
    await view.locator('svg.ppnet-graph [data-node="gateway:gw-0042"] .node-label').click();
    const gateway = graph.nodes.find((n) => n.id === 'gateway:gw-0042')!;
    await workbench.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${gateway.range!.end.line + 1}, Col ${gateway.range!.end.character + 1}` }).waitFor();
    // Escape in the preview goes back to the overview.
    await view.locator('#search').press('Escape');
    await view.locator('svg.ppnet-graph [data-expand="cluster:site"]').waitFor({ timeout: 120_000 });
    assert.equal(await view.locator('#focus-chip').isHidden(), true);
  }));

  it('filters the overview by route class and by site', scenario('filter', async () => {
    await resetPreview();
    const view = await workbench.webview();
    assert.ok((await view.locator('svg.ppnet-graph [data-route="internet"]').count()) > 0);
    await view.locator('#route-filter summary').click();
    await view.locator('#route-filter input[value="internet"]').uncheck();
    await workbench.until(async () => (await view.locator('svg.ppnet-graph [data-route="internet"]').count()) === 0, 'the internet edges to go');
    await view.locator('#route-filter input[value="internet"]').check();
    await view.locator('svg.ppnet-graph [data-route="internet"]').first().waitFor({ timeout: 120_000 });
    await view.locator('#route-filter summary').click(); // closes the drop-down
    // One site of the 300 is small enough to draw whole.
    await view.locator('#site-filter').selectOption('group:site:site-0007');
    await view.locator('svg.ppnet-graph [data-node="desktopFlow:bot-0007"]').waitFor({ timeout: 120_000 });
    assert.equal(await view.locator('svg.ppnet-graph [data-expand]').count(), 0);
    await workbench.screenshot('overview-site-filter');
    await view.locator('#site-filter').selectOption('');
    await view.locator('svg.ppnet-graph [data-expand="cluster:site"]').waitFor({ timeout: 120_000 });
  }));

  it('shows the route matrix that ppnet routes prints; a cell reveals its source, the cursor its row', scenario('matrix', async () => {
    await resetPreview();
    const routes = cliRoutes(path.join(server.folder, LARGE));
    const view = await workbench.webview();
    await view.locator('button[data-action="mode-matrix"]').click();
    await view.locator('#matrix .matrix-corner-count', { hasText: `${routes.rows.length} × ${routes.columns.length} · ${routes.cells.length} with flows` }).waitFor();
    await maximizePreview(async () => {
      // Every cell in view is the command line's, and only those in view are in the page.
      const cells = await view.locator('#matrix .matrix-cell:not(.empty)').evaluateAll((elements) =>
        elements.map((e) => ({ row: e.getAttribute('data-row')!, column: e.getAttribute('data-column')!, route: e.getAttribute('data-route')!, reason: (e.getAttribute('title') ?? '').split('\n\n')[1] })),
      );
      assert.ok(cells.length > 0 && cells.length < routes.cells.length / 10, `${cells.length} cells drawn of ${routes.cells.length}`);
      const expected = new Map(routes.cells.map((c) => [`${c.row} ${c.column}`, { row: c.row, column: c.column, route: c.route, reason: c.reason }]));
      for (const cell of cells) assert.deepEqual(cell, expected.get(`${cell.row} ${cell.column}`));
      // The rows in view are the command line's, in its order (the view opens at the entity last highlighted).
      const rows = await view.locator('#matrix .matrix-row').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-row')));
      const first = routes.rows.findIndex((r) => r.id === rows[0]);
      assert.deepEqual(rows, routes.rows.slice(first, first + rows.length).map((r) => r.id));
      // The search's Enter scrolls to a site.
      await view.locator('#search').fill('Office 0003');
      await view.locator('#search').press('Enter');
      await view.locator('#matrix .matrix-row.highlight[data-row="site:site-0003"]').waitFor();
      await workbench.screenshot('matrix');
    });
    // A click on a cell reveals the YAML of its first flow: site-0003's users reach their environment.
    const cell = routes.cells.find((c) => c.row === 'site:site-0003')!;
    await view.locator(`#matrix .matrix-cell[data-row="site:site-0003"][data-column="${cell.column}"]`).click();
    await workbench.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${cell.range!.end.line + 1}, Col ${cell.range!.end.character + 1}` }).waitFor();
    // The cursor on a gateway far down highlights its row, scrolled into view.
    await view.locator('#search').fill('');
    const graph = cliGraph(path.join(server.folder, LARGE)) as LargeGraph;
    await workbench.goTo(lineOf(graph, 'gateway:gw-0250') + 2, 5);
    await view.locator('#matrix .matrix-row.highlight[data-row="gateway:gw-0250"]').waitFor();
    await workbench.screenshot('matrix-cursor');
    await view.locator('button[data-action="mode-diagram"]').click();
    await view.locator('svg.ppnet-graph [data-expand="cluster:site"]').waitFor({ timeout: 120_000 });
    // The scenarios below use the example, in the first editor group, the preview beside it.
    await workbench.page.keyboard.press('Control+1');
    await workbench.openFile(EXAMPLE);
  }));

  it('exports the route filters and policies in the format picked, saved where asked, as ppnet export writes them', scenario('export', async () => {
    const page = workbench.page;
    await workbench.openFile('contoso.ppnet.yaml');
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>ppnet: Export Route Filters and Policies');
    await page.locator('.quick-input-list .monaco-list-row[aria-label^="ppnet: Export Route Filters and Policies"]').first().waitFor();
    await page.keyboard.press('Enter');
    // The format quick pick, then VS Code's own save dialog, which proposes contoso.tf beside the design.
    await page.locator('.quick-input-list .monaco-list-row[aria-label^="Terraform"]').waitFor();
    await input.fill('Terraform');
    await page.locator('.quick-input-list .monaco-list-row.focused[aria-label^="Terraform"]').waitFor();
    await page.keyboard.press('Enter');
    await workbench.until(async () => (await input.inputValue()).endsWith('/contoso.tf'), 'the save dialog to propose contoso.tf');
    await page.keyboard.press('Enter');
    await workbench.waitForNotification('ppnet: exported contoso.tf.');
    await workbench.screenshot('export');
    const written = path.join(server.folder, 'contoso.tf');
    const cli = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), 'export', path.join(server.folder, 'contoso.ppnet.yaml'), '--format', 'terraform'], { encoding: 'utf8' });
    assert.equal(fs.readFileSync(written, 'utf8'), cli);
  }));

  it('shows no inlay hint or code lens by default, both once the settings turn them on, and a lens focuses the preview', scenario('hints-and-lenses', () => hintsAndLenses(workbench, server)));

  it('restarts the language server after a crash and says so', scenario('crash', async () => {
    await workbench.openFile(EXAMPLE);
    const [crashed] = await waitFor(() => nonEmpty(server.languageServerPids()), 30_000, () => 'no language server process');
    process.kill(crashed, 'SIGKILL');
    const notice = await workbench.waitForNotification('stopped unexpectedly');
    assert.match(notice, /The ppnet language server stopped unexpectedly and was restarted\./);
    await workbench.screenshot('crash-restart');
    const [restarted] = await waitFor(() => nonEmpty(server.languageServerPids().filter((pid) => pid !== crashed)), 30_000, () => 'the server was not restarted');
    assert.notEqual(restarted, crashed);
    await workbench.waitForServerStatus('is running');
  }));

  it('restarts the language server on command and shows its output', scenario('restart', async () => {
    const [before] = await waitFor(() => nonEmpty(server.languageServerPids()), 30_000, () => 'no language server process');
    await workbench.runCommand('ppnet: Restart Language Server');
    await waitFor(() => nonEmpty(server.languageServerPids().filter((pid) => pid !== before)), 30_000, () => 'the server was not restarted');
    await workbench.waitForServerStatus('is running');
    await workbench.runCommand('ppnet: Show Output');
    await workbench.page.locator('.output-view .view-lines', { hasText: 'Restarting the ppnet language server.' }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('output');
  }));

  it('gives up after five crashes in three minutes, says so, and starts again on command', scenario('give-up', async () => {
    // The crash scenario above counted one; the restart command since then started a fresh count.
    // The first two crashes hit a running server, the others a server still starting (killed as soon
    // as it is there), which must be restarted all the same.
    for (let crash = 1; crash <= 5; crash++) {
      if (crash <= 2) await workbench.waitForServerStatus('is running');
      const [pid] = await waitFor(() => nonEmpty(server.languageServerPids()), 30_000, () => `no language server process before crash ${crash}`);
      process.kill(pid, 'SIGKILL');
      await waitFor(() => (server.languageServerPids().includes(pid) ? undefined : true), 30_000, () => `process ${pid} did not end`);
      if (crash < 5) await waitFor(() => nonEmpty(server.languageServerPids()), 30_000, () => `the server was not restarted after crash ${crash}`);
    }
    const notice = await workbench.waitForNotification('and was not restarted');
    assert.match(notice, /The ppnet language server stopped unexpectedly 5 times in 3 minutes and was not restarted\. Run "ppnet: Restart Language Server" to start it again\./);
    await workbench.waitForServerStatus('stopped unexpectedly too often');
    assert.deepEqual(server.languageServerPids(), []);
    // The preview, still open beside the file, says why it has no diagram.
    await (await workbench.webview()).getByText('The ppnet language server is not running.', { exact: true }).waitFor();
    await workbench.screenshot('gave-up');
    await workbench.runCommand('ppnet: Restart Language Server');
    await waitFor(() => nonEmpty(server.languageServerPids()), 30_000, () => 'the server did not start again');
    await workbench.waitForServerStatus('is running');
  }));

  it('passes the @vscode/test-electron suite (diagnostics, hover, completion, preview, commands through the VS Code API)', scenario('api-suite', async () => {
    await workbench.runCommand(RUN_API_SUITE_TITLE);
    const outcome = await waitFor(() => readOutcome(apiSuite.resultFile), 120_000, () => 'the API suite to finish');
    assert.ok(outcome.passed, outcome.output);
    console.log(outcome.output);
  }));
});

interface LargeGraph {
  title: string;
  nodes: { id: string; group?: string; range?: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  groups: { id: string; kind: string }[];
  edges: { id: string; from: string; to: string; flows: string[] }[];
  flows: { id: string; from: string; to: string; subject: string; edges: string[] }[];
}

/** The one-based line of an entity's key. */
function lineOf(graph: LargeGraph, id: string): number {
  return graph.nodes.find((n) => n.id === id)!.range!.start.line + 1;
}

/** The flows the focus on a node keeps: its own, those it starts or ends, those that pass it. */
function flowsThrough(graph: LargeGraph, id: string): string[] {
  const edges = new Set(graph.edges.filter((e) => e.from === id || e.to === id).map((e) => e.id));
  return graph.flows.filter((f) => f.subject === id || f.from === id || f.to === id || f.edges.some((e) => edges.has(e))).map((f) => f.id);
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
