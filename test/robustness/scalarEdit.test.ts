/**
 * A keystroke in a plain value is applied to its chunk's nodes without a parse (`model/scalarEdit.ts`):
 * keystroke after keystroke, the document is the one a fresh parse in chunks gives (every range), its
 * problems and diagnostics are a full parse's, and anything but a plain word edited within its line is
 * parsed as before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateTopology } from '../../bench/generate';
import { IncrementalParser, ParseResult } from '../../server/src/service/model/incremental';
import { buildTopology } from '../../server/src/service/model/model';
import { parseText } from '../../server/src/service/syntax/parse';
import { validateTopology } from '../../server/src/service/validation/engine';
import { doc } from '../support';
// The module object itself (not a namespace copy), so that a test can count the parses the parser asks of it.
import yaml = require('yaml');
import { sampleTexts } from './randomEdits';
import { shape } from './nodeShape';

/** The parser's result for `text` and how many YAML parses it took. */
function update(parser: IncrementalParser, text: string): { result: ParseResult; parses: number } {
  let parses = 0;
  const original = yaml.parseDocument;
  (yaml as { parseDocument: unknown }).parseDocument = (...args: unknown[]) => {
    parses++;
    return (original as (...rest: unknown[]) => unknown)(...args);
  };
  try {
    return { result: parser.update(text), parses };
  } finally {
    (yaml as { parseDocument: unknown }).parseDocument = original;
  }
}

/** The result is what parsing `text` afresh gives: in chunks (every range), and in full (problems, diagnostics). */
function assertAsParsed(result: ParseResult, text: string, what: string): void {
  const fresh = new IncrementalParser().update(text);
  assert.deepEqual(shape(result.parsed.doc.contents), shape(fresh.parsed.doc.contents), what);
  assert.deepEqual(result.parsed.doc.range, fresh.parsed.doc.range, what);
  const full = parseText(text);
  assert.deepEqual(result.parsed.problems, full.problems, what);
  assert.deepEqual(result.parsed.duplicates.map((d) => [d.key.range, d.first.range]).sort(), full.duplicates.map((d) => [d.key.range, d.first.range]).sort(), what);
  assert.deepEqual(validateTopology(result.topology, doc(text), {}, result.schemaFindings), validateTopology(buildTopology(full), doc(text)), what);
}

describe('a keystroke in a plain value', () => {
  it('is applied without a parse: a letter typed at the end, in the middle and at the start, deleted, a value retyped, a second word', () => {
    const text = generateTopology(120);
    const parser = new IncrementalParser();
    const first = parser.update(text);
    const line = text.indexOf('    type: sandbox\n');
    const value = line + '    type: '.length;
    const edited = (at: number, remove: number, insert: string) => text.slice(0, value + at) + insert + text.slice(value + at + remove);
    const versions: [string, string][] = [
      ['a letter typed at the end', edited(7, 0, 'x')],
      ['deleted again', text],
      ['a letter typed in the middle', edited(4, 0, 'y')],
      ['a letter typed at the start', edited(0, 0, 'z')],
      ['the value retyped', edited(0, 7, 'production')],
      ['a second word', edited(7, 0, ' DC')],
    ];
    const environment = [...first.topology.environments.values()].find((e) => e.type?.text === 'sandbox')!;
    for (const [what, version] of versions) {
      const { result, parses } = update(parser, version);
      assert.equal(result.incremental, true, what);
      assert.equal(parses, 0, what);
      assertAsParsed(result, version, what);
    }
    // The environment is a new object with the new value; the others are the same objects as before.
    const last = parser.update(edited(0, 7, 'production'));
    const changed = [...last.topology.environments.values()].filter((e) => first.topology.environments.get(e.id) !== e);
    assert.deepEqual(changed.map((e) => [e.id, e.type?.text]), [[environment.id, 'production']]);
  });

  it('is parsed when the value may read otherwise: a boolean or null word, a comment, a colon, a trailing space, a flow list, a number, a key', () => {
    const text = generateTopology(120);
    const at = (pattern: string, offset: number) => text.indexOf(pattern) + offset;
    const type = at('    type: sandbox\n', '    type: '.length);
    const flow = at('    environments: [', '    environments: ['.length + 3);
    const commented = at('        - East US ', '        - East US'.length);
    const bandwidth = at('    bandwidth: 1Gbps\n', '    bandwidth: '.length);
    const cases: [string, number, number, string][] = [
      ['a boolean word', type, 7, 'true'],
      ['null', type, 7, 'null'],
      ['a comment', type + 7, 0, ' #'],
      ['a colon', type + 7, 0, ':'],
      ['a trailing space', type + 7, 0, ' '],
      ['an item of a flow list', flow, 0, 'x'],
      ['a value followed by a comment', commented, 0, 'x'],
      ['a value that starts with a digit', bandwidth, 0, '2'],
      ['a key', type - 3, 0, 'x'],
      ['a quote', type, 0, '"'],
    ];
    for (const [what, offset, remove, insert] of cases) {
      const parser = new IncrementalParser();
      parser.update(text);
      const version = text.slice(0, offset) + insert + text.slice(offset + remove);
      const { result, parses } = update(parser, version);
      assert.ok(parses > 0 || !result.incremental, what);
      assertAsParsed(result, version, what);
    }
  });

  it('gives what a parse gives after random keystrokes in the values of every sample file', () => {
    const samples = sampleTexts();
    const VALUE = /^(\s*(?:- |[^\s#:]+: *))(\S.*)$/;
    let copied = 0;
    let keystrokes = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: samples.length - 1 }),
        fc.array(fc.record({ line: fc.nat(), offset: fc.nat(), insert: fc.constantFrom('', 'x', 'Z', '1', ' ', '.', '-', '/', ':', '#', '"', ',', '[', '&', 'true', 'y') }), { minLength: 1, maxLength: 12 }),
        (sample, strokes) => {
          const parser = new IncrementalParser();
          let text = samples[sample];
          parser.update(text);
          for (const stroke of strokes) {
            const lines = text.split('\n');
            const values = lines.flatMap((line, index) => (VALUE.test(line) ? [index] : []));
            if (values.length === 0) return;
            const index = values[stroke.line % values.length];
            const [, head, value] = VALUE.exec(lines[index])!;
            const at = head.length + (stroke.offset % (value.length + 1));
            // An empty insert deletes the character before the place (a backspace), within the value.
            const from = stroke.insert ? at : Math.max(head.length, at - 1);
            lines[index] = lines[index].slice(0, from) + stroke.insert + lines[index].slice(at);
            text = lines.join('\n');
            const { result, parses } = update(parser, text);
            keystrokes++;
            if (result.incremental && parses === 0) copied++;
            assertAsParsed(result, text, JSON.stringify(lines[index]));
          }
        },
      ),
      { numRuns: 150 },
    );
    // Many of them are applied without a parse (about a fifth: many sample values are numbers, lists or
    // commented, and many sample files are invalid YAML, parsed in full); none without one would fail this.
    assert.ok(copied > keystrokes / 10, `${copied} of ${keystrokes} keystrokes applied without a parse`);
  });
});
