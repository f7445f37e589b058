/**
 * Typing over stdio, one character per `didChange` as an editor sends it: a completion or a hover sent
 * right after a keystroke is answered before that keystroke's diagnostics are published (requests
 * never wait behind a validation), its answer is the one a fresh service gives for that text, and the
 * diagnostics that follow are those of a fresh validation. Ordering, not timing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Hover, Position } from 'vscode-languageserver-protocol';
import { generateTopology } from '../../bench/generate';
import { createLanguageService } from '../../server/src/service';
import { TestClient } from './lspClient';
import { doc } from '../support';

const URI = 'file:///typing/generated.ppnet.yaml';
const TEXT = generateTopology(10_000);
/** The keys an environment of the generated file does not set: completion offers them while a new key is typed. */
const ENVIRONMENT_KEYS = ['datacenterRegions', 'releaseCycle', 'cdn', 'managed', 'enterprisePolicy', 'azureId'];

describe('typing over stdio: requests before diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
    await client.open(URI, TEXT);
    await client.diagnostics(URI, (p) => p.version === 1, 60_000);
  });
  after(async () => client.shutdown());

  /** The line after an environment's `type: sandbox`, near the middle of the section: where a new key is typed. */
  const line = TEXT.slice(0, TEXT.indexOf('\n', TEXT.indexOf('    type: sandbox\n', 20_000)) + 1).split('\n').length - 1;

  it('a completion and a hover sent right after each keystroke of a new key are answered first, as a fresh service answers them', async () => {
    let text = TEXT;
    let version = 1;
    // `    cdn: true` typed on a fresh line: broken YAML from `c` until the `:`.
    const strokes = ['\n', ...'    cdn: true'].map((typed, i) => ({ typed, at: i === 0 ? { line: line - 1, character: TEXT.split('\n')[line - 1].length } : { line, character: i - 1 } }));
    let broken = 0;
    const offered: string[][] = [];
    for (const { typed, at } of strokes) {
      const offset = doc(text).offsetAt(at);
      text = text.slice(0, offset) + typed + text.slice(offset);
      version++;
      const cursor: Position = typed === '\n' ? { line, character: 0 } : { line, character: at.character + 1 };
      const mark = client.mark();
      void client.change(URI, version, [{ range: { start: at, end: at }, text: typed }]);
      const completion = client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: URI }, position: cursor });
      const hover = client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: line - 1, character: 5 } });
      const [completed, hovered] = await Promise.all([completion, hover]);
      // Neither answer waited for this version's diagnostics.
      assert.equal(client.publishedFor(URI).slice(mark).filter((p) => p.version === version).length, 0, `diagnostics of version ${version} came before the answers`);
      const fresh = createLanguageService();
      const document = doc(text, URI, version);
      assert.deepEqual(completed, JSON.parse(JSON.stringify(fresh.doComplete(document, cursor))));
      offered.push((completed?.items ?? []).map((item) => item.label));
      assert.deepEqual(hovered, JSON.parse(JSON.stringify(fresh.doHover(document, { line: line - 1, character: 5 }))));
      const published = await client.diagnosticsAfter(mark, URI, (p) => p.version === version, 60_000);
      const expected = fresh.validate(document);
      assert.deepEqual(published.diagnostics, JSON.parse(JSON.stringify(expected)));
      if (expected.some((d) => d.code === 'yaml-syntax')) broken++;
    }
    // `c`, `cd` and `cdn` break the YAML (a key without its colon).
    assert.equal(broken, 3);
    // While the key is typed (`c`, `cd`, `cdn`), completion offers the environment's keys it does not have yet.
    assert.deepEqual(offered.slice(5, 8), [ENVIRONMENT_KEYS, ENVIRONMENT_KEYS, ENVIRONMENT_KEYS]);
    // After `cdn: `, its values.
    assert.deepEqual(offered[10], ['true', 'false']);
  });
});

