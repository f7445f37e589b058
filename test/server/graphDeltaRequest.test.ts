/** The preview's graph request (GRAPH_DELTA_REQUEST) over stdio: whole at first, then the change from the last answer. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyGraphDelta, deltaIsEmpty } from '../../protocol/graphDelta';
import { GRAPH_DELTA_REQUEST, GRAPH_REQUEST, GraphAnswer } from '../../protocol/protocol';
import type { Graph } from '../../server/src/service';
import { TestClient } from './lspClient';

const URI = 'file:///virtual/delta.ppnet.yaml';
const TEXT = `version: 1
environments:
  prod:
    region: europe
    apps: [model-driven]
sites:
  hq:
    name: Head office
`;

describe('the graph delta request', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('answers the whole graph, then the change from the last answer, and the same version again unchanged', async () => {
    await client.open(URI, TEXT);
    const first = await client.request<GraphAnswer>(GRAPH_DELTA_REQUEST, { uri: URI });
    assert.ok('graph' in first);
    assert.deepEqual(first.graph, await client.request<Graph>(GRAPH_REQUEST, { uri: URI }));

    await client.change(URI, 2, [{ range: { start: { line: 7, character: 21 }, end: { line: 7, character: 21 } }, text: 's' }]);
    const second = await client.request<GraphAnswer>(GRAPH_DELTA_REQUEST, { uri: URI, since: first.id });
    assert.ok('delta' in second);
    assert.equal(second.base, first.id);
    assert.notEqual(second.id, first.id);
    const whole = await client.request<Graph>(GRAPH_REQUEST, { uri: URI });
    assert.deepEqual(applyGraphDelta(first.graph, second.delta), whole);
    assert.deepEqual(second.delta.groups, { changed: [whole.groups.find((g) => g.id === 'group:site:hq')] });

    // Asked again for the same version (the extension does when the diagnostics arrive): nothing changed.
    const third = await client.request<GraphAnswer>(GRAPH_DELTA_REQUEST, { uri: URI, since: second.id });
    assert.ok('delta' in third && deltaIsEmpty(third.delta));
    assert.equal(third.id, second.id);

    // From an answer the server no longer has: whole.
    const stale = await client.request<GraphAnswer>(GRAPH_DELTA_REQUEST, { uri: URI, since: first.id });
    assert.ok('graph' in stale);
    assert.deepEqual(stale.graph, whole);

    assert.equal(await client.request(GRAPH_DELTA_REQUEST, { uri: 'file:///virtual/closed.ppnet.yaml' }), null);
    assert.equal(await client.request(GRAPH_DELTA_REQUEST, { uri: 42 }), null);
  });
});
