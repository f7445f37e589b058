/**
 * The overview's views of a graph: groups collapsed into one node each with edges bundled per (from,
 * to, route class), only the flows of one entity, and ids found from what a user typed. Every view is
 * itself a sound graph: each edge and flow names what the view draws.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collapseGraph, findNode, focusGraph, nodeNames } from '../../diagram/views';
import { createLanguageService } from '../../server/src/service';
import type { Graph } from '../../protocol/graph';
import { generateUnits } from '../../bench/generate';
import { doc, fixture } from '../support';

function graphOf(text: string): Graph {
  return createLanguageService().getGraph(doc(text));
}

const contoso = graphOf(fixture('..', 'examples', 'contoso.ppnet.yaml'));
const mistakes = graphOf(fixture('..', 'examples', 'mistakes.ppnet.yaml'));

/** Every edge end is a node or group of the view, every flow's edge one of its edges, ids unique. */
function assertSound(view: Graph): void {
  const drawn = new Set([...view.nodes.map((n) => n.id), ...view.groups.map((g) => g.id)]);
  assert.equal(drawn.size, view.nodes.length + view.groups.length, 'node and group ids are unique');
  const edgeIds = new Set(view.edges.map((e) => e.id));
  assert.equal(edgeIds.size, view.edges.length, 'edge ids are unique');
  for (const edge of view.edges) assert.ok(drawn.has(edge.from) && drawn.has(edge.to), `${edge.id}: ${edge.from} -> ${edge.to}`);
  for (const node of view.nodes) if (node.group !== undefined) assert.ok(view.groups.some((g) => g.id === node.group), `${node.id} is in a drawn group`);
  for (const flow of view.flows) for (const edge of flow.edges) assert.ok(edgeIds.has(edge), `${flow.id}: ${edge}`);
}

describe('collapseGraph', () => {
  it('draws every group as one node, bundles the edges per (from, to, route) with their count, drops those inside a group', () => {
    const view = collapseGraph(contoso);
    assertSound(view);
    assert.deepEqual(view.groups, []);
    assert.deepEqual(
      view.nodes.map((n) => `${n.id} ${n.kind} "${n.label}" (${n.detail})`),
      [
        'group:site:ams-hq group "Amsterdam headquarters" (1 site network · 1 gateway · 1 desktop flow)',
        'group:site:dub-dc group "Dublin datacenter" (1 site network · 1 gateway)',
        'group:site:sea-office group "Seattle office" (1 site network · 1 gateway · 1 desktop flow)',
        'group:edge group "Microsoft edge" (2 circuits)',
        'group:region:europe group "Europe" (1 datacenter pair · 2 environments · 3 connectors)',
        'group:region:unitedstates group "United States" (1 datacenter pair · 1 environment · 2 connectors)',
        'group:azure group "Azure" (1 Azure service)',
        'group:cloud group "Microsoft cloud" (1 relay · 1 relay)',
        'group:internet group "Public internet" (1 CDN · 1 internet edge · 1 service)',
      ].sort((a, b) => contoso.nodes.findIndex((n) => a.startsWith(n.group!)) - contoso.nodes.findIndex((n) => b.startsWith(n.group!))),
    );
    const site = view.nodes.find((n) => n.id === 'group:site:ams-hq')!;
    assert.deepEqual(site.collapsed, { kind: 'site', members: ['site:ams-hq', 'gateway:gw-ams', 'desktopFlow:invoice-bot'] });
    assert.equal(site.caption, 'On-premises site');
    assert.equal(site.range, undefined);

    // One bundle per (from, to, route); each counts the edges it stands for, and carries their flows.
    const keys = view.edges.map((e) => `${e.from} -> ${e.to} [${e.route}]`);
    assert.equal(new Set(keys).size, keys.length);
    const groupOf = new Map(contoso.nodes.map((n) => [n.id, n.group ?? n.id]));
    const drawn = (id: string) => groupOf.get(id) ?? id;
    const crossing = contoso.edges.filter((e) => drawn(e.from) !== drawn(e.to));
    assert.equal(
      view.edges.reduce((sum, e) => sum + e.count!, 0),
      crossing.length,
    );
    for (const bundle of view.edges) {
      assert.match(bundle.id, /^bundle:\d+$/);
      const inner = crossing.filter((e) => drawn(e.from) === bundle.from && drawn(e.to) === bundle.to && e.route === bundle.route);
      assert.equal(bundle.count, inner.length, bundle.id);
      assert.deepEqual(new Set(bundle.flows), new Set(inner.flatMap((e) => e.flows)), bundle.id);
    }
    const users = view.edges.find((e) => e.from === 'group:site:ams-hq' && e.to === 'group:edge')!;
    assert.deepEqual([users.route, users.count], ['expressroute', 3]); // users, the gateway and the desktop flow

    // Flows keep their ids and entities and name the bundles they take.
    assert.deepEqual(view.flows.map((f) => [f.id, f.from, f.to, f.subject]), contoso.flows.map((f) => [f.id, f.from, f.to, f.subject]));
    const oracle = view.flows.find((f) => f.id === 'connector:us-oracle')!;
    assert.ok(oracle.edges.length > 0 && oracle.edges.every((id) => id.startsWith('bundle:')));
    // The graph given is not changed.
    assert.deepEqual(contoso, graphOf(fixture('..', 'examples', 'contoso.ppnet.yaml')));
  });

  it('keeps the expanded groups as they are: their nodes, and the ids of edges between drawn nodes', () => {
    const view = collapseGraph(contoso, new Set(['group:region:europe', 'group:edge']));
    assertSound(view);
    assert.deepEqual(view.groups.map((g) => g.id), ['group:region:europe', 'group:edge']);
    for (const node of contoso.nodes.filter((n) => n.group === 'group:region:europe' || n.group === 'group:edge')) {
      assert.ok(view.nodes.includes(node), node.id);
    }
    const kept = contoso.edges.find((e) => e.from === 'circuit:er-ams' && e.to === 'environment:contoso-prod')!;
    assert.ok(view.edges.includes(kept), 'an edge between two drawn nodes is the same edge');
    assert.ok(view.edges.some((e) => e.from === 'group:site:ams-hq' && e.to === 'circuit:er-ams' && e.count === 3));
    // Everything expanded: the same nodes, groups and edges.
    const all = collapseGraph(contoso, new Set(contoso.groups.map((g) => g.id)));
    assert.deepEqual([all.nodes, all.groups, all.edges], [contoso.nodes, contoso.groups, contoso.edges]);
  });

  it('marks a collapsed group with the worst diagnostic of its members, and lists them worst first', () => {
    const view = collapseGraph(mistakes);
    assertSound(view);
    // An environment without a known region is in no group: drawn as it is.
    assert.deepEqual(view.nodes.filter((n) => !n.collapsed).map((n) => n.id), mistakes.nodes.filter((n) => n.group === undefined).map((n) => n.id));
    for (const node of view.nodes.filter((n) => n.collapsed)) {
      const members = mistakes.nodes.filter((n) => node.collapsed!.members.includes(n.id));
      const worst = ['error', 'warning', 'info', 'hint'].find((s) => members.some((m) => m.severity === s));
      assert.equal(node.severity, worst, node.id);
      assert.equal(node.diagnostics.length, members.reduce((sum, m) => sum + m.diagnostics.length, 0));
      const ranks = node.diagnostics.map((d) => ['error', 'warning', 'info', 'hint'].indexOf(d.severity));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), node.id);
    }
    assert.ok(view.nodes.some((n) => n.severity === 'error'));
  });

  it('makes the overview of a large topology: one node per group, bundles that grow with the sites', () => {
    const large = graphOf(generateUnits(60));
    const view = collapseGraph(large);
    assertSound(view);
    assert.equal(view.nodes.length, large.groups.length);
    assert.equal(view.nodes.filter((n) => n.collapsed?.kind === 'site').length, 60);
    assert.ok(view.edges.length < large.edges.length / 2, `${view.edges.length} bundles for ${large.edges.length} edges`);
  });
});

describe('focusGraph', () => {
  it('keeps the flows of a site, the edges they take and what they reach', () => {
    const view = focusGraph(contoso, 'site:ams-hq');
    assertSound(view);
    assert.deepEqual(
      view.flows.map((f) => f.id),
      contoso.flows.filter((f) => f.from === 'site:ams-hq').map((f) => f.id),
    );
    assert.ok(view.flows.length > 0);
    assert.ok(view.nodes.some((n) => n.id === 'environment:contoso-prod'));
    assert.ok(!view.nodes.some((n) => n.id === 'environment:fabrikam-us'), 'Seattle users reach Fabrikam, Amsterdam users do not');
    for (const edge of view.edges) assert.ok(edge.flows.some((f) => view.flows.some((v) => v.id === f)) || edge.flows.length === 0);
  });

  it('keeps the flows that pass a circuit, and a circuit with none at its site', () => {
    const view = focusGraph(contoso, 'circuit:er-sea');
    assertSound(view);
    assert.ok(view.flows.length > 0);
    for (const flow of view.flows) assert.ok(flow.circuit === 'er-sea' || flow.edges.some((id) => view.edges.some((e) => e.id === id && (e.from === 'circuit:er-sea' || e.to === 'circuit:er-sea'))), flow.id);
    const idle = focusGraph(mistakes, 'circuit:er-idle');
    assertSound(idle);
    assert.deepEqual(idle.edges.map((e) => `${e.from} -> ${e.to} [${e.route}]`), ['site:lon-hq -> circuit:er-idle [attachment]']);
    assert.deepEqual(idle.groups.map((g) => g.id).sort(), ['group:edge', 'group:site:lon-hq']);
  });

  it('focuses on a whole group, and composes with collapseGraph', () => {
    const view = focusGraph(contoso, 'group:region:unitedstates');
    assertSound(view);
    assert.ok(view.flows.every((f) => [f.from, f.to, f.subject].some((id) => id.includes('fabrikam') || id.includes('us-') || id.includes('sales-'))
      || f.edges.length > 0));
    assert.ok(view.flows.some((f) => f.to === 'environment:fabrikam-us'));
    const overview = collapseGraph(view, new Set(['group:region:unitedstates']));
    assertSound(overview);
    assert.ok(overview.nodes.some((n) => n.id === 'environment:fabrikam-us'));
    assert.throws(() => focusGraph(contoso, 'site:nowhere'), /no node or group site:nowhere/);
  });
});

describe('findNode', () => {
  it('takes node and group ids as in the graph, and bare entity ids', () => {
    assert.deepEqual(findNode(contoso, 'site:ams-hq'), { id: 'site:ams-hq' });
    assert.deepEqual(findNode(contoso, 'ams-hq'), { id: 'site:ams-hq' });
    assert.deepEqual(findNode(contoso, 'gw-sea'), { id: 'gateway:gw-sea' });
    assert.deepEqual(findNode(contoso, 'group:site:ams-hq'), { id: 'group:site:ams-hq' });
    assert.deepEqual(findNode(contoso, 'internet'), { id: 'internet' });
    // A bare region id is the region's group before its datacenter pair.
    assert.deepEqual(findNode(contoso, 'europe'), { id: 'group:region:europe' });
    assert.equal(findNode(contoso, 'nowhere'), undefined);
    assert.ok(nodeNames(contoso).includes('ams-hq') && nodeNames(contoso).includes('site:ams-hq') && nodeNames(contoso).includes('group:edge'));
  });

  it('says when a bare id names entities of several kinds', () => {
    const graph = graphOf(`version: 1
environments:
  hq:
    region: europe
sites:
  hq:
    internet: allowed
`);
    assert.deepEqual(findNode(graph, 'hq'), { ambiguous: ['environment:hq', 'site:hq'] });
    assert.deepEqual(findNode(graph, 'site:hq'), { id: 'site:hq' });
  });
});
