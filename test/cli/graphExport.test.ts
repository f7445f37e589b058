/**
 * `ppnet graph --format png` and `--format drawio`: the PNG decoded (pngjs) at twice the SVG's size, its
 * background the theme's and its text drawn with a font that was found; the draw.io file well-formed XML
 * (xmllint) whose cells, parsed, are the graph's groups, nodes and edges at the SVG's positions.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { layoutGraph } from '../../diagram/layout';
import { graphOfFile } from '../../server/src/cli/graph';
import { PNG_SCALE } from '../../server/src/cli/png';
import { ROOT, runCli, tempDir } from '../support';

const CONTOSO = path.join(ROOT, 'examples', 'contoso.ppnet.yaml');
const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'routes-hostile.ppnet.yaml');

function graphOf(file: string) {
  return graphOfFile(file, fs.readFileSync(file, 'utf8'));
}

/** The SVG's width and height, as `ppnet graph --format svg` draws it. */
async function svgSize(file: string, theme = 'light'): Promise<{ width: number; height: number }> {
  const svg = (await runCli(['graph', file, '--format', 'svg', '--theme', theme])).stdout;
  const [, width, height] = /<svg [^>]*?width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(width), height: Number(height) };
}

const hex = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) * 4;
  return '#' + [0, 1, 2].map((k) => png.data[i + k].toString(16).padStart(2, '0')).join('') + (png.data[i + 3] === 255 ? '' : `/${png.data[i + 3]}`);
};

describe('ppnet graph --format png', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`renders the SVG at twice its size in the ${theme} theme, the title's text drawn`, async () => {
      const dir = tempDir({}, 'ppnet-png-');
      const out = path.join(dir, 'contoso.png');
      const result = await runCli(['graph', CONTOSO, '--format', 'png', '--theme', theme, '-o', out]);
      assert.deepEqual([result.code, result.stdout, result.stderr], [0, '', ''], 'drawn, and the fonts were found');
      const png = PNG.sync.read(fs.readFileSync(out));
      const size = await svgSize(CONTOSO, theme);
      assert.deepEqual([png.width, png.height], [Math.ceil(size.width * PNG_SCALE), Math.ceil(size.height * PNG_SCALE)]);
      const background = theme === 'light' ? '#ffffff' : '#1e1e1e';
      assert.equal(hex(png, 2, 2), background);
      // The title "Contoso connectivity" at (24, 24) in the SVG: its glyphs cover some of the band it sits in.
      let inked = 0;
      for (let y = 10 * PNG_SCALE; y < 28 * PNG_SCALE; y++) for (let x = 24 * PNG_SCALE; x < 200 * PNG_SCALE; x++) if (hex(png, x, y) !== background) inked++;
      assert.ok(inked > 500, `the title is drawn (${inked} pixels)`);
    });
  }

  it('writes the same bytes to standard output as to a file, and refuses to overwrite the topology', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': fs.readFileSync(CONTOSO) }, 'ppnet-png-');
    const piped = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), 'graph', 'a.ppnet.yaml', '--format', 'png'], { cwd: dir });
    assert.equal(piped.status, 0, piped.stderr.toString());
    await runCli(['graph', 'a.ppnet.yaml', '--format', 'png', '-o', 'a.png'], dir);
    assert.ok(Buffer.compare(piped.stdout, fs.readFileSync(path.join(dir, 'a.png'))) === 0);
    const refused = await runCli(['graph', 'a.ppnet.yaml', '--format', 'png', '-o', 'a.ppnet.yaml'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^ppnet: will not write to a\.ppnet\.yaml: it is an input/);
  });
});

interface Cell {
  id: string;
  value?: string;
  style?: string;
  parent?: string;
  vertex?: string;
  edge?: string;
  source?: string;
  target?: string;
  mxGeometry?: {
    x?: string;
    y?: string;
    width?: string;
    height?: string;
    mxPoint?: { x: string; y: string; as: string }[];
    Array?: { mxPoint: { x: string; y: string }[] };
  };
}

function parseDrawio(xml: string): { name: string; cells: Map<string, Cell> } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'mxCell' || name === 'mxPoint' });
  const doc = parser.parse(xml);
  const diagram = doc.mxfile.diagram;
  const cells = new Map<string, Cell>();
  for (const cell of diagram.mxGraphModel.root.mxCell as Cell[]) {
    assert.ok(!cells.has(cell.id), `cell ${cell.id} once`);
    cells.set(cell.id, cell);
  }
  return { name: diagram.name, cells };
}

const near = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) <= 0.11, `${what}: ${actual} is not ${expected}`);

describe('ppnet graph --format drawio', () => {
  for (const file of [CONTOSO, HOSTILE]) {
    it(`${path.basename(file)}: well-formed mxGraph XML, a cell per group, node and edge at the SVG's positions`, async () => {
      const dir = tempDir({}, 'ppnet-drawio-');
      const out = path.join(dir, 'diagram.drawio');
      assert.deepEqual(await runCli(['graph', file, '--format', 'drawio', '-o', out]), { code: 0, stdout: '', stderr: '' });
      const lint = spawnSync('xmllint', ['--noout', out], { encoding: 'utf8' });
      assert.ok(!lint.error, 'xmllint is needed (Debian: libxml2-utils)');
      assert.equal(lint.status, 0, lint.stderr);

      const graph = graphOf(file);
      const laid = await layoutGraph(graph);
      const { name, cells } = parseDrawio(fs.readFileSync(out, 'utf8'));
      assert.equal(name, graph.title);
      // draw.io's two root cells, then one per group, node and edge, and nothing else.
      assert.equal(cells.size, 2 + laid.groups.length + laid.nodes.length + laid.edges.length);

      const absolute = (cell: Cell): { x: number; y: number } => {
        const own = { x: Number(cell.mxGeometry!.x), y: Number(cell.mxGeometry!.y) };
        const parent = cell.parent !== undefined ? cells.get(cell.parent) : undefined;
        if (!parent || parent.id === '1') return own;
        const at = absolute(parent);
        return { x: at.x + own.x, y: at.y + own.y };
      };
      for (const group of laid.groups) {
        const cell = cells.get(group.group.id)!;
        assert.ok(cell && cell.vertex === '1' && /container=1;/.test(cell.style!), group.group.id);
        assert.equal(cell.value, [group.label, group.detail].filter((t) => t !== undefined).join('\n'));
      }
      for (const node of laid.nodes) {
        const cell = cells.get(node.node.id);
        assert.ok(cell && cell.vertex === '1', node.node.id);
        assert.equal(cell.parent, node.node.group ?? '1', `${node.node.id} sits in its group`);
        assert.equal(cell.value, [node.caption, node.label, node.detail].filter((t) => t !== undefined).join('\n'));
        const at = absolute(cell);
        near(at.x, node.x, `${node.node.id} x`);
        near(at.y, node.y, `${node.node.id} y`);
        near(Number(cell.mxGeometry!.width), node.width, `${node.node.id} width`);
        near(Number(cell.mxGeometry!.height), node.height, `${node.node.id} height`);
      }
      const edges = new Map(graph.edges.map((e) => [e.id, e]));
      for (const placed of laid.edges) {
        const cell = cells.get(placed.id)!;
        const edge = edges.get(placed.id)!;
        assert.deepEqual([cell.edge, cell.source, cell.target], ['1', edge.from, edge.to], placed.id);
        const bends = cell.mxGeometry!.Array?.mxPoint ?? [];
        assert.deepEqual(
          bends.map((p) => [Number(p.x), Number(p.y)]),
          placed.points.slice(1, -1).map((p) => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]),
          `${placed.id} bends where the SVG's line does`,
        );
      }
    });
  }
});
