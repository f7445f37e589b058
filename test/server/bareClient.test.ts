/**
 * `ppnet-language-server` with a client that knows nothing of VS Code, as Neovim or Helix start it: no
 * client capabilities, no initialization options, no settings, no workspace folder, and the file's
 * language id `yaml` (what those editors call a *.ppnet.yaml file unless told otherwise). The server
 * must work all the same and ask the client for nothing.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { ROOT } from '../support';
import { TestClient } from './lspClient';

const EXAMPLE = path.join(ROOT, 'examples', 'mistakes.ppnet.yaml');

interface CliFinding {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** `ppnet check --format json` of a file: the server must publish the same findings. */
function cliFindings(file: string): string[] {
  let json: string;
  try {
    json = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), 'check', file, '--format', 'json'], { encoding: 'utf8' });
  } catch (error) {
    json = (error as { stdout: string }).stdout; // exit code 1: the example has errors
  }
  return (JSON.parse(json) as CliFinding[]).map((f) => key(f.code, f.range)).sort();
}

const key = (code: unknown, range: CliFinding['range']) =>
  `${code} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

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
    assert.deepEqual(published.diagnostics.map((d) => key(d.code, d.range)).sort(), cliFindings(file));
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
