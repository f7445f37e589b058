/**
 * `ppnet graph`: the preview's SVG (the same renderer, so the same picture), Mermaid that Mermaid's own
 * parser accepts (run in headless Chromium, which it needs for its DOM), and the graph as JSON.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { generateUnits } from '../../bench/generate';
import { graphOfFile, renderGraph, viewOfGraph } from '../../server/src/cli/graph';
import { toMermaid } from '../../diagram/mermaid';
import { collapseGraph, focusGraph } from '../../diagram/views';
import { overviewOf } from '../../diagram/overview';
import { ROOT } from '../support';
import { browserMissing, launchBrowser } from '../webview/harness';

// Page functions run in the browser; the tests compile without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any;

const CONTOSO = path.join(ROOT, 'examples', 'contoso.ppnet.yaml');
const MISTAKES = path.join(ROOT, 'examples', 'mistakes.ppnet.yaml');
const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile.ppnet.yaml');

function ppnet(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ppnet graph', () => {
  it('writes the preview\'s SVG to the -o file: every entity a node, every flow on its edges', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-graph-')), 'contoso.svg');
    const result = ppnet('graph', CONTOSO, '--format', 'svg', '-o', out);
    assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
    const svg = fs.readFileSync(out, 'utf8');
    const graph = graphOfFile(CONTOSO, fs.readFileSync(CONTOSO, 'utf8'));
    assert.equal(svg, await renderGraph(graph, 'svg'));
    for (const node of graph.nodes) assert.ok(svg.includes(`data-node="${node.id}"`), node.id);
    for (const edge of graph.edges) assert.ok(svg.includes(`data-edge="${edge.id}" data-route="${edge.route}"`), edge.id);
    assert.match(svg, /<g class="legend">/);
  });

  it('prints JSON and exits 0 even when the file has errors; bad usage exits 2', () => {
    const json = ppnet('graph', MISTAKES, '--format', 'json');
    assert.equal(json.status, 0);
    assert.deepEqual(JSON.parse(json.stdout), graphOfFile(MISTAKES, fs.readFileSync(MISTAKES, 'utf8')));
    assert.deepEqual(ppnet('graph', MISTAKES, '--format', 'gif').stderr, 'ppnet: --format must be svg, png, drawio, mermaid or json, not "gif"\n');
    assert.equal(ppnet('graph', MISTAKES, '--format', 'gif').status, 2);
    assert.equal(ppnet('graph', path.join(ROOT, 'no-such.ppnet.yaml')).status, 2);
    assert.equal(ppnet('graph', CONTOSO, MISTAKES).status, 2);
    assert.equal(ppnet('graph', CONTOSO, '--theme', 'sepia').status, 2);
  });

  it('--collapse draws the overview: every group one node, edges bundled with their count', async () => {
    const result = ppnet('graph', CONTOSO, '--collapse');
    assert.deepEqual([result.status, result.stderr], [0, '']);
    const graph = graphOfFile(CONTOSO, fs.readFileSync(CONTOSO, 'utf8'));
    const overview = collapseGraph(graph);
    assert.equal(result.stdout, await renderGraph(overview, 'svg'));
    for (const group of graph.groups) assert.ok(result.stdout.includes(`data-node="${group.id}" data-kind="group"`), group.id);
    assert.doesNotMatch(result.stdout, /class="group group-/);
    assert.match(result.stdout, /class="edge-count"[^>]*>×3</);
    assert.deepEqual(JSON.parse(ppnet('graph', CONTOSO, '--collapse', '--format', 'json').stdout), overview);
  });

  it('--collapse draws the preview\'s overview of a large file: more than 24 sites are one node', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-graph-'));
    const file = path.join(dir, 'units.ppnet.yaml');
    fs.writeFileSync(file, generateUnits(30));
    const result = ppnet('graph', file, '--collapse', '--format', 'json');
    assert.deepEqual([result.status, result.stderr], [0, '']);
    const shown = JSON.parse(result.stdout);
    const sites = shown.nodes.find((n: { id: string }) => n.id === 'cluster:site');
    assert.deepEqual([sites.caption, sites.label], ['On-premises sites', '30 sites']);
    assert.equal(shown.nodes.filter((n: { id: string }) => n.id.startsWith('group:site:')).length, 0);
    assert.deepEqual(shown, overviewOf(graphOfFile(file, generateUnits(30)), new Set()).graph);
  });

  it('--focus keeps the flows of one entity, named by its node id or its bare id', () => {
    const graph = graphOfFile(CONTOSO, fs.readFileSync(CONTOSO, 'utf8'));
    const byNode = ppnet('graph', CONTOSO, '--focus', 'gateway:gw-sea', '--format', 'json');
    assert.deepEqual([byNode.status, byNode.stderr], [0, '']);
    assert.deepEqual(JSON.parse(byNode.stdout), focusGraph(graph, 'gateway:gw-sea'));
    assert.deepEqual(JSON.parse(byNode.stdout).flows.map((f: { id: string }) => f.id), ['connector:us-oracle']);
    assert.equal(ppnet('graph', CONTOSO, '--focus=gw-sea', '--format', 'json').stdout, byNode.stdout);
    // With --collapse, the focused entity's group stays open and the rest is collapsed.
    const both = JSON.parse(ppnet('graph', CONTOSO, '--focus', 'gw-sea', '--collapse', '--format', 'json').stdout);
    assert.deepEqual(both.groups.map((g: { id: string }) => g.id), ['group:site:sea-office']);
    assert.deepEqual(both, viewOfGraph(graph, { focus: 'gw-sea', collapse: true }));
  });

  it('--focus names an unknown entity with what it may have meant, and an ambiguous one with its candidates', () => {
    assert.deepEqual(ppnet('graph', CONTOSO, '--focus', 'gw-seaa'), { status: 2, stdout: '', stderr: 'ppnet: --focus: no node or entity "gw-seaa" in the graph. Did you mean gw-sea?\n' });
    assert.deepEqual(ppnet('graph', CONTOSO, '--focus', 'site:dubdc').stderr, 'ppnet: --focus: no node or entity "site:dubdc" in the graph. Did you mean site:dub-dc?\n');
    assert.equal(ppnet('graph', CONTOSO, '--focus', 'zzzzzzzz').stderr, 'ppnet: --focus: no node or entity "zzzzzzzz" in the graph.\n');
    assert.equal(ppnet('graph', CONTOSO, '--focus').status, 2);
    assert.match(ppnet('graph', CONTOSO, '--focus', '').stderr, /--focus needs a node id/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-graph-'));
    const twice = path.join(dir, 'twice.ppnet.yaml');
    fs.writeFileSync(twice, 'version: 1\nenvironments:\n  hq:\n    region: europe\nsites:\n  hq:\n    internet: allowed\n');
    assert.deepEqual(ppnet('graph', twice, '--focus', 'hq'), { status: 2, stdout: '', stderr: 'ppnet: --focus: "hq" names several nodes: environment:hq, site:hq; give one of them\n' });
    assert.equal(ppnet('graph', twice, '--focus', 'site:hq').status, 0);
  });

  it('writes Mermaid in one line per group boundary, node, edge and edge style, however large the graph', () => {
    const graph = graphOfFile('units.ppnet.yaml', generateUnits(60));
    for (const view of [graph, collapseGraph(graph)]) {
      const lines = toMermaid(view).trimEnd().split('\n');
      const marked = ['error', 'warning'].filter((s) => view.nodes.some((n) => n.severity === s)).length;
      assert.equal(lines.length, 1 + 2 * view.groups.length + view.nodes.length + 2 * view.edges.length + 2 + marked);
    }
  });

  it('draws the virtual-network route class of a delegated environment in SVG, with its legend, and in Mermaid', async () => {
    const file = path.join(ROOT, 'examples', 'northwind-vnet.ppnet.yaml');
    const graph = graphOfFile(file, fs.readFileSync(file, 'utf8'));
    const vnetEdges = graph.edges.filter((e) => e.route === 'virtual-network');
    assert.equal(vnetEdges.length, 7);
    const svg = await renderGraph(graph, 'svg');
    assert.match(svg, /<g class="legend-item route-virtual-network" data-route="virtual-network">.*?Virtual network<\/text>/);
    assert.ok(svg.includes('data-node="enterprisePolicy:ep-eu"'));
    const mermaid = toMermaid(graph);
    const styles = mermaid.split('\n').filter((l) => l.includes('stroke:#8250df,stroke-width:3px,stroke-dasharray:8 3 2 3'));
    assert.equal(styles.length, vnetEdges.length);
    assert.match(mermaid, /ENTERPRISE POLICY #183; DELEGATED SUBNETS #183; EP-EU<br\/><b>Europe subnet delegation<\/b>/);
  });

  it('draws the dark theme on request', () => {
    const result = ppnet('graph', CONTOSO, '--theme', 'dark');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^<svg [^>]*data-theme="dark"/);
  });
});

const missing = browserMissing();
if (missing) console.log(`# ${missing}`);

describe('ppnet graph --format mermaid in Mermaid itself', { skip: missing }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  const cases: [string, string[]][] = [
    [CONTOSO, []],
    [MISTAKES, []],
    [HOSTILE, []],
    [CONTOSO, ['--collapse']],
    [HOSTILE, ['--collapse']],
    [CONTOSO, ['--focus', 'gw-sea', '--collapse']],
  ];
  for (const [file, flags] of cases) {
    it(`parses and renders ${path.basename(file)}${flags.length ? ` ${flags.join(' ')}` : ''}`, async () => {
      const result = ppnet('graph', file, '--format', 'mermaid', ...flags);
      assert.equal(result.status, 0);
      const focus = flags.includes('--focus') ? flags[flags.indexOf('--focus') + 1] : undefined;
      const graph = viewOfGraph(graphOfFile(file, fs.readFileSync(file, 'utf8')), { focus, collapse: flags.includes('--collapse') });
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent('<!DOCTYPE html><body></body>');
      await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
      const outcome = await page.evaluate(async (text: string) => {
        const mermaid = window.mermaid;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        const parsed = await mermaid.parse(text);
        const { svg } = await mermaid.render('graph', text);
        document.body.innerHTML = svg;
        return { parsed: parsed !== false, nodes: document.querySelectorAll('g.node').length, clusters: document.querySelectorAll('g.cluster').length, pwned: window.__pwned };
      }, result.stdout);
      assert.deepEqual(outcome, { parsed: true, nodes: graph.nodes.length, clusters: graph.groups.length, pwned: undefined });
      if (file === HOSTILE) {
        const labels: string = await page.evaluate(() => document.body.textContent);
        // The circuit's hostile id is its caption; collapsed, the site's hostile name is its group's label.
        const hostileText = flags.length ? `<script>window.__pwned='site-name'</script>` : `<script>window.__pwned='circuit'</script>`;
        assert.ok(labels.includes(hostileText), `the hostile text shows as text: ${labels.slice(0, 300)}`);
        assert.equal(await page.evaluate(() => document.querySelectorAll('body img, body script').length), 0);
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
