/**
 * The graph requests over stdio: GRAPH_REQUEST, the graph of the open document, current after each
 * change; GRAPH_DELTA_REQUEST, the preview's, whole at first and then the change from the last answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyGraphDelta, deltaIsEmpty } from '../../protocol/graphDelta';
import { GRAPH_DELTA_REQUEST, GRAPH_REQUEST } from '../../protocol/protocol';
import { openingOverview } from '../../diagram/overview';
import { generateUnits } from '../../bench/generate';
import { TestClient } from './lspClient';

const URI = 'file:///virtual/preview.ppnet.yaml';
const TEXT = `version: 1
environments:
  prod:
    region: europe
    apps: [model-driven]
sites:
  hq: {}
circuits:
  er:
    site: hq
    region: europe
    environments: [prod]
`;

const DELTA_URI = 'file:///virtual/delta.ppnet.yaml';
/** The same file with a name at line 7, which the delta test edits. */
const DELTA_TEXT = TEXT.replace('  hq: {}', '  hq:\n    name: Head office');

/** A request's answer, which is not `null` here. */
async function present<T>(answer: Promise<T | null>): Promise<T> {
  const value = await answer;
  assert.ok(value !== null, 'the server answered null');
  return value;
}

describe('the graph request', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('answers the graph of an open document, follows its changes, and null for an unknown one', async () => {
    await client.open(URI, TEXT);
    const first = await present(client.request(GRAPH_REQUEST, { uri: URI }));
    assert.equal(first.title, 'preview.ppnet.yaml');
    assert.deepEqual(first.flows.map((f) => [f.id, f.route]), [['users:hq:prod', 'internet']]);
    const circuit = first.nodes.find((n) => n.id === 'circuit:er')!;
    assert.equal(circuit.severity, 'error');
    assert.ok(circuit.diagnostics.some((d) => d.code === 'microsoft-peering-required'));

    // Give the circuit Microsoft peering with both European communities: the users take ExpressRoute.
    await client.change(URI, 2, [
      { range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: '    microsoftPeering:\n      advertisedPrefixes: [203.0.113.0/29]\n      routeFilter: [West Europe, North Europe]\n' },
    ]);
    const second = await present(client.request(GRAPH_REQUEST, { uri: URI }));
    assert.deepEqual(second.flows.map((f) => [f.id, f.route, f.circuit]), [['users:hq:prod', 'expressroute', 'er']]);
    assert.equal(second.nodes.find((n) => n.id === 'circuit:er')!.severity, undefined);

    assert.equal(await client.request(GRAPH_REQUEST, { uri: 'file:///virtual/closed.ppnet.yaml' }), null);
    assert.equal(await client.request(GRAPH_REQUEST.method, { uri: 42 }), null);
  });

  it('answers the whole graph, then the change from the last answer, and the same version again unchanged', async () => {
    await client.open(DELTA_URI, DELTA_TEXT);
    const first = await present(client.request(GRAPH_DELTA_REQUEST, { uri: DELTA_URI }));
    assert.ok('graph' in first);
    assert.deepEqual(first.graph, await present(client.request(GRAPH_REQUEST, { uri: DELTA_URI })));

    await client.change(DELTA_URI, 2, [{ range: { start: { line: 7, character: 21 }, end: { line: 7, character: 21 } }, text: 's' }]);
    const second = await present(client.request(GRAPH_DELTA_REQUEST, { uri: DELTA_URI, since: first.id }));
    assert.ok('delta' in second);
    assert.equal(second.base, first.id);
    assert.notEqual(second.id, first.id);
    const whole = await present(client.request(GRAPH_REQUEST, { uri: DELTA_URI }));
    assert.deepEqual(applyGraphDelta(first.graph, second.delta), whole);
    assert.deepEqual(second.delta.groups, { changed: [whole.groups.find((g) => g.id === 'group:site:hq')] });

    // Asked again for the same version (the extension does when the diagnostics arrive): nothing changed.
    const third = await present(client.request(GRAPH_DELTA_REQUEST, { uri: DELTA_URI, since: second.id }));
    assert.ok('delta' in third && deltaIsEmpty(third.delta));
    assert.equal(third.id, second.id);

    // From an answer the server no longer has: whole.
    const stale = await present(client.request(GRAPH_DELTA_REQUEST, { uri: DELTA_URI, since: first.id }));
    assert.ok('graph' in stale);
    assert.deepEqual(stale.graph, whole);

    assert.equal(await client.request(GRAPH_DELTA_REQUEST, { uri: 'file:///virtual/closed.ppnet.yaml' }), null);
    assert.equal(await client.request(GRAPH_DELTA_REQUEST.method, { uri: 42 }), null);
  });

  it('answers a preview that holds nothing of a large file with its overview, then the graph of the same answer', async () => {
    const uri = 'file:///virtual/units.ppnet.yaml';
    await client.open(uri, generateUnits(30));
    const opening = await present(client.request(GRAPH_DELTA_REQUEST, { uri, overviewFirst: true }));
    assert.ok('overview' in opening);
    const whole = await present(client.request(GRAPH_DELTA_REQUEST, { uri }));
    assert.ok('graph' in whole);
    assert.equal(whole.id, opening.id, 'built once');
    assert.deepEqual(opening.overview, openingOverview(whole.graph));
    assert.equal(opening.overview.flowCount, 180);

    // A small file is drawn whole: its graph at once.
    await client.open(DELTA_URI.replace('delta', 'small'), DELTA_TEXT);
    const small = await present(client.request(GRAPH_DELTA_REQUEST, { uri: DELTA_URI.replace('delta', 'small'), overviewFirst: true }));
    assert.ok('graph' in small);
  });
});
