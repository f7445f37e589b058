/**
 * Incremental parsing gives what a full parse gives: the same document (node types, values and
 * ranges) and exactly the same diagnostics, on real files and on random edit sequences that cross
 * the fallback boundary (YAML errors, aliases, tabs, flow sections, a second document...) both ways.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, isSeq } from 'yaml';
import { generateTopology } from '../../bench/generate';
import { IncrementalParser } from '../../server/src/service/incremental';
import { buildTopology } from '../../server/src/service/model';
import { parseText } from '../../server/src/service/parse';
import { validateTopology } from '../../server/src/service/validation';
import { doc, ROOT } from '../support';

/** Every file of the repository's examples and rule fixtures, and a generated one. */
export function sampleTexts(): string[] {
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'examples')).map((f) => path.join(ROOT, 'examples', f)),
    ...fs.readdirSync(path.join(ROOT, 'test', 'rules')).filter((f) => f.endsWith('.ppnet.yaml')).map((f) => path.join(ROOT, 'test', 'rules', f)),
  ];
  return [...files.map((f) => fs.readFileSync(f, 'utf8')), generateTopology(120)];
}

/** The shape of a YAML node tree: types, scalar values and sources, flow style and ranges (not comments). */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const range = (node as { range?: unknown }).range;
  if (isScalar(node)) return ['scalar', node.value, node.type, (node as { source?: unknown }).source, range];
  if (isMap(node)) return ['map', !!node.flow, range, node.items.map((p) => [shape(p.key), shape(p.value)])];
  if (isSeq(node)) return ['seq', !!node.flow, range, node.items.map(shape)];
  return ['other', String(node)];
}

function fullDiagnostics(text: string) {
  return validateTopology(buildTopology(parseText(text)), doc(text));
}

describe('incremental parsing', () => {
  it('assembles the same document and diagnostics as a full parse of every sample file', () => {
    let incremental = 0;
    for (const text of sampleTexts()) {
      const result = new IncrementalParser().update(text);
      const full = parseText(text);
      if (result.incremental) incremental++;
      assert.deepEqual(shape(result.parsed.doc.contents), shape(full.doc.contents));
      assert.deepEqual(result.parsed.doc.range, full.doc.range);
      assert.deepEqual(result.parsed.duplicates.map((d) => [d.key.range, d.first.range]).sort(), full.duplicates.map((d) => [d.key.range, d.first.range]).sort());
      assert.deepEqual(validateTopology(result.topology, doc(text)), fullDiagnostics(text));
    }
    assert.ok(incremental > 10, `only ${incremental} sample files were parsed in chunks`);
  });

  it('reuses unchanged chunks: an edit in one entity leaves the other entities as they were', () => {
    const text = generateTopology(120);
    const parser = new IncrementalParser();
    const before = parser.update(text).topology;
    const edited = text.replace('    type: sandbox\n', '    type: sandboxx\n');
    const after = parser.update(edited);
    assert.equal(after.incremental, true);
    const changed = [...after.topology.environments.values()].filter((e) => before.environments.get(e.id) !== e).map((e) => e.id);
    assert.equal(changed.length, 1);
    assert.equal(after.topology.environments.get(changed[0])?.type?.text, 'sandboxx');
    assert.equal(after.topology.connectors.get('crm-0001'), before.connectors.get('crm-0001'));
    // The connector after the edit moved by one character, and so did its nodes.
    assert.equal(after.topology.connectors.get('crm-0001')!.key.range![0], edited.indexOf('  crm-0001:') + 2);
    assert.deepEqual(validateTopology(after.topology, doc(edited)), fullDiagnostics(edited));
  });

  /** Typing in values and names: mostly keeps the YAML valid, so the chunks are used. */
  const WORDS = ['x', 'e', '1', '-', 'europe', 'westeurope', 'production', 'blocked', 'expressroute', '12076:51004', '203.0.113.0/29', 'gw-ams'];
  /** New lines, keys, entities and sections, comments and disable comments. */
  const STRUCTURE = [
    ' ', '  ', '\n', '\n\n', ':', ': ', '- ', '#', '# note', '"', "'", '{', '}', '[', ']', ',',
    '\n  added:\n    region: europe\n', '\n    region: unitedstates', '\n    site: nowhere', '\nsites:\n  s1: {}\n',
    '\nenvironments:\n', 'environments: {a: {region: europe}}\n', '|\n  text\n', '>-\n', '\n  # comment\n',
    '# ppnet-disable-next-line schema\n', '# ppnet-disable-file\n', '__proto__: 1\n',
  ];
  /** What the chunks must refuse, so that the text is parsed in full. */
  const HOSTILE = ['&anchor ', '*anchor', '<<: *anchor\n', '<<: {}\n', '\t', '\r\n', '\r', '---\n', '...\n', '%YAML 1.2\n', '\uFEFF', '? ', '!!str '];
  type Edit = { kind: 'raw'; at: number; remove: number; insert: string } | { kind: 'value'; line: number; word: string } | { kind: 'undo' };
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({
      kind: fc.constant('raw' as const),
      at: fc.nat(),
      remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })),
      insert: fc.oneof(
        { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
        { arbitrary: fc.constantFrom(...STRUCTURE), weight: 3 },
        { arbitrary: fc.constantFrom(...HOSTILE), weight: 1 },
        { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
      ),
    }),
    fc.record({ kind: fc.constant('value' as const), line: fc.nat(), word: fc.constantFrom(...WORDS) }),
    fc.constant({ kind: 'undo' as const }),
  );

  /** Applies an edit; `history` holds the texts before each edit, for undo. */
  function apply(text: string, change: Edit, history: string[]): string {
    if (change.kind === 'undo') return history.pop() ?? text;
    history.push(text);
    if (change.kind === 'raw') {
      const start = change.at % (text.length + 1);
      return text.slice(0, start) + change.insert + text.slice(start + change.remove);
    }
    // Retype the value of some `key: value` line.
    const lines = text.split('\n');
    const candidates = lines.flatMap((line, index) => (/^\s*[\w-]+: \S/.test(line) ? [index] : []));
    if (candidates.length === 0) return text;
    const index = candidates[change.line % candidates.length];
    lines[index] = lines[index].replace(/: .*$/, `: ${change.word}`);
    return lines.join('\n');
  }

  it('gives exactly the diagnostics of a full validation after every edit of random edit sequences', () => {
    const samples = sampleTexts();
    let incremental = 0;
    let full = 0;
    let recovered = 0;
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (sample, edits) => {
        const parser = new IncrementalParser();
        let text = samples[sample];
        let wasIncremental = parser.update(text).incremental;
        const history: string[] = [];
        for (const change of edits) {
          text = apply(text, change, history);
          const result = parser.update(text);
          if (result.incremental) incremental++;
          else full++;
          if (result.incremental && !wasIncremental) recovered++;
          wasIncremental = result.incremental;
          assert.deepEqual(validateTopology(result.topology, doc(text)), fullDiagnostics(text));
        }
      }),
      { numRuns: 200 },
    );
    // Both sides of the fallback boundary were visited, and crossed back, many times.
    assert.ok(incremental > 300 && full > 300 && recovered > 30, `incremental ${incremental}, full ${full}, back to chunks ${recovered}`);
  });
});
