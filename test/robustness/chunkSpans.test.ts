/**
 * A keystroke's spans are cut again only in the segments it touches (`model/chunkSpans.ts`): after
 * random edits and typings, exactly what cutting the whole text gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitAfterChange, splitChunks } from '../../server/src/service/model/chunkSpans';
import { commonPrefix, commonSuffix } from '../../server/src/service/text/common';
import { applyEdit, editArbitrary, keystrokes, sampleTexts, typingArbitrary } from './randomEdits';

/** Cuts `text` from the last version's spans, where there were some, and checks it against cutting it whole. */
function assertSplit(before: string, text: string): void {
  const spans = splitChunks(before);
  const whole = splitChunks(text);
  if (!spans) return;
  const prefix = commonPrefix(before, text);
  assert.deepEqual(splitAfterChange(before, spans, text, prefix, commonSuffix(before, text, prefix)), whole, JSON.stringify(text.slice(Math.max(0, prefix - 40), prefix + 40)));
}

describe('cutting a text into chunks after a change', () => {
  it('gives what cutting the whole text gives: a top-level key typed, joined to the line before, a section emptied, the first line changed', () => {
    const text = 'version: 1\nenvironments:\n  a:\n    region: europe\n  b:\n    region: europe\nsites:\n  s1: {}\n';
    const versions = [
      text.replace('  b:\n', 'cloud: public\n  b:\n'),
      text.replace('europe\nsites', 'europesites'),
      text.replace('  a:\n    region: europe\n  b:\n    region: europe\n', ''),
      text.replace('version: 1', '# version: 1'),
      text.replace('  s1: {}\n', '  s1: {}\n  - item\n'),
      '\uFEFF' + text,
      text + 'name: x',
    ];
    for (const version of versions) {
      assertSplit(text, version);
      assertSplit(version, text);
    }
  });

  it('gives what cutting the whole text gives after random edits and typings of every sample file', () => {
    const samples = sampleTexts();
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), fc.array(typingArbitrary, { maxLength: 2 }), (sample, edits, typings) => {
        let text = samples[sample];
        const history: string[] = [];
        for (const change of edits) {
          const before = text;
          text = applyEdit(text, change, history);
          assertSplit(before, text);
        }
        for (const typing of typings) {
          for (const stroke of keystrokes(text, typing)) {
            const before = text;
            text = text.slice(0, stroke.at) + stroke.text + text.slice(stroke.at + stroke.remove);
            assertSplit(before, text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
