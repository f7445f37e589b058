/**
 * The layout: ELK for small graphs, the grid for large ones. Both place every node once, inside its
 * group, without overlaps, draw every edge from its source's side to its target's side in straight
 * horizontal and vertical runs, are deterministic, and keep every other node where it was when a site
 * is renamed. (No timings here: bench/RESULTS.md has them.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateUnits } from '../../bench/generate';
import { Box, ELK_LIMIT, LaidOutGraph, layoutEngineFor, layoutGraph } from '../../diagram/layout';
import { collapseGraph } from '../../diagram/views';
import { createLanguageService } from '../../server/src/service';
import type { Graph } from '../../protocol/graph';
import { doc, fixture } from '../support';

function graphOf(text: string): Graph {
  return createLanguageService().getGraph(doc(text));
}

const CONTOSO = fixture('..', 'examples', 'contoso.ppnet.yaml');
const UNITS = generateUnits(20);

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.width <= outer.x + outer.width + 0.01 && inner.y + inner.height <= outer.y + outer.height + 0.01;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onBorder = (p: { x: number; y: number }, box: Box) =>
  (Math.abs(p.x - box.x) < 0.5 || Math.abs(p.x - box.x - box.width) < 0.5) && p.y >= box.y - 0.5 && p.y <= box.y + box.height + 0.5;

/** `edgeEnds`: every edge runs horizontally and vertically from a side of its source to a side of its target (the grid's routing). */
function assertSoundLayout(laid: LaidOutGraph, options: { edgeEnds: boolean }): void {
  const { graph } = laid;
  assert.deepEqual(laid.nodes.map((n) => n.node.id).sort(), graph.nodes.map((n) => n.id).sort(), 'every node placed once');
  assert.deepEqual(laid.groups.map((g) => g.group.id).sort(), graph.groups.map((g) => g.id).sort(), 'every group placed once');
  const groups = new Map(laid.groups.map((g) => [g.group.id, g]));
  for (const node of laid.nodes) {
    assert.ok(node.x >= 0 && node.y >= 0 && node.x + node.width <= laid.width && node.y + node.height <= laid.height, `${node.node.id} is in the picture`);
    if (node.node.group !== undefined) assert.ok(inside(node, groups.get(node.node.group)!), `${node.node.id} is inside its group`);
  }
  const sorted = [...laid.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].width; j++) {
      assert.ok(!overlap(sorted[i], sorted[j]), `${sorted[i].node.id} and ${sorted[j].node.id} do not overlap`);
    }
  }
  const boxes = new Map<string, Box>([...laid.nodes.map((n): [string, Box] => [n.node.id, n]), ...laid.groups.map((g): [string, Box] => [g.group.id, g])]);
  assert.deepEqual(laid.edges.map((e) => e.id), graph.edges.map((e) => e.id), 'every edge drawn, in graph order');
  for (const placed of laid.edges) {
    const edge = graph.edges.find((e) => e.id === placed.id)!;
    assert.ok(placed.points.length >= 2, edge.id);
    if (options.edgeEnds) {
      for (let i = 1; i < placed.points.length; i++) {
        const [a, b] = [placed.points[i - 1], placed.points[i]];
        assert.ok(Math.abs(a.x - b.x) < 0.01 || Math.abs(a.y - b.y) < 0.01, `${edge.id} runs horizontally or vertically`);
      }
      assert.ok(onBorder(placed.points[0], boxes.get(edge.from)!), `${edge.id} leaves ${edge.from} from its side`);
      assert.ok(onBorder(placed.points[placed.points.length - 1], boxes.get(edge.to)!), `${edge.id} enters ${edge.to} from its side`);
    }
  }
}

/** Each node's box by id, with the renamed id mapped back, so that two layouts compare. */
function positions(laid: LaidOutGraph, renamed?: [string, string]): Map<string, string> {
  return new Map(laid.nodes.map((n) => [renamed ? n.node.id.replace(renamed[1], renamed[0]) : n.node.id, `${n.x},${n.y} ${n.width}x${n.height}`]));
}

describe('layout', () => {
  it('lays small graphs out with ELK and large ones with the grid', () => {
    assert.equal(layoutEngineFor(graphOf(CONTOSO)), 'elk');
    assert.equal(layoutEngineFor(graphOf(fixture('..', 'examples', 'mistakes.ppnet.yaml'))), 'elk');
    const large = graphOf(UNITS);
    assert.ok(large.nodes.length + large.edges.length > ELK_LIMIT);
    assert.equal(layoutEngineFor(large), 'grid');
    assert.equal(layoutEngineFor(large, 'elk'), 'elk');
  });

  it('lays every overview out with the grid, however small', () => {
    const overview = collapseGraph(graphOf(CONTOSO));
    assert.ok(overview.nodes.length + overview.edges.length <= ELK_LIMIT);
    assert.equal(layoutEngineFor(overview), 'grid');
    assert.equal(layoutEngineFor(overview, 'elk'), 'elk');
  });

  it('places every node once, inside its group, without overlaps, and routes every edge (ELK)', async () => {
    const laid = await layoutGraph(graphOf(CONTOSO));
    assert.equal(laid.engine, 'elk');
    assertSoundLayout(laid, { edgeEnds: false });
  });

  for (const [name, text] of [['contoso.ppnet.yaml', CONTOSO], ['20 generated units', UNITS], ['60 generated units', generateUnits(60)]] as const) {
    it(`places every node once, inside its group, without overlaps, and routes every edge side to side (grid, ${name})`, async () => {
      const graph = graphOf(text);
      const laid = await layoutGraph(graph, { engine: 'grid' });
      assert.equal(laid.engine, 'grid');
      assertSoundLayout(laid, { edgeEnds: true });
      assert.deepEqual(await layoutGraph(graph, { engine: 'grid' }), laid, 'deterministic');
    });
  }

  it('lays out the overview: collapsed groups as nodes, bundles between them', async () => {
    const overview = collapseGraph(graphOf(generateUnits(60)));
    const laid = await layoutGraph(overview);
    assert.equal(laid.engine, 'grid');
    assertSoundLayout(laid, { edgeEnds: true });
    // Columns: sites, then the Microsoft edge, the relays, the regions.
    const x = (kind: string) => Math.min(...laid.nodes.filter((n) => n.node.collapsed?.kind === kind).map((n) => n.x));
    assert.ok(x('site') < x('edge') && x('edge') < x('cloud') && x('cloud') < x('region'));
    // Expanding one site draws its nodes inside its group.
    const expanded = await layoutGraph(collapseGraph(graphOf(generateUnits(60)), new Set(['group:site:site-0007'])));
    assertSoundLayout(expanded, { edgeEnds: true });
    assert.deepEqual(expanded.groups.map((g) => g.group.id), ['group:site:site-0007']);
  });

  it('keeps every other node where it was when a site is renamed (ELK and grid)', async () => {
    const rename = (text: string, from: string, to: string) => text.replace(new RegExp(`\\b${from}\\b`, 'g'), to);
    // A longer id: the site's own group may grow (ELK), nothing else moves.
    const before = await layoutGraph(graphOf(CONTOSO));
    const after = await layoutGraph(graphOf(rename(CONTOSO, 'dub-dc', 'dublin-datacenter-main')));
    const [a, b] = [positions(before), positions(after, ['dub-dc', 'dublin-datacenter-main'])];
    const own = new Set(before.graph.nodes.filter((n) => n.group === 'group:site:dub-dc').map((n) => n.id));
    for (const [id, box] of a) if (!own.has(id)) assert.equal(b.get(id), box, id);

    // The grid moves nothing at all, with or without a display name (a group's header is cut to fit).
    for (const text of [UNITS, UNITS.replace('    name: Office 0003\n', '')]) {
      const grid = positions(await layoutGraph(graphOf(text)));
      const renamed = positions(await layoutGraph(graphOf(rename(text, 'site-0003', 'the-northern-headquarters-0003'))), ['site-0003', 'the-northern-headquarters-0003']);
      assert.deepEqual(renamed, grid);
    }
  });
});
