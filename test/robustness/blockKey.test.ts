/**
 * A key read from the text alone (`blockKeyAt`, which a hover on a key answers from without a parse)
 * is the key the parse finds there: the same path and the same range, on every sample file and on
 * random edits of them; where the text could mean something else, it gives nothing and the parse tells.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, Scalar } from 'yaml';
import { blockKeyAt } from '../../server/src/service/syntax/cursorContext';
import { nodeAt } from '../../server/src/service/syntax/nodeAt';
import { parseText } from '../../server/src/service/syntax/parse';
import { applyEdit, Edit, editArbitrary, sampleTexts } from './randomEdits';

/** Offsets to ask at on each line: its start, every character of its first word and the one after. */
function askedOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const word = /^ *[^ :\n]*:?/.exec(text.slice(start, end))![0];
    for (let i = 0; i <= word.length; i++) offsets.push(start + i);
    start = end + 1;
  }
  return offsets;
}

/** Where the text alone and the parse disagree about a key (none when the text says nothing). */
function disagreements(text: string): string[] {
  const parsed = parseText(text);
  if (parsed.problems.some((p) => p.kind === 'error')) return [];
  const found: string[] = [];
  for (const offset of askedOffsets(text)) {
    const fromText = blockKeyAt(text, offset);
    if (!fromText) continue;
    const at = nodeAt(parsed.doc, offset);
    const fromParse = at?.isKey ? { path: at.path, span: { start: at.node.range![0], end: at.node.range![1] } } : undefined;
    if (JSON.stringify(fromParse) !== JSON.stringify(fromText)) found.push(`at ${offset}: text ${JSON.stringify(fromText)}, parse ${JSON.stringify(fromParse)}`);
  }
  return found;
}

/** Every plain key that starts a line, outside lists: what the text alone should be able to name. */
function plainLineKeys(text: string): Scalar[] {
  const keys: Scalar[] = [];
  const visit = (node: unknown, inList: boolean) => {
    if (isMap(node) && !node.flow) {
      for (const pair of node.items) {
        const key = pair.key;
        if (!inList && isScalar(key) && key.type === 'PLAIN' && /(^|\n) *$/.test(text.slice(0, key.range![0]))) keys.push(key);
        visit(pair.value, inList);
      }
    } else if (isSeq(node)) node.items.forEach((item) => visit(item, true));
  };
  visit(parseText(text).doc.contents, false);
  return keys;
}

describe('a key read from the text alone', () => {
  it('is the key the parse finds, with its path and range, on every sample file', () => {
    for (const text of sampleTexts()) assert.deepEqual(disagreements(text), []);
  });

  it('names every plain key that starts a line outside a list in the sample files, but for an id that starts with a digit', () => {
    const missed: string[] = [];
    let named = 0;
    for (const text of sampleTexts()) {
      for (const key of plainLineKeys(text)) {
        if (blockKeyAt(text, key.range![0])) named++;
        else missed.push(String(key.value));
      }
    }
    // `9lives` (the schema rule's bad and fixed files) and its key: the text alone names no key that could read as a number.
    assert.deepEqual(missed, ['9lives', 'region', '9lives', 'region']);
    assert.ok(named > 5000, `only ${named} keys named`);
  });

  it('is the key the parse finds on random edits of the sample files, or nothing', () => {
    const samples = sampleTexts();
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (sample, edits: Edit[]) => {
        const history: string[] = [];
        let text = samples[sample];
        for (const edit of edits) text = applyEdit(text, edit, history);
        assert.deepEqual(disagreements(text), []);
      }),
      { numRuns: 300 },
    );
  });

  it('says nothing where a line before leaves something open or the key is not a plain block key', () => {
    const cases: [string, string][] = [
      ['a multi-line quoted value', 'environments:\n  prod:\n    name: "first\n    type: still quoted"\n'],
      ['a block scalar', 'environments:\n  prod:\n    notes: |\n      type: text\n'],
      ['a flow map over lines', 'environments:\n  prod: {\n    type: sandbox }\n'],
      ['a map in a list', 'enterprisePolicies:\n  p:\n    subnets:\n      - vnet: v\n        type: x\n'],
      ['an explicit key', 'environments:\n  ? prod\n  : type: x\n'],
      ['a tab', 'environments:\n\tprod:\n    type: x\n'],
      ['a document marker', '---\nenvironments:\n  prod:\n    type: x\n'],
      ['a parent with a value', 'environments:\n  prod: x\n    type: y\n'],
      ['a parent that YAML reads as a boolean', 'environments:\n  True:\n    type: y\n'],
      ['a carriage return alone ending a line', 'environments:\n  prod:\n    type: x\r  dev:\n    type: y\n'],
    ];
    for (const [what, text] of cases) {
      const offset = text.lastIndexOf('type');
      assert.equal(blockKeyAt(text, offset), undefined, what);
    }
    const plain = 'environments:\n  prod:\n    name: "O\'Brien # not a comment"\n    apps: [canvas]\n    type: x\n';
    assert.deepEqual(blockKeyAt(plain, plain.indexOf('type') + 2), { path: ['environments', 'prod', 'type'], span: { start: plain.indexOf('type'), end: plain.indexOf('type') + 4 } });
  });
});
