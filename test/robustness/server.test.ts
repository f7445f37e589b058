/**
 * The real server over stdio under hostile input: a 20 MB file is refused with a clear diagnostic,
 * alias bombs, deep nesting, binary bytes, a BOM, CRLF and tabs get clear diagnostics, positions
 * beyond the end get empty answers, a file changing faster than it is checked gets only its latest
 * diagnostics, a cancelled request is answered as cancelled, typing that breaks and mends the YAML gets
 * exactly a fresh validation's diagnostics at every keystroke, and after each the server still serves.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { generateTopology } from '../../bench/generate';
import { createLanguageService } from '../../server/src/service';
import { TestClient } from '../server/lspClient';
import { doc, fixture } from '../support';
import fc from 'fast-check';
import { keystrokes, sampleTexts, typingArbitrary } from './randomEdits';

const NORMAL = 'file:///robust/normal.ppnet.yaml';
const NORMAL_TEXT = fixture('..', 'examples', 'contoso.ppnet.yaml');

/** A JSON-RPC message framed as on stdio. */
function frame(message: object): string {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
}

/** Resolves with the server's answer to the request `id`, read from its raw stdout. */
function rawAnswer(client: TestClient, id: string): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  const stdout = client.process.stdout!;
  let buffer = Buffer.alloc(0);
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        const length = /Content-Length: (\d+)/.exec(buffer.subarray(0, Math.max(0, headerEnd)).toString())?.[1];
        if (headerEnd < 0 || length === undefined || buffer.length < headerEnd + 4 + Number(length)) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + Number(length)).toString());
        buffer = buffer.subarray(headerEnd + 4 + Number(length));
        if (message.id === id) {
          stdout.off('data', onData);
          resolve(message);
          return;
        }
      }
    };
    stdout.on('data', onData);
  });
}

describe('the real server under hostile input', () => {
  let client: TestClient;
  /** The line and column of the `region` key of contoso-prod in the normal file. */
  const regionKey = { line: NORMAL_TEXT.split('\n').findIndex((l) => l === '    region: europe'), character: 6 };

  before(async () => {
    client = new TestClient();
    await client.initialize();
    await client.open(NORMAL, NORMAL_TEXT);
    await client.diagnostics(NORMAL);
  });
  after(async () => client.shutdown());

  /** The server answers a hover on the normal file: it is up and serving. */
  async function assertStillServes(): Promise<void> {
    const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: NORMAL }, position: regionKey });
    assert.ok(hover?.contents, 'the server no longer answers hover');
  }

  async function openAndWait(uri: string, text: string): Promise<Diagnostic[]> {
    await client.open(uri, text);
    return (await client.diagnostics(uri, (p) => p.version === 1, 60_000)).diagnostics;
  }

  it('a 20 MB file: a refusal at its start, empty answers to its requests, and the server keeps serving', async () => {
    const uri = 'file:///robust/huge.ppnet.yaml';
    const text = `version: 1\n# ${'x'.repeat(20 * 1024 * 1024)}\n`;
    const diagnostics = await openAndWait(uri, text);
    assert.deepEqual(diagnostics, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 2,
        code: 'file-too-large',
        codeDescription: { href: 'https://github.com/ppnet/ppnet#limits' },
        source: 'ppnet',
        message:
          'File too large to check: 20,971,534 bytes, above the limit of 5,242,880 bytes (5 MiB). ' +
          'ppnet does not check, complete or outline it, here or with "ppnet check": split the topology into smaller files.',
      },
    ]);
    const at = { textDocument: { uri }, position: { line: 0, character: 3 } };
    assert.equal(await client.request('textDocument/hover', at), null);
    assert.equal(await client.request('textDocument/completion', at), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
    // Workspace symbols come from the other open files only.
    const symbols = await client.request<{ location: { uri: string } }[]>('workspace/symbol', { query: '' });
    assert.ok(symbols.length > 0 && symbols.every((s) => s.location.uri === NORMAL));
    await assertStillServes();
    await client.close(uri);
  });

  it('alias bombs, deep nesting, binary bytes, a BOM, CRLF and tabs: clear diagnostics, and the server keeps serving', async () => {
    const bomb =
      'version: 1\nlol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n' +
      ['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]\n`).join('');
    const cases: [string, string, (d: Diagnostic[]) => boolean][] = [
      ['bomb', bomb, (d) => d.some((x) => x.code === 'schema' && x.message.startsWith('Aliases in this file expand to more than 10000 nodes'))],
      ['deep', `version: 1\nname: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, (d) => d.some((x) => x.code === 'yaml-syntax' && x.message.includes('nests too deeply'))],
      ['binary', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1'), (d) => d.length > 0],
      ['bom', '\uFEFFversion: 2\n', (d) => d.length === 1 && d[0].code === 'schema' && d[0].range.start.character === 10],
      ['crlf', NORMAL_TEXT.replace(/\n/g, '\r\n'), (d) => JSON.stringify(d) === JSON.stringify(createLanguageService().validate(doc(NORMAL_TEXT, 'file:///robust/crlf.ppnet.yaml')))],
      ['tabs', 'version: 1\nenvironments:\n  prod:\n\tregion: europe\n', (d) => d.some((x) => x.code === 'yaml-syntax' && x.message.includes('Tabs are not allowed as indentation'))],
    ];
    for (const [name, text, expected] of cases) {
      const uri = `file:///robust/${name}.ppnet.yaml`;
      const diagnostics = await openAndWait(uri, text);
      assert.ok(expected(diagnostics), `${name}: ${JSON.stringify(diagnostics).slice(0, 500)}`);
      assert.ok(await client.request('textDocument/documentSymbol', { textDocument: { uri } }));
      await assertStillServes();
      await client.close(uri);
    }
  });

  it('requests for positions beyond the end get empty answers, not errors', async () => {
    for (const position of [
      { line: 100_000, character: 0 },
      { line: 0, character: 100_000 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ]) {
      const at = { textDocument: { uri: NORMAL }, position };
      assert.equal(await client.request('textDocument/hover', at), null);
      assert.deepEqual(await client.request('textDocument/definition', at), []);
      assert.deepEqual(await client.request('textDocument/references', { ...at, context: { includeDeclaration: true } }), []);
      assert.deepEqual(await client.request('textDocument/documentHighlight', at), []);
      assert.equal(await client.request('textDocument/prepareRename', at), null);
      assert.equal(await client.request('textDocument/rename', { ...at, newName: 'renamed' }), null);
      const completion = await client.request<{ items: unknown[] } | null>('textDocument/completion', at);
      assert.ok(completion === null || Array.isArray(completion.items));
    }
    await assertStillServes();
  });

  it('a file that changes faster than it is checked: stale results are dropped, and the last version wins', async () => {
    const uri = 'file:///robust/changing.ppnet.yaml';
    let text = generateTopology(3000);
    await client.open(uri, text);
    const lines = text.split('\n');
    const places = lines.flatMap((line, index) => (line === '    type: production' ? [index] : []));
    // 40 edits sent at once: each types one character after a value, at places all over the file.
    for (let version = 2; version <= 41; version++) {
      const line = places[(version * 37) % places.length];
      const character = lines[line].length;
      lines[line] += 'x';
      void client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
    }
    text = lines.join('\n');
    const last = await client.diagnostics(uri, (p) => p.version === 41, 60_000);
    const versions = client.publishedFor(uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions}`);
    assert.equal(new Set(versions).size, versions.length, `a version published twice: ${versions}`);
    assert.deepEqual(last.diagnostics, createLanguageService().validate(doc(text, uri, 41)));
    await client.close(uri);
    await assertStillServes();
  });

  it('typing that breaks and mends the YAML, one keystroke per change: each version gets exactly the diagnostics of a fresh validation', async () => {
    const samples = sampleTexts();
    let run = 0;
    let strokes = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: samples.length - 1 }), fc.array(typingArbitrary, { minLength: 1, maxLength: 2 }), async (sample, typings) => {
        const uri = `file:///robust/typing-${run++}.ppnet.yaml`;
        let text = samples[sample];
        let version = 1;
        await client.open(uri, text);
        await client.diagnostics(uri, (p) => p.version === 1, 60_000);
        for (const typing of typings) {
          for (const stroke of keystrokes(text, typing)) {
            const document = doc(text, uri, version);
            const range = { start: document.positionAt(stroke.at), end: document.positionAt(stroke.at + stroke.remove) };
            text = text.slice(0, stroke.at) + stroke.text + text.slice(stroke.at + stroke.remove);
            const mark = client.mark();
            void client.change(uri, ++version, [{ range, text: stroke.text }]);
            const published = await client.diagnosticsAfter(mark, uri, (p) => p.version === version, 60_000);
            assert.deepEqual(published.diagnostics, JSON.parse(JSON.stringify(createLanguageService().validate(doc(text, uri, version)))));
            strokes++;
          }
        }
        await client.close(uri);
      }),
      { numRuns: 15 },
    );
    assert.ok(strokes > 150, `only ${strokes} keystrokes`);
    await assertStillServes();
  });

  it('answers a request cancelled while it waits with RequestCancelled, and serves the next one', async () => {
    const answer = rawAnswer(client, 'cancelled-hover');
    // The request and its cancellation in one write: the server reads both before it handles the request.
    client.process.stdin!.write(
      frame({ jsonrpc: '2.0', id: 'cancelled-hover', method: 'textDocument/hover', params: { textDocument: { uri: NORMAL }, position: regionKey } }) +
        frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'cancelled-hover' } }),
    );
    assert.deepEqual((await answer).error, { code: -32800, message: 'The request was cancelled.' });
    await assertStillServes();
  });
});
