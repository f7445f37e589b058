/**
 * Typing over stdio, one character per `didChange` as an editor sends it: a completion and a hover sent
 * with a keystroke (in the same write, so that the server reads them together) are answered before
 * that keystroke's diagnostics are published (requests never wait behind a validation), their answers
 * are those a fresh service gives for that text, and the diagnostics that follow are those of a fresh
 * validation. Ordering, not timing: the order of the messages on the server's output.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Position } from 'vscode-languageserver-protocol';
import { generateTopology } from '../../bench/generate';
import { createLanguageService } from '../../server/src/service';
import { TestClient } from './lspClient';
import { doc } from '../support';

const URI = 'file:///typing/generated.ppnet.yaml';
const TEXT = generateTopology(10_000);
/** The keys an environment of the generated file does not set: completion offers them while a new key is typed. */
const ENVIRONMENT_KEYS = ['datacenterRegions', 'releaseCycle', 'cdn', 'managed', 'enterprisePolicy', 'azureId'];

interface Message {
  id?: string | number;
  method?: string;
  params?: { uri?: string; version?: number; diagnostics?: unknown[] };
  result?: unknown;
}

/** A JSON-RPC message framed as on stdio. */
function frame(message: object): string {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
}

describe('typing over stdio: requests before diagnostics', () => {
  let client: TestClient;
  /** Every message the server wrote, in order, read from its raw output beside the client. */
  const written: Message[] = [];
  before(async () => {
    client = new TestClient();
    let buffer = Buffer.alloc(0);
    client.process.stdout!.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        const length = /Content-Length: (\d+)/.exec(buffer.subarray(0, Math.max(0, headerEnd)).toString())?.[1];
        if (headerEnd < 0 || length === undefined || buffer.length < headerEnd + 4 + Number(length)) return;
        written.push(JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + Number(length)).toString()));
        buffer = buffer.subarray(headerEnd + 4 + Number(length));
      }
    });
    await client.initialize();
    await client.open(URI, TEXT);
    await client.diagnostics(URI, (p) => p.version === 1, 60_000);
  });
  after(async () => client.shutdown());

  /** The line after an environment's `type: sandbox`, near the middle of the section: where a new key is typed. */
  const line = TEXT.slice(0, TEXT.indexOf('\n', TEXT.indexOf('    type: sandbox\n', 20_000)) + 1).split('\n').length - 1;

  it('a completion and a hover sent with each keystroke of a new key are answered first, as a fresh service answers them', async () => {
    let text = TEXT;
    let version = 1;
    const hoverAt: Position = { line: line - 1, character: 5 };
    // `    cdn: true` typed on a fresh line: broken YAML from `c` until the `:`.
    const strokes = ['\n', ...'    cdn: true'].map((typed, i) => ({ typed, at: i === 0 ? { line: line - 1, character: TEXT.split('\n')[line - 1].length } : { line, character: i - 1 } }));
    let broken = 0;
    const offered: string[][] = [];
    for (const { typed, at } of strokes) {
      const offset = doc(text).offsetAt(at);
      text = text.slice(0, offset) + typed + text.slice(offset);
      version++;
      const cursor: Position = typed === '\n' ? { line, character: 0 } : { line, character: at.character + 1 };
      const [completionId, hoverId] = [`completion-${version}`, `hover-${version}`];
      const textDocument = { uri: URI, version };
      client.process.stdin!.write(
        frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument, contentChanges: [{ range: { start: at, end: at }, text: typed }] } }) +
          frame({ jsonrpc: '2.0', id: completionId, method: 'textDocument/completion', params: { textDocument: { uri: URI }, position: cursor } }) +
          frame({ jsonrpc: '2.0', id: hoverId, method: 'textDocument/hover', params: { textDocument: { uri: URI }, position: hoverAt } }),
      );
      await client.diagnostics(URI, (p) => p.version === version, 60_000);
      const index = (find: (m: Message) => boolean) => written.findIndex(find);
      const published = index((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === URI && m.params.version === version);
      const completion = written[index((m) => m.id === completionId)];
      const hover = written[index((m) => m.id === hoverId)];
      // Both answers were written before this version's diagnostics.
      assert.ok(index((m) => m.id === completionId) >= 0 && index((m) => m.id === completionId) < published, `the completion of version ${version} came after its diagnostics`);
      assert.ok(index((m) => m.id === hoverId) >= 0 && index((m) => m.id === hoverId) < published, `the hover of version ${version} came after its diagnostics`);
      const fresh = createLanguageService();
      const document = doc(text, URI, version);
      assert.deepEqual(completion.result, JSON.parse(JSON.stringify(fresh.doComplete(document, cursor))));
      assert.deepEqual(hover.result, JSON.parse(JSON.stringify(fresh.doHover(document, hoverAt))));
      offered.push(((completion.result as { items?: { label: string }[] } | null)?.items ?? []).map((item) => item.label));
      const expected = fresh.validate(document);
      assert.deepEqual(written[published].params!.diagnostics, JSON.parse(JSON.stringify(expected)));
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
