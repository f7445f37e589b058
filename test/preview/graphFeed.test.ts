/** The extension's graph feed with a stand-in server: what it posts to the webview after each answer. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphFeed } from '../../client/src/preview/graphFeed';
import { applyGraphDelta, diffGraph } from '../../protocol/graphDelta';
import type { GraphAnswer, GraphDeltaParams } from '../../protocol/protocol';
import { createLanguageService, Graph } from '../../server/src/service';
import { doc, fixture } from '../support';

const contoso = fixture('..', 'examples', 'contoso.ppnet.yaml');
const graphOf = (text: string): Graph => createLanguageService().getGraph(doc(text));
const graphs = [graphOf(contoso), graphOf(contoso.replace(/\bgw-dub\b/g, 'gw-dublin')), graphOf(contoso.replace('name: Amsterdam gateway cluster', 'name: Amsterdam'))];
const URI = 'file:///contoso.ppnet.yaml';

/** A server that answers graph `current` as the change from the one it answered last, as graphAnswers.ts does. */
function standInServer() {
  const asked: GraphDeltaParams[] = [];
  let last: { id: string; graph: Graph } | undefined;
  const server = {
    current: 0,
    asked,
    ask: async (params: GraphDeltaParams): Promise<GraphAnswer> => {
      asked.push(params);
      const graph = graphs[server.current];
      const previous = last;
      const id = previous?.graph === graph ? previous.id : `g${asked.length}`;
      last = { id, graph };
      return previous && params.since === previous.id ? { id, base: previous.id, delta: diffGraph(previous.graph, graph) } : { id, graph };
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
    assert.deepEqual(applyGraphDelta(first.graph, second.delta), graphs[1]);
    assert.deepEqual(feed.graph, graphs[1]);
    assert.equal(await feed.next(server.ask, URI, 2, false), undefined, 'the same version again, unchanged');
    assert.deepEqual(server.asked.map((p) => p.since), [undefined, first.id, second.id]);
  });

  it('posts the graph whole to a webview that reloaded, and when the view is to be fitted', async () => {
    const server = standInServer();
    const feed = new GraphFeed();
    await feed.next(server.ask, URI, 1, true);
    server.current = 1;
    feed.webviewCleared();
    const reloaded = await feed.next(server.ask, URI, 2, false);
    assert.ok(reloaded?.type === 'graph');
    assert.deepEqual(reloaded.graph, graphs[1]);
    server.current = 2;
    const fitted = await feed.next(server.ask, URI, 3, true);
    assert.ok(fitted?.type === 'graph' && fitted.fit);
    assert.deepEqual(fitted.graph, graphs[2]);
  });
});
