/** Graph deltas: applying the change from one graph to the next gives the next, sharing what did not change. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyGraphDelta, deltaIsEmpty, diffGraph, sameData } from '../../protocol/graphDelta';
import { createLanguageService, Graph } from '../../server/src/service';
import { doc, fixture } from '../support';

const contoso = fixture('..', 'examples', 'contoso.ppnet.yaml');
const graphOf = (text: string): Graph => createLanguageService().getGraph(doc(text));
const base = graphOf(contoso);
/** A round trip as the wire makes it. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('graph deltas', () => {
  it('bring a graph to the next one after a rename, an added entity, a removed one and a changed name', () => {
    for (const edited of [
      contoso.replace(/\bgw-dub\b/g, 'gw-dublin'),
      contoso.replace('connectors:\n', 'connectors:\n  extra-dataverse:\n    type: dataverse\n    environment: contoso-dev\n'),
      contoso.replace(/ {2}us-oracle:\n(?: {4}.*\n)+/, ''),
      contoso.replace('name: Amsterdam gateway cluster', 'name: Amsterdam'),
      contoso.replace('name: Contoso connectivity', 'name: Contoso'),
    ]) {
      const next = graphOf(edited);
      const delta = wire(diffGraph(base, next));
      assert.deepEqual(applyGraphDelta(base, delta), wire(next));
      assert.ok(!deltaIsEmpty(delta));
    }
  });

  it('carry only what changed, and leave the unchanged items the base\'s own objects', () => {
    const next = graphOf(contoso.replace('name: Amsterdam gateway cluster', 'name: Amsterdam'));
    const delta = diffGraph(base, next);
    assert.deepEqual(delta.nodes, { changed: [next.nodes.find((n) => n.id === 'gateway:gw-ams')] });
    assert.deepEqual([delta.groups, delta.edges], [{ changed: [] }, { changed: [] }]);
    assert.equal(delta.title, undefined);
    const applied = applyGraphDelta(base, delta);
    assert.equal(applied.groups, base.groups);
    assert.equal(applied.nodes.find((n) => n.id === 'site:ams-hq'), base.nodes.find((n) => n.id === 'site:ams-hq'));
  });

  it('are empty between equal graphs, and send a list with repeated ids whole', () => {
    assert.ok(deltaIsEmpty(diffGraph(base, wire(base))));
    const repeated: Graph = { ...base, edges: [...base.edges, base.edges[0]] };
    const delta = diffGraph(base, repeated);
    assert.deepEqual(delta.edges, { all: repeated.edges });
    assert.deepEqual(applyGraphDelta(base, delta), repeated);
  });

  it('compare JSON data as JSON does: undefined fields are absent', () => {
    assert.ok(sameData({ a: 1, b: undefined }, { a: 1 }));
    assert.ok(!sameData({ a: [1, 2] }, { a: [1, 2, 3] }));
    assert.ok(!sameData({ a: {} }, { a: [] }));
    assert.ok(!sameData({ a: null }, { a: {} }));
  });
});
