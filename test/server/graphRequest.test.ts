/** The graph request (GRAPH_REQUEST) over stdio: the graph of the open document, current after each change. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Graph } from '../../server/src/service';
import { GRAPH_REQUEST } from '../../protocol/protocol';
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

describe('the graph request', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('answers the graph of an open document, follows its changes, and null for an unknown one', async () => {
    await client.open(URI, TEXT);
    const first = await client.request<Graph>(GRAPH_REQUEST, { uri: URI });
    assert.equal(first.title, 'preview.ppnet.yaml');
    assert.deepEqual(first.flows.map((f) => [f.id, f.route]), [['users:hq:prod', 'internet']]);
    const circuit = first.nodes.find((n) => n.id === 'circuit:er')!;
    assert.equal(circuit.severity, 'error');
    assert.ok(circuit.diagnostics.some((d) => d.code === 'microsoft-peering-required'));

    // Give the circuit Microsoft peering with both European communities: the users take ExpressRoute.
    await client.change(URI, 2, [
      { range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: '    microsoftPeering:\n      advertisedPrefixes: [203.0.113.0/29]\n      routeFilter: [West Europe, North Europe]\n' },
    ]);
    const second = await client.request<Graph>(GRAPH_REQUEST, { uri: URI });
    assert.deepEqual(second.flows.map((f) => [f.id, f.route, f.circuit]), [['users:hq:prod', 'expressroute', 'er']]);
    assert.equal(second.nodes.find((n) => n.id === 'circuit:er')!.severity, undefined);

    assert.equal(await client.request(GRAPH_REQUEST, { uri: 'file:///virtual/closed.ppnet.yaml' }), null);
    assert.equal(await client.request(GRAPH_REQUEST, { uri: 42 }), null);
  });
});
