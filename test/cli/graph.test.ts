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
import { graphOfFile, renderGraph } from '../../server/src/cli/graph';
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
    assert.deepEqual(ppnet('graph', MISTAKES, '--format', 'png').stderr, 'ppnet: --format must be svg, mermaid or json, not "png"\n');
    assert.equal(ppnet('graph', MISTAKES, '--format', 'png').status, 2);
    assert.equal(ppnet('graph', path.join(ROOT, 'no-such.ppnet.yaml')).status, 2);
    assert.equal(ppnet('graph', CONTOSO, MISTAKES).status, 2);
    assert.equal(ppnet('graph', CONTOSO, '--theme', 'sepia').status, 2);
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

  for (const file of [CONTOSO, MISTAKES, HOSTILE]) {
    it(`parses and renders ${path.basename(file)}`, async () => {
      const result = ppnet('graph', file, '--format', 'mermaid');
      assert.equal(result.status, 0);
      const graph = graphOfFile(file, fs.readFileSync(file, 'utf8'));
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
        assert.ok(labels.includes(`<script>window.__pwned='circuit'</script>`), 'the hostile id shows as text');
        assert.equal(await page.evaluate(() => document.querySelectorAll('body img, body script').length), 0);
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
