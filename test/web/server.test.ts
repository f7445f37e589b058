/**
 * The language server bundled for a web worker (dist/web/server.js, what vscode.dev and github.dev
 * run) in headless Chromium, driven over LSP through `postMessage`: the same diagnostics as
 * `ppnet check --format json` on the examples, a completion, a hover, configs sent by the client
 * (CONFIG_FILES_NOTIFICATION) and disable comments. Run with `npm run test:web`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CONFIG_FILES_NOTIFICATION } from '../../protocol/protocol';
import { severityName } from '../../server/src/service/validation/rule';
import { ROOT } from '../support';
import { browserMissing, launchBrowser } from '../webview/harness';
import { serveBundle, WorkerLspClient } from './workerClient';

interface Finding {
  code: string;
  severity: string;
  message: string;
  range: Diagnostic['range'];
}

const key = (f: Finding) => JSON.stringify([f.range.start.line, f.range.start.character, f.code, f.message]);
const sorted = (findings: Finding[]) => [...findings].sort((a, b) => key(a).localeCompare(key(b)));

function fromCli(file: string): Finding[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), 'check', file, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout; // exit code 1: the file has errors
  }
  return (JSON.parse(out) as (Finding & { file: string })[]).map(({ code, severity, message, range }) => ({ code, severity, message, range }));
}

const fromLsp = (diagnostics: Diagnostic[]): Finding[] =>
  diagnostics.map((d) => ({ code: String(d.code), severity: severityName(d.severity as never), message: d.message, range: d.range }));

const skip = browserMissing();

describe('the web-worker language server in Chromium', { skip }, () => {
  let browser: Browser;
  let served: Awaited<ReturnType<typeof serveBundle>>;
  let client: WorkerLspClient;

  before(async () => {
    served = await serveBundle();
    browser = await launchBrowser();
    const started = await WorkerLspClient.start(browser, served.origin);
    client = started.client;
    assert.equal(started.initializeResult.serverInfo?.name, 'ppnet-language-server');
    assert.equal(started.initializeResult.serverInfo?.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  after(async () => {
    await browser?.close();
    await served?.close();
  });

  for (const example of ['contoso.ppnet.yaml', 'mistakes.ppnet.yaml']) {
    it(`gives the diagnostics of ppnet check --format json for examples/${example}`, async () => {
      const file = path.join('examples', example);
      const uri = `vscode-test-web://mount/examples/${example}`;
      await client.open(uri, fs.readFileSync(path.join(ROOT, file), 'utf8'));
      const expected = fromCli(file);
      if (example === 'mistakes.ppnet.yaml') assert.ok(expected.length > 0, 'the mistakes example has findings');
      assert.deepEqual(sorted(fromLsp(await client.diagnostics(uri))), sorted(expected));
    });
  }

  it('completes and hovers', async () => {
    const uri = 'vscode-test-web://mount/examples/contoso.ppnet.yaml';
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.ppnet.yaml'), 'utf8');
    const lines = text.split('\n');
    const regionLine = lines.findIndex((l) => /^\s+region:\s*\S/.test(l));
    assert.ok(regionLine >= 0, 'contoso has a region');
    const valueAt = lines[regionLine].indexOf(':') + 2;
    const completion = (await client.request('textDocument/completion', { textDocument: { uri }, position: { line: regionLine, character: valueAt } })) as { items?: { label: string }[] } | { label: string }[] | null;
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    assert.ok(items.some((i) => i.label === 'europe'), `a region among ${items.length} completions`);
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: regionLine, character: valueAt + 1 } })) as { contents: { value: string } } | null;
    assert.ok(hover && hover.contents.value.length > 0, 'a hover on the region');
  });

  it('applies the nearest ppnet.config.yaml the client sends, and its change', async () => {
    const file = path.join('examples', 'mistakes.ppnet.yaml');
    const uri = 'vscode-test-web://mount/cfg/team/mistakes.ppnet.yaml';
    const withCode = (code: string) => (p: { diagnostics: Diagnostic[] }) => p.diagnostics.some((d) => d.code === code);
    const without = (code: string) => (p: { diagnostics: Diagnostic[] }) => !p.diagnostics.some((d) => d.code === code);
    let count = await client.publicationCount();
    await client.open(uri, fs.readFileSync(path.join(ROOT, file), 'utf8'));
    await client.diagnostics(uri, { after: count, accept: withCode('unknown-region') });

    // A config above the file turns the rule off; one in another folder does not apply.
    count = await client.publicationCount();
    await client.notify(CONFIG_FILES_NOTIFICATION, { files: [
      { uri: 'vscode-test-web://mount/cfg/ppnet.config.yaml', text: 'rules:\n  unknown-region: off\n' },
      { uri: 'vscode-test-web://mount/other/ppnet.config.yaml', text: 'rules:\n  cdn-blocked: off\n' },
    ] });
    const silenced = await client.diagnostics(uri, { after: count, accept: without('unknown-region') });
    assert.ok(silenced.some((d) => d.code === 'cdn-blocked'), 'the other folder\'s config does not apply');

    // A nearer config wins; a config's own problems are published on it.
    count = await client.publicationCount();
    await client.notify(CONFIG_FILES_NOTIFICATION, { files: [
      { uri: 'vscode-test-web://mount/cfg/ppnet.config.yaml', text: 'rules:\n  unknown-region: off\n' },
      { uri: 'vscode-test-web://mount/cfg/team/ppnet.config.yaml', text: 'rules:\n  cdn-blocked: off\n  no-such-rule: error\n' },
    ] });
    const nearer = await client.diagnostics(uri, { after: count, accept: (p) => withCode('unknown-region')(p) && without('cdn-blocked')(p) });
    assert.ok(nearer.length > 0);
    const configProblems = await client.diagnostics('vscode-test-web://mount/cfg/team/ppnet.config.yaml', { after: count });
    assert.ok(configProblems.length > 0 && configProblems[0].message.includes('no-such-rule'), JSON.stringify(configProblems));

    // Removed: the rule is back.
    count = await client.publicationCount();
    await client.notify(CONFIG_FILES_NOTIFICATION, { files: [] });
    await client.diagnostics(uri, { after: count, accept: (p) => withCode('unknown-region')(p) && withCode('cdn-blocked')(p) });
  });

  it('honours disable comments as on the desktop', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'mistakes.ppnet.yaml'), 'utf8');
    const uri = 'vscode-test-web://mount/disable/mistakes.ppnet.yaml';
    const count = await client.publicationCount();
    await client.open(uri, `# ppnet-disable-file unknown-region\n${text}`);
    const diagnostics = await client.diagnostics(uri, { after: count });
    assert.ok(diagnostics.length > 0);
    assert.ok(!diagnostics.some((d) => d.code === 'unknown-region'), 'unknown-region is silenced');
  });
});
