/**
 * The extension in a real VS Code (1.100, served by code-server to headless Chromium), installed from
 * the .vsix that `npm run package` built: what a user sees after opening the example with mistakes.
 * Screenshots go to test-results/e2e/. Run with `npm run test:e2e`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, chromium } from 'playwright-core';
import { cliFindings, cliGraph, datacenterPair, powerPlatformRegionIds } from '../../reference';
import { ROOT } from '../../support';
import { packApiSuiteExtension, readOutcome, RUN_API_SUITE_TITLE } from './apiSuiteExtension';
import { CodeServer, waitFor } from './codeServer';
import { Problem, Workbench } from './workbench';

const EXAMPLE = 'mistakes.ppnet.yaml';
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

  before(async () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run "npm run package" first (npm run test:e2e does)`);
    fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
    server = await CodeServer.start({ extensions: [VSIX, apiSuite.vsix], files: [path.join(ROOT, 'examples', EXAMPLE), path.join(ROOT, 'examples', 'contoso.ppnet.yaml')] });
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

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
