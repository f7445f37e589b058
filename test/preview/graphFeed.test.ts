/** The extension's graph feed with a stand-in server: what it posts to the webview after each answer. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphFeed } from '../../client/src/preview/graphFeed';
import { applyGraphDelta, GraphDelta } from '../../protocol/graphDelta';
import type { GraphAnswer, GraphDeltaParams } from '../../protocol/protocol';
import { createLanguageService, Graph } from '../../server/src/service';
import { GraphAnswers } from '../../server/src/lsp/graphAnswers';
import { generateUnits } from '../../bench/generate';
import { doc, fixture } from '../support';

const contoso = fixture('..', 'examples', 'contoso.ppnet.yaml');
const graphOf = (text: string): Graph => createLanguageService().getGraph(doc(text));
const contosoGraphs = [graphOf(contoso), graphOf(contoso.replace(/\bgw-dub\b/g, 'gw-dublin')), graphOf(contoso.replace('name: Amsterdam gateway cluster', 'name: Amsterdam'))];
const URI = 'file:///contoso.ppnet.yaml';

/** The server's graph answers (server/src/lsp/graphAnswers.ts) over `graphs`: version `current` is `graphs[current]`. */
function standInServer(graphs: Graph[] = contosoGraphs) {
  const asked: GraphDeltaParams[] = [];
  const answers = new GraphAnswers();
  const server = {
    current: 0,
    asked,
    ask: async (params: GraphDeltaParams): Promise<GraphAnswer> => {
      asked.push(params);
      return answers.answer(URI, server.current, [], params.since, () => graphs[server.current], params.overviewFirst === true);
    },
  };
  return server;
}

describe('graph feed', () => {
  it('posts the graph whole first, then deltas the webview can apply, and nothing when nothing changed', async () => {
    const server = standInServer();
    const feed = new GraphFeed();
    const first = await feed.next(server.ask, URI, 1, true);
    assert.equal(first?.type, 'graph');
    server.current = 1;
    const second = await feed.next(server.ask, URI, 2, false);
    assert.ok(second?.type === 'graphDelta' && first?.type === 'graph');
    assert.equal(second.base, first.id);
    assert.equal(second.version, 2);
    assert.deepEqual(applyGraphDelta(first.graph, second.delta), contosoGraphs[1]);
    assert.equal(await feed.next(server.ask, URI, 2, false), undefined, 'the same version again, unchanged');
    assert.deepEqual(server.asked.map((p) => p.since), [undefined, first.id, second.id]);
    assert.equal(server.asked[0].overviewFirst, true, 'a webview that holds nothing may get an overview first (not for a small graph)');
  });

  it('posts the graph whole to a webview that reloaded, and when the view is to be fitted', async () => {
    const server = standInServer();
    const feed = new GraphFeed();
    await feed.next(server.ask, URI, 1, true);
    server.current = 1;
    feed.webviewCleared();
    const reloaded = await feed.next(server.ask, URI, 2, false);
    assert.ok(reloaded?.type === 'graph');
    assert.deepEqual(reloaded.graph, contosoGraphs[1]);
    server.current = 2;
    const fitted = await feed.next(server.ask, URI, 3, true);
    assert.ok(fitted?.type === 'graph' && fitted.fit);
    assert.deepEqual(fitted.graph, contosoGraphs[2]);
  });

  it('opens a large file on its overview, then posts the graph the webview asks for, then deltas', async () => {
    const units = generateUnits(30);
    const large = [graphOf(units), graphOf(units.replace('name: Office 0003', 'name: Office 3'))];
    const server = standInServer(large);
    const feed = new GraphFeed();
    const overview = await feed.next(server.ask, URI, 1, true);
    assert.ok(overview?.type === 'overview');
    assert.deepEqual([overview.fit, overview.version, overview.overview.flowCount], [true, 1, large[0].flows.length]);
    const drawn = overview.overview.graph;
    assert.ok(drawn.nodes.some((n) => n.id === 'cluster:site') && drawn.nodes.every((n) => n.kind === 'group'), 'every group collapsed, the 30 sites one node');
    assert.deepEqual(drawn.flows, []);
    assert.equal(feed.webviewHoldsGraph, false, 'an overview cannot be exported');

    // The webview drew it and asks for the graph (`wantGraph`): the same answer, whole, not fitted again.
    const whole = await feed.next(server.ask, URI, 1, false);
    assert.ok(whole?.type === 'graph');
    assert.deepEqual([whole.id, whole.fit, whole.version], [overview.id, false, 1]);
    assert.deepEqual(whole.graph, large[0]);
    assert.equal(feed.webviewHoldsGraph, true);

    server.current = 1;
    const edit = await feed.next(server.ask, URI, 2, false);
    assert.ok(edit?.type === 'graphDelta');
    assert.equal(edit.base, whole.id);
    assert.deepEqual(applyGraphDelta(whole.graph, edit.delta), large[1]);
    assert.deepEqual(
      server.asked.map((p) => [p.since, p.overviewFirst]),
      [
        [undefined, true],
        [undefined, undefined],
        [whole.id, undefined],
      ],
    );
  });

  it('posts a webview that holds only the overview the graph whole after an edit, and a reloaded one the overview again', async () => {
    const units = generateUnits(30);
    const large = [graphOf(units), graphOf(units.replace('name: Office 0003', 'name: Office 3'))];
    const server = standInServer(large);
    const feed = new GraphFeed();
    assert.equal((await feed.next(server.ask, URI, 1, true))?.type, 'overview');
    server.current = 1;
    const afterEdit = await feed.next(server.ask, URI, 2, false);
    assert.ok(afterEdit?.type === 'graph', 'no delta: the webview has no graph to apply it to');
    assert.deepEqual(afterEdit.graph, large[1]);
    feed.webviewCleared();
    const reloaded = await feed.next(server.ask, URI, 2, false);
    assert.ok(reloaded?.type === 'overview');
    assert.equal(reloaded.fit, false, 'a reloaded page keeps the view it restored');
  });

  it('forwards the delta the server sent as it came, without applying it', async () => {
    // A delta no graph can take (it orders a node neither side has): applying it would throw.
    const unappliable: GraphDelta = { nodes: { changed: [], order: ['node:nowhere'] }, groups: { changed: [] }, edges: { changed: [] }, flows: { changed: [] } };
    assert.throws(() => applyGraphDelta(contosoGraphs[0], unappliable), /node:nowhere/);
    const answers: GraphAnswer[] = [
      { id: 'a', graph: contosoGraphs[0] },
      { id: 'b', base: 'a', delta: unappliable },
    ];
    const asked: GraphDeltaParams[] = [];
    const feed = new GraphFeed();
    const ask = async (params: GraphDeltaParams) => (asked.push(params), answers.shift() ?? null);
    assert.equal((await feed.next(ask, URI, 1, true))?.type, 'graph');
    const forwarded = await feed.next(ask, URI, 2, false);
    assert.ok(forwarded?.type === 'graphDelta');
    assert.equal(forwarded.delta, unappliable, 'the very delta the server sent');
    assert.deepEqual([forwarded.base, forwarded.id, forwarded.version], ['a', 'b', 2]);
    assert.deepEqual(asked.map((p) => p.since), [undefined, 'a']);
  });

  it('holds no graph: nothing of the graphs it posted is reachable from it', async () => {
    const server = standInServer();
    const feed = new GraphFeed();
    const posted = [await feed.next(server.ask, URI, 1, true)];
    server.current = 1;
    posted.push(await feed.next(server.ask, URI, 2, false));
    server.current = 2;
    posted.push(await feed.next(server.ask, URI, 3, false));
    assert.deepEqual(posted.map((m) => m?.type), ['graph', 'graphDelta', 'graphDelta']);
    // Every object and string reachable from the feed: no graph, list, node, flow or id of one.
    const reached: unknown[] = [];
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (seen.has(value)) return;
      seen.add(value);
      reached.push(value);
      if (typeof value !== 'object' || value === null) return;
      if (value instanceof Map || value instanceof Set) for (const entry of value) walk(entry);
      for (const key of Reflect.ownKeys(value)) walk((value as Record<PropertyKey, unknown>)[key]);
    };
    walk(feed);
    const graphIds = new Set(contosoGraphs.flatMap((g) => [...g.nodes, ...g.groups, ...g.edges, ...g.flows].map((item) => item.id)));
    const offending = reached.filter(
      (value) => (typeof value === 'string' && graphIds.has(value)) || (typeof value === 'object' && value !== null && ('nodes' in value || 'flows' in value || 'delta' in value || 'graph' in value)),
    );
    assert.deepEqual(offending, []);
    assert.ok(reached.includes(URI), 'the walk reaches what the feed does hold');
  });
});
