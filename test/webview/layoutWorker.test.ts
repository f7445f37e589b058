/**
 * The preview page's layout in headless Chromium, through its real blob worker: the page lays out in a
 * dedicated worker, a graph overtaken by a newer one before its layout was done is never drawn (no
 * `drawn` for its version), an edit keeps every unchanged node's position exactly (a rename, a shorter
 * name), and a graph delta brings the page to the graph the delta was made from.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { diffGraph } from '../../protocol/graphDelta';
import type { ToWebview } from '../../protocol/protocol';
import { graphOfFile } from '../../server/src/cli/graph';
import type { Graph } from '../../protocol/graph';
import { ROOT } from '../support';
import { assertNoProblems, browserForSuite, browserMissing, openPreview, posted, send, waitForPosted } from './harness';

// Page functions run in the browser; the tests compile without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any;

const missing = browserMissing();

const CONTOSO = path.join(ROOT, 'examples', 'contoso.ppnet.yaml');
const URI = `file://${CONTOSO}`;
const contosoText = fs.readFileSync(CONTOSO, 'utf8');
const graphOf = (text: string): Graph => graphOfFile(CONTOSO, text);
const contoso = graphOf(contosoText);

/** Each drawn node's box, by node id. */
async function boxes(page: Page): Promise<Map<string, [number, number]>> {
  const list = await page.$$eval('#diagram [data-node]', (elements) =>
    elements.map((e) => {
      const box = e.querySelector('.node-box')!;
      return [e.getAttribute('data-node')!, [Number(box.getAttribute('x')), Number(box.getAttribute('y'))]] as [string, [number, number]];
    }),
  );
  return new Map(list);
}

async function drawnVersions(page: Page): Promise<number[]> {
  return (await posted(page)).filter((m) => m.type === 'drawn').map((m) => m.version as number);
}

async function showAndWait(page: Page, message: ToWebview & { version: number }): Promise<void> {
  await send(page, message);
  await waitForPosted(page, (m) => m.type === 'drawn' && m.version === message.version);
}

describe('preview layout in a worker', { skip: missing }, () => {
  const suite = browserForSuite();
  const open = () => openPreview(suite.browser(), suite.origin());

  it('lays out in a blob worker and draws only the newest of two graphs posted at once', async () => {
    const { page, problems } = await open();
    await showAndWait(page, { type: 'graph', uri: URI, graph: contoso, fit: true, id: 'a', version: 1 });
    // The grid's worker, started with the page, and ELK's, started for this small graph.
    const workers = page.workers();
    assert.equal(workers.length, 2);
    for (const worker of workers) assert.match(worker.url(), /^blob:/);

    // Version 2 adds a connector (a new structure: laid out in the worker); version 3 overtakes it.
    const added = graphOf(contosoText.replace('connectors:\n', 'connectors:\n  extra-dataverse:\n    type: dataverse\n    environment: contoso-dev\n'));
    const renamed = graphOf(contosoText.replace(/\bgw-dub\b/g, 'gw-dublin'));
    const second: ToWebview = { type: 'graph', uri: URI, graph: added, fit: false, id: 'b', version: 2 };
    const third: ToWebview = { type: 'graph', uri: URI, graph: renamed, fit: false, id: 'c', version: 3 };
    await page.evaluate(([a, b]) => {
      window.postMessage(a, '*');
      window.postMessage(b, '*');
    }, [second, third]);
    await waitForPosted(page, (m) => m.type === 'drawn' && m.version === 3);
    // Give a late answer for version 2 the time to arrive: it must not be drawn.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    assert.deepEqual(await drawnVersions(page), [1, 3]);
    assert.deepEqual([...(await boxes(page)).keys()].sort(), renamed.nodes.map((n) => n.id).sort());
    assertNoProblems(problems);
    await page.context().close();
  });

  it('keeps every node that the edit did not touch exactly where it was', async () => {
    const { page, problems } = await open();
    await showAndWait(page, { type: 'graph', uri: URI, graph: contoso, fit: true, id: 'a', version: 1 });
    const before = await boxes(page);

    // A rename: new ids for the gateway and its edges, every node where it was.
    const renamed = graphOf(contosoText.replace(/\bgw-dub\b/g, 'gw-dublin'));
    await showAndWait(page, { type: 'graph', uri: URI, graph: renamed, fit: false, id: 'b', version: 2 });
    const afterRename = await boxes(page);
    assert.deepEqual(afterRename.get('gateway:gw-dublin'), before.get('gateway:gw-dub'));
    for (const [id, box] of before) if (id !== 'gateway:gw-dub') assert.deepEqual(afterRename.get(id), box, id);

    // A shorter name, sent as a delta: ELK alone would move other nodes (layoutClient.test.ts).
    const shorter = graphOf(contosoText.replace(/\bgw-dub\b/g, 'gw-dublin').replace('name: Amsterdam gateway cluster', 'name: Amsterdam'));
    await showAndWait(page, { type: 'graphDelta', uri: URI, base: 'b', id: 'c', delta: diffGraph(renamed, shorter), version: 3 });
    assert.deepEqual(await boxes(page), afterRename);
    const label = await page.$eval('#diagram [data-node="gateway:gw-ams"] .node-label', (e) => e.textContent);
    assert.equal(label, 'Amsterdam');
    assertNoProblems(problems);
    await page.context().close();
  });

  it('asks for the graph whole (ready) instead of applying a delta from a graph it does not hold', async () => {
    const { page, problems } = await open();
    await showAndWait(page, { type: 'graph', uri: URI, graph: contoso, fit: true, id: 'a', version: 1 });
    const renamed = graphOf(contosoText.replace(/\bgw-dub\b/g, 'gw-dublin'));
    await send(page, { type: 'graphDelta', uri: URI, base: 'not-a', id: 'b', delta: diffGraph(contoso, renamed), version: 2 });
    await showAndWait(page, { type: 'graphDelta', uri: URI, base: 'a', id: 'c', delta: diffGraph(contoso, contoso), version: 3 });
    assert.deepEqual(await drawnVersions(page), [1, 3]);
    assert.ok((await boxes(page)).has('gateway:gw-dub'));
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'ready').length, 2, 'once on loading, once for the delta');
    assertNoProblems(problems);
    await page.context().close();
  });
});
