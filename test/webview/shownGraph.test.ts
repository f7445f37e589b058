/**
 * What the preview draws of a graph, in Node: the filters (route class, environment, site), the
 * overview (groups collapsed, crowded kinds as one cluster until it is opened) and the search.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { generateUnits } from '../../bench/generate';
import { graphOfFile } from '../../server/src/cli/graph';
import type { Graph, RouteKind } from '../../protocol/graph';
import { CLUSTER_LIMIT, drawnAsOverview, openingOverview, overviewFromOpening, overviewOf } from '../../diagram/overview';
import { focusGraph } from '../../diagram/views';
import { filterGraph, flowsOf, NO_FILTER, searchNodes } from '../../webview/src/filters';
import { describe as describeEntity, nodeAtPosition, shownGraph } from '../../webview/src/shownGraph';
import { ROOT } from '../support';

const CONTOSO = path.join(ROOT, 'examples', 'contoso.ppnet.yaml');
const contoso = graphOfFile(CONTOSO, fs.readFileSync(CONTOSO, 'utf8'));

export function unitsGraph(units: number): Graph {
  return graphOfFile(path.join(ROOT, `generated-${units}.ppnet.yaml`), generateUnits(units));
}

/** Every edge end is drawn, every flow's edge is an edge of the view. */
function assertSound(view: Graph): void {
  const drawn = new Set([...view.nodes.map((n) => n.id), ...view.groups.map((g) => g.id)]);
  for (const edge of view.edges) assert.ok(drawn.has(edge.from) && drawn.has(edge.to), `${edge.id}: ${edge.from} -> ${edge.to}`);
  for (const node of view.nodes) if (node.group !== undefined) assert.ok(view.groups.some((g) => g.id === node.group), `${node.id} is in a drawn group`);
  const edges = new Set(view.edges.map((e) => e.id));
  for (const flow of view.flows) for (const edge of flow.edges) assert.ok(edges.has(edge), `${flow.id}: ${edge}`);
}

describe('preview filters', () => {
  it('returns the graph itself when nothing is filtered', () => {
    assert.equal(filterGraph(contoso, NO_FILTER), contoso);
  });

  it('hides the flows of a route class and their edges, keeping every node', () => {
    const view = filterGraph(contoso, { hiddenRoutes: new Set(['internet']) });
    assertSound(view);
    assert.deepEqual(
      view.flows.map((f) => f.id),
      contoso.flows.filter((f) => f.route !== 'internet').map((f) => f.id),
    );
    assert.deepEqual(view.nodes, contoso.nodes);
    for (const edge of view.edges) assert.ok(edge.flows.every((id) => contoso.flows.find((f) => f.id === id)!.route !== 'internet'), edge.id);
    // The edges only internet flows took are gone; a circuit drawn at its site stays.
    assert.ok(!view.edges.some((e) => e.from === 'gateway:gw-dub'));
  });

  it('keeps the flows of one environment, those its region\'s Azure services serve, and what they reach', () => {
    const view = filterGraph(contoso, { hiddenRoutes: new Set(), environment: 'environment:contoso-prod' });
    assertSound(view);
    assert.deepEqual(view.flows.map((f) => f.id), [
      'users:ams-hq:contoso-prod',
      'static-content:ams-hq:contoso-prod',
      'connector:erp-sql',
      'connector:crm-dataverse',
      'desktop-flow:invoice-bot',
      'azure-service:orders-db:europe',
    ]);
    assert.deepEqual(view.nodes.map((n) => n.id).sort(), [
      'azureService:orders-db',
      'circuit:er-ams',
      'connector:crm-dataverse',
      'connector:erp-sql',
      'datacenters:europe',
      'desktopFlow:invoice-bot',
      'environment:contoso-prod',
      'gateway:gw-ams',
      'relay',
      'service-bus',
      'site:ams-hq',
    ]);
  });

  it('keeps the flows of one site (its users, gateways and machines) and the site\'s nodes', () => {
    const view = filterGraph(contoso, { hiddenRoutes: new Set(), site: 'group:site:dub-dc' });
    assertSound(view);
    assert.deepEqual(view.flows.map((f) => f.id), ['connector:archive-files']);
    assert.deepEqual(view.nodes.map((n) => n.id).sort(), ['connector:archive-files', 'environment:contoso-dev', 'gateway:gw-dub', 'internet', 'service-bus', 'site:dub-dc']);
    // Both: nothing passes, the site's own nodes remain.
    const none = filterGraph(contoso, { hiddenRoutes: new Set(['internet']), site: 'group:site:dub-dc' });
    assert.deepEqual([none.flows.length, none.nodes.map((n) => n.id)], [0, ['site:dub-dc', 'gateway:gw-dub']]);
  });

  it('finds the flows of an entity or a group as the focus keeps them', () => {
    assert.deepEqual(flowsOf(contoso, 'gateway:gw-sea').map((f) => f.id), ['connector:us-oracle']);
    assert.deepEqual(flowsOf(contoso, 'group:site:dub-dc').map((f) => f.id), ['connector:archive-files']);
  });
});

describe('preview overview', () => {
  it('is for graphs larger than the examples', () => {
    assert.equal(drawnAsOverview(contoso), false);
    assert.equal(drawnAsOverview(unitsGraph(10)), true);
  });

  it('collapses every group; more sites than the limit are one cluster node until it is opened', () => {
    const graph = unitsGraph(30);
    const regions = graph.groups.filter((g) => g.kind === 'region').map((g) => g.id);
    const overview = overviewOf(graph, new Set());
    assertSound(overview.graph);
    assert.deepEqual(overview.graph.nodes.map((n) => n.id).sort(), [...regions, 'cluster:site', 'group:cloud', 'group:edge', 'group:internet'].sort());
    const cluster = overview.graph.nodes.find((n) => n.id === 'cluster:site')!;
    assert.deepEqual([cluster.caption, cluster.label, cluster.detail], ['On-premises sites', '30 sites', '30 site networks · 30 gateways · 30 desktop flows']);
    assert.equal(overview.clusters.get('cluster:site')!.length, 30);
    assert.deepEqual([...overview.collapsed].sort(), [...regions, 'group:cloud', 'group:edge', 'group:internet'].sort());
    assert.equal(overview.shownAs.get('gateway:gw-0003'), 'cluster:site');
    assert.equal(overview.shownAs.get('group:site:site-0003'), 'cluster:site');
    assert.equal(overview.shownAs.get('circuit:er-0003'), 'group:edge');
    // Each unit's users, gateway and desktop flow reach the edge over its circuit: 90 edges in one bundle.
    const bundle = overview.graph.edges.find((e) => e.from === 'cluster:site' && e.to === 'group:edge')!;
    assert.deepEqual([bundle.route, bundle.count, bundle.flows.length], ['expressroute', 90, 90]);

    const opened = overviewOf(graph, new Set(['cluster:site']));
    assertSound(opened.graph);
    assert.equal(opened.graph.nodes.filter((n) => n.id.startsWith('group:site:')).length, 30);
    assert.equal(opened.clusters.size, 0);
    assert.equal(opened.shownAs.get('gateway:gw-0003'), 'group:site:site-0003');
  });

  it('keeps up to the limit of sites as nodes, and draws an expanded group\'s nodes', () => {
    const graph = unitsGraph(CLUSTER_LIMIT);
    const overview = overviewOf(graph, new Set());
    assert.equal(overview.clusters.size, 0);
    assert.equal(overview.graph.nodes.filter((n) => n.id.startsWith('group:site:')).length, CLUSTER_LIMIT);

    const region = graph.groups.find((g) => g.kind === 'region')!.id;
    const expanded = overviewOf(graph, new Set([region]));
    assertSound(expanded.graph);
    assert.deepEqual(expanded.graph.groups.map((g) => g.id), [region]);
    const members = graph.nodes.filter((n) => n.group === region).map((n) => n.id);
    assert.deepEqual(expanded.graph.nodes.filter((n) => n.group === region).map((n) => n.id), members);
    for (const id of members) assert.equal(expanded.shownAs.get(id), id);
    // A focused entity's group stays open whatever the overview says.
    assert.deepEqual(overviewOf(graph, new Set(), new Set([region])).graph.groups.map((g) => g.id), [region]);
  });

  it('is sent ahead of a large graph without its flows, and drawn as the graph\'s own overview', () => {
    assert.equal(openingOverview(contoso), undefined);
    const graph = unitsGraph(30);
    const opening = openingOverview(graph)!;
    // It travels as JSON (LSP, then postMessage): what arrives is what is drawn.
    const received = overviewFromOpening(JSON.parse(JSON.stringify(opening)));
    const own = overviewOf(graph, new Set());
    assert.deepEqual(received.graph, { ...own.graph, flows: [] });
    assert.deepEqual(received.shownAs, own.shownAs);
    assert.deepEqual(received.collapsed, own.collapsed);
    assert.deepEqual(received.clusters, own.clusters);
    assert.equal(opening.flowCount, graph.flows.length);
    assert.ok(JSON.stringify(opening).length * 10 < JSON.stringify(graph).length);
  });
});

describe('preview search', () => {
  it('finds nodes by label, id or caption in any case, and a site\'s users by the site\'s name', () => {
    const graph = unitsGraph(12);
    assert.deepEqual(searchNodes(graph, 'GW-0003').map((n) => n.id), ['gateway:gw-0003']);
    assert.deepEqual(searchNodes(graph, 'office 0011').map((n) => n.id), ['site:site-0011']);
    assert.deepEqual(searchNodes(graph, '   '), []);
    assert.deepEqual(searchNodes(contoso, 'amsterdam').map((n) => n.id), ['site:ams-hq', 'gateway:gw-ams']);
  });
});

describe('what the preview shows', () => {
  const nothingChosen = { filter: NO_FILTER, focus: undefined, expanded: new Set<string>() };

  it('is the graph itself for a small file with nothing chosen', () => {
    assert.deepEqual(shownGraph(contoso, nothingChosen), { graph: contoso });
  });

  it('is the overview of a large file, with the groups the user opened', () => {
    const graph = unitsGraph(30);
    assert.deepEqual(shownGraph(graph, nothingChosen), { graph: overviewOf(graph, new Set()).graph, overview: overviewOf(graph, new Set()) });
    const opened = new Set(['cluster:site']);
    assert.deepEqual(shownGraph(graph, { ...nothingChosen, expanded: opened }).overview, overviewOf(graph, opened));
  });

  it('filters, then focuses; a focus the filters hide wins over them', () => {
    const filter = { hiddenRoutes: new Set<RouteKind>(), environment: 'environment:contoso-prod' };
    const filtered = filterGraph(contoso, filter);
    assert.ok(filtered.nodes.some((n) => n.id === 'connector:erp-sql') && !filtered.nodes.some((n) => n.id === 'gateway:gw-sea'));
    assert.deepEqual(shownGraph(contoso, { ...nothingChosen, filter, focus: 'connector:erp-sql' }), { graph: focusGraph(filtered, 'connector:erp-sql') });
    assert.deepEqual(shownGraph(contoso, { ...nothingChosen, filter, focus: 'gateway:gw-sea' }), { graph: focusGraph(contoso, 'gateway:gw-sea') });
  });

  it('names an entity or group in words, and finds the innermost entity at the cursor', () => {
    assert.equal(describeEntity(contoso, 'gateway:gw-sea'), 'gw-sea (Data gateway)');
    assert.equal(describeEntity(contoso, 'site:ams-hq'), 'Users at Amsterdam headquarters');
    const gateway = contoso.nodes.find((n) => n.id === 'gateway:gw-sea')!;
    assert.equal(nodeAtPosition(contoso, { line: gateway.range!.start.line + 1, character: 4 })?.id, 'gateway:gw-sea');
    assert.equal(nodeAtPosition(contoso, { line: 0, character: 0 }), undefined);
  });
});

