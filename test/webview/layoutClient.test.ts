/**
 * The preview's layout client with a stand-in worker that answers when the test says: the newest
 * request wins, a stale ELK job is terminated, a stale grid job runs out and its answer is dropped, an
 * edit that changes no structure keeps every position (a rename, a shorter name) and needs no worker,
 * one that does is laid out afresh, and a failing worker is replaced.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateUnits } from '../../bench/generate';
import { layoutGraph } from '../../diagram/layout';
import { collapseGraph } from '../../diagram/views';
import { createLanguageService } from '../../server/src/service';
import type { Graph } from '../../protocol/graph';
import type { LaidOutGraph, LayoutEngine } from '../../diagram/layout';
import { LayoutClient, LayoutWorker } from '../../webview/src/layout/layoutClient';
import { LayoutAnswer, LayoutJob, toWire } from '../../webview/src/layout/layoutWire';
import { doc, fixture } from '../support';

class StandInWorker implements LayoutWorker {
  constructor(readonly engine: LayoutEngine) {}
  jobs: LayoutJob[] = [];
  terminated = false;
  onmessage: ((event: { data: LayoutAnswer }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;

  postMessage(job: LayoutJob): void {
    // As a real worker gets a copy.
    this.jobs.push(JSON.parse(JSON.stringify(job)));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Lays out job `index` (the last by default) and answers, as the worker script does. */
  async answer(index = this.jobs.length - 1): Promise<void> {
    const job = this.jobs[index];
    const laid = await layoutGraph(job.graph);
    this.onmessage?.({ data: { version: job.version, layout: toWire(laid) } });
  }
}

/** A client whose workers are stand-ins: `workers` those of the engine the test is about, `all` every one started. */
function client(engine: LayoutEngine = 'elk'): { layouts: LayoutClient; workers: StandInWorker[]; all: StandInWorker[] } {
  const all: StandInWorker[] = [];
  const workers: StandInWorker[] = [];
  const layouts = new LayoutClient((started) => {
    const worker = new StandInWorker(started);
    all.push(worker);
    if (started === engine) workers.push(worker);
    return worker;
  });
  return { layouts, workers, all };
}

const graphOf = (text: string): Graph => createLanguageService().getGraph(doc(text));
const contoso = fixture('..', 'examples', 'contoso.ppnet.yaml');
const small = graphOf(contoso); // ELK
const large = collapseGraph(graphOf(generateUnits(60))); // the grid
const settled = async () => new Promise((resolve) => setImmediate(resolve));

describe('layout client', () => {
  it('lays a graph out in the worker and hands it back around the graph it was given', async () => {
    const { layouts, workers } = client();
    const laid = layouts.layout(small, 1);
    assert.equal(workers.length, 1);
    assert.deepEqual(workers[0].jobs[0].graph.flows, [], 'flows stay on the page');
    await workers[0].answer();
    const result = (await laid)!;
    assert.equal(result.engine, 'elk');
    assert.equal(result.graph, small);
    for (const placed of result.nodes) assert.ok(small.nodes.includes(placed.node), placed.node.id);
    assert.deepEqual({ ...result, graph: undefined }, { ...(await layoutGraph(small)), graph: undefined });
  });

  it('terminates a stale ELK job at once and lays out the newest graph in a new worker', async () => {
    const { layouts, workers } = client();
    const first = layouts.layout(small, 1);
    const second = layouts.layout(graphOf(contoso.replace('Contoso Production', 'Contoso Prod')), 2);
    assert.equal(await first, undefined);
    assert.ok(workers[0].terminated);
    assert.equal(workers.length, 2);
    await workers[0].answer(); // too late: ignored
    await workers[1].answer();
    assert.equal((await second)!.nodes.find((n) => n.node.id === 'environment:contoso-prod')!.label, 'Contoso Prod');
  });

  it('lets a stale grid job run out, drops its answer and lays out only the newest of those that came meanwhile', async () => {
    const { layouts, workers } = client('grid');
    const first = layouts.layout(large, 1);
    const relabeled = (label: string): Graph => ({ ...large, nodes: large.nodes.map((n, i) => (i === 0 ? { ...n, label } : n)) });
    const second = layouts.layout(relabeled('second'), 2);
    const third = layouts.layout(relabeled('third'), 3);
    assert.equal(await second, undefined, 'superseded before it started');
    assert.equal(workers[0].jobs.length, 1);
    await workers[0].answer();
    assert.equal(await first, undefined, 'its answer came after a newer request');
    assert.deepEqual(workers[0].jobs.map((j) => j.version), [1, 3]);
    assert.ok(!workers[0].terminated);
    await workers[0].answer();
    assert.equal((await third)!.nodes[0].label, 'third');
    assert.equal(workers.length, 1);
  });

  /** `small` laid out by the client, and the positions of its nodes by index. */
  async function laidSmall(): Promise<{ layouts: LayoutClient; workers: StandInWorker[]; positions: [number, number][] }> {
    const { layouts, workers } = client();
    const first = layouts.layout(small, 1);
    await workers[0].answer();
    return { layouts, workers, positions: (await first)!.nodes.map((n) => [n.x, n.y]) };
  }
  const positionsOf = (laid: LaidOutGraph) => laid.nodes.map((n) => [n.x, n.y]);

  it('keeps every node where it was after a rename, with the new ids and texts, without the worker', async () => {
    const { layouts, workers, positions } = await laidSmall();
    const renamed = graphOf(contoso.replace(/\bgw-dub\b/g, 'gw-dublin'));
    assert.ok(renamed.nodes.some((n) => n.id === 'gateway:gw-dublin'));
    const after = (await layouts.layout(renamed, 2))!;
    assert.equal(workers[0].jobs.length, 1, 'no new job');
    assert.deepEqual(positionsOf(after), positions);
    assert.equal(after.nodes.find((n) => n.node.id === 'gateway:gw-dublin')!.label, 'gw-dublin');
    assert.deepEqual(new Set(after.edges.map((e) => e.id)), new Set(renamed.edges.map((e) => e.id)));
  });

  it('keeps every node where it was when a name gets shorter, where a fresh layout would move them', async () => {
    const { layouts, workers, positions } = await laidSmall();
    const shorter = graphOf(contoso.replace('name: Amsterdam gateway cluster', 'name: Amsterdam'));
    const after = (await layouts.layout(shorter, 2))!;
    assert.equal(workers[0].jobs.length, 1, 'no new job');
    assert.deepEqual(positionsOf(after), positions);
    assert.equal(after.nodes.find((n) => n.node.id === 'gateway:gw-ams')!.label, 'Amsterdam');
    // What stability is for: ELK itself would have moved nodes the edit did not touch.
    const fresh = await layoutGraph(shorter);
    const moved = fresh.nodes.filter((n, i) => n.node.id !== 'gateway:gw-ams' && (n.x !== positions[i][0] || n.y !== positions[i][1]));
    assert.ok(moved.length > 0, 'a fresh layout moves other nodes');
  });

  it('lays out afresh when the structure changed or a text no longer fits its box', async () => {
    const { layouts, workers } = await laidSmall();
    const longer = graphOf(contoso.replace('name: Amsterdam gateway cluster', 'name: Amsterdam gateway cluster of the headquarters, both machines'));
    const grown = layouts.layout(longer, 2);
    assert.equal(workers[0].jobs.length, 2, 'a node grew out of its box');
    await workers[0].answer();
    await grown;
    const added = graphOf(contoso.replace('connectors:\n', 'connectors:\n  extra-dataverse:\n    type: dataverse\n    environment: contoso-dev\n'));
    assert.equal(added.nodes.length, small.nodes.length + 1);
    void layouts.layout(added, 3);
    assert.equal(workers[0].jobs.length, 3, 'a node was added');
  });

  it('needs no worker for a graph whose layout input did not change', async () => {
    const { layouts, workers } = client('grid');
    const first = layouts.layout(large, 1);
    await workers[0].answer();
    const before = (await first)!;
    // Another version: different flows and diagnostics, the same boxes and edges.
    const edited: Graph = { ...large, flows: [], nodes: large.nodes.map((n) => ({ ...n, diagnostics: [] })) };
    const after = (await layouts.layout(edited, 2))!;
    assert.equal(workers[0].jobs.length, 1);
    assert.equal(after.graph, edited);
    assert.deepEqual(after.nodes.map((n) => [n.node, n.x, n.y]), edited.nodes.map((node) => [node, ...(() => { const p = before.nodes.find((b) => b.node.id === node.id)!; return [p.x, p.y]; })()]));
  });

  it('rejects when the worker fails, and starts a new one for the next graph', async () => {
    const { layouts, workers } = client();
    const failing = layouts.layout(small, 1);
    workers[0].onerror?.({ message: 'boom' });
    await assert.rejects(failing, /boom/);
    assert.ok(workers[0].terminated);
    const next = layouts.layout(small, 2);
    await settled();
    assert.equal(workers.length, 2);
    await workers[1].answer();
    assert.equal((await next)!.engine, 'elk');
  });

  it('lays each engine out in its own worker: the grid\'s at once, ELK\'s for a small graph or after the first drawing', async () => {
    const { layouts, all } = client();
    layouts.warm();
    assert.deepEqual(all.map((w) => w.engine), ['grid'], 'warming starts only the grid\'s worker');
    const overview = layouts.layout(large, 1);
    assert.deepEqual(all.map((w) => w.jobs.length), [1]);
    await all[0].answer();
    assert.equal((await overview)!.engine, 'grid');
    assert.deepEqual(all.map((w) => w.engine), ['grid', 'elk'], 'ELK\'s worker loads once the first layout is there');
    const focused = layouts.layout(small, 2);
    assert.deepEqual(all.map((w) => w.jobs.length), [1, 1]);
    await all[1].answer();
    assert.equal((await focused)!.engine, 'elk');

    // A failing ELK worker that is not laying anything out is just dropped; the grid goes on.
    const idle = client();
    idle.layouts.warm();
    const first = idle.layouts.layout(large, 1);
    await idle.all[0].answer();
    await first;
    idle.all[1].onerror?.({ message: 'boom' });
    assert.ok(idle.all[1].terminated);
    const second = idle.layouts.layout({ ...large, edges: large.edges.slice(1) }, 2);
    await idle.all[0].answer();
    assert.equal((await second)!.engine, 'grid');
    assert.equal(idle.all.length, 2, 'not started again ahead of need: only when a small graph needs it');
  });
});
