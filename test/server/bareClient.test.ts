/**
 * `ppnet-language-server` with a client that knows nothing of VS Code, as Neovim or Helix start it: no
 * client capabilities, no initialization options, no settings, no workspace folder, and the file's
 * language id `yaml` (what those editors call a *.ppnet.yaml file unless told otherwise). The server
 * must work all the same and ask the client for nothing.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { cliFindings, findingKey } from '../reference';
import { ROOT } from '../support';
import { TestClient } from './lspClient';

const EXAMPLE = path.join(ROOT, 'examples', 'mistakes.ppnet.yaml');

describe('language server with a bare LSP client (no VS Code requests or settings)', () => {
  let client: TestClient;
  let folder: string;
  let file: string;
  let uri: string;
  const requestsFromServer: string[] = [];

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-bare-'));
    file = path.join(folder, 'mistakes.ppnet.yaml');
    fs.copyFileSync(EXAMPLE, file);
    uri = pathToFileURL(file).href;
    client = new TestClient();
    // Record every request the server sends instead of answering the ones VS Code would answer.
    client.connection.onRequest((method: string) => {
      requestsFromServer.push(method);
      return null;
    });
    for (const method of ['client/registerCapability', 'workspace/configuration']) {
      client.connection.onRequest(method, () => {
        requestsFromServer.push(method);
        return null;
      });
    }
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('starts with no client capabilities and offers its features', async () => {
    const { capabilities } = await client.initialize({});
    assert.equal(capabilities.textDocumentSync, 2);
    for (const provider of ['hoverProvider', 'completionProvider', 'definitionProvider', 'codeActionProvider']) {
      assert.ok(capabilities[provider], `${provider} is missing`);
    }
  });

  it('publishes the same diagnostics as ppnet check, for a document opened as yaml', async () => {
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') },
    });
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    // The server must publish what `ppnet check` reports.
    const expected = cliFindings(file).map((f) => findingKey(f.code, f.range));
    assert.deepEqual(published.diagnostics.map((d) => findingKey(String(d.code), d.range)).sort(), expected.sort());
    assert.ok(published.diagnostics.every((d) => d.source === 'ppnet' && d.codeDescription?.href.startsWith('https://')));
  });

  it('answers hover and completion', async () => {
    // Line 10 (zero-based 9) is `    region: unitedkingdom`.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 14 } });
    assert.match((hover?.contents as MarkupContent).value, /UK South[\s\S]*UK West/);
    const completion = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 12 } });
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.ok(items.some((item) => item.label === 'unitedkingdom'), JSON.stringify(items.map((item) => item.label)));
  });

  it('sent the client no request at all', () => {
    assert.deepEqual(requestsFromServer, []);
  });
});
