/**
 * The preview page with drift: a node whose entity differs from what is deployed carries its own mark
 * (a Δ badge, the `drifted` class, the codes in `data-drift` and a line of its tooltip), and the flows
 * table says how on every flow that passes it. The graph is the language service's, with contoso's
 * estate and its circuit er-ams made Premium in Azure.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createLanguageService } from '../../server/src/service';
import type { Graph } from '../../protocol/graph';
import { doc, ROOT } from '../support';
import { contosoEstate } from '../service/driftEstates';
// Page functions run in the browser; the tests compile without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

import { assertNoProblems, browserForSuite, browserMissing, openPreview, screenshotPath, send } from './harness';

const missing = browserMissing();

function driftedGraph(): { uri: string; graph: Graph } {
  const file = path.join(ROOT, 'examples', 'contoso.ppnet.yaml');
  const estate = contosoEstate();
  estate.circuits[0].skuTier = 'Premium';
  const uri = `file://${file}`;
  return { uri, graph: createLanguageService().getGraph(doc(fs.readFileSync(file, 'utf8'), uri), { deployed: estate }) };
}

async function showGraph(page: Page, example: { uri: string; graph: Graph }): Promise<void> {
  await send(page, { type: 'graph', uri: example.uri, graph: example.graph, fit: true });
  await page.waitForFunction((count: number) => document.querySelectorAll('#diagram [data-node]').length === count, example.graph.nodes.length);
}

describe('preview webview with drift', { skip: missing }, () => {
  const suite = browserForSuite();

  it('marks the entity that drifted, and only it, with the drift mark and its codes', async () => {
    const example = driftedGraph();
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showGraph(page, example);
    const marks = await page.$$eval('#diagram [data-node]', (elements) =>
      elements
        .filter((e) => e.querySelector('.badge-drift'))
        .map((e) => ({
          id: e.getAttribute('data-node'),
          drift: e.getAttribute('data-drift'),
          drifted: e.classList.contains('drifted'),
          title: (e.querySelector('title')?.textContent ?? '').split('\n').slice(-1)[0],
        })),
    );
    assert.deepEqual(marks, [{ id: 'circuit:er-ams', drift: 'drift-value', drifted: true, title: 'Differs from what is deployed (drift-value)' }]);
    assert.equal(await page.$eval('#legend .legend-marks', (e) => e.textContent), '✕error!warningΔdiffers from what is deployed');
    await page.screenshot({ path: screenshotPath('preview-drift-light.png') });
    assertNoProblems(problems);
    await page.context().close();
  });

  it('says how in the flows table, on each flow that passes the drifted entity', async () => {
    const example = driftedGraph();
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showGraph(page, example);
    const rows = await page.$$eval('#flows tbody tr[data-flow]', (elements) =>
      elements.map((row) => ({ flow: row.getAttribute('data-flow'), drift: [...row.querySelectorAll('.drift')].map((d) => d.textContent) })),
    );
    const circuitNode = new Set(example.graph.edges.filter((e) => e.from === 'circuit:er-ams' || e.to === 'circuit:er-ams').map((e) => e.id));
    const through = example.graph.flows.filter((f) => f.edges.some((id) => circuitNode.has(id))).map((f) => f.id);
    assert.ok(through.length > 0);
    assert.deepEqual(rows.filter((r) => r.drift.length).map((r) => r.flow), through);
    const line = rows.find((r) => r.drift.length)!.drift;
    assert.equal(line.length, 1);
    assert.match(line[0]!, /^Δ er-ams differs from what is deployed \(drift-value\): Circuit er-ams is Premium in Azure, but the design gives it sku standard/);
    assertNoProblems(problems);
    await page.context().close();
  });

  it('explains the drift mark in the legend only while the graph has drift', async () => {
    const file = path.join(ROOT, 'examples', 'contoso.ppnet.yaml');
    const uri = `file://${file}`;
    const plain = { uri, graph: createLanguageService().getGraph(doc(fs.readFileSync(file, 'utf8'), uri)) };
    const { page, problems } = await openPreview(suite.browser(), suite.origin());
    await showGraph(page, plain);
    assert.equal(await page.$eval('#legend .legend-marks', (e) => e.textContent), '✕error!warning');
    await showGraph(page, driftedGraph());
    await page.waitForFunction(() => document.querySelector('#legend .mark-drift') !== null);
    assert.equal(await page.$eval('#legend .legend-marks', (e) => e.textContent), '✕error!warningΔdiffers from what is deployed');
    assertNoProblems(problems);
    await page.context().close();
  });
});
