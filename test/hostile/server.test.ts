/**
 * The real language server (over stdio) with configs that cannot be read, and the config lookup it
 * keeps: read once, refreshed when the editor reports that a ppnet.config.yaml was created, changed
 * or deleted, never probed again on a keystroke.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TestClient } from '../server/lspClient';
import { BAD, tempTree, UNPRIVILEGED } from './harness';

const unprivileged = 'skip' in UNPRIVILEGED ? UNPRIVILEGED.skip : false;

const OWN = ['unknown-region', 'error', '4:13-4:23'];

function summary(diagnostics: Diagnostic[]): string[][] {
  const severities = ['', 'error', 'warning', 'info', 'hint'];
  return diagnostics.map((d) => [String(d.code), severities[d.severity ?? 1], `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`]);
}

const uriOf = (file: string) => pathToFileURL(file).toString();

describe('language server: a config that cannot be read', () => {
  it('a folder named ppnet.config.yaml: the file gets its own diagnostics and one warning about the config, no internal error', async () => {
    const dir = tempTree({ 'ppnet.config.yaml/readme.txt': 'not a config', 'net/a.ppnet.yaml': BAD });
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = uriOf(path.join(dir, 'net', 'a.ppnet.yaml'));
      await client.open(uri, BAD);
      const { diagnostics } = await client.diagnostics(uri);
      assert.deepEqual(summary(diagnostics), [OWN, ['cannot-read', 'warning', '1:1-1:1']]);
      assert.equal(
        diagnostics[1].message,
        `Cannot read the nearest ppnet.config.yaml, ${path.join(dir, 'ppnet.config.yaml')}: it is a folder, not a file (EISDIR). ` +
          'This file is checked with every rule at its default level; make the config readable (or remove it) so that its levels apply.',
      );
      assert.equal(diagnostics[1].codeDescription?.href, 'https://github.com/ppnet/ppnet#configuration');
      assert.equal(client.stderr, '');
    } finally {
      await client.shutdown();
    }
  });

  it('a config without read permission, for a server run by an ordinary user: the same', { skip: unprivileged }, async () => {
    const dir = tempTree({ 'ppnet.config.yaml': 'rules:\n  unknown-region: off\n', 'a.ppnet.yaml': BAD });
    fs.chmodSync(path.join(dir, 'ppnet.config.yaml'), 0o000);
    const client = new TestClient('wrap' in UNPRIVILEGED ? UNPRIVILEGED.wrap : []);
    try {
      await client.initialize();
      const uri = uriOf(path.join(dir, 'a.ppnet.yaml'));
      await client.open(uri, BAD);
      const { diagnostics } = await client.diagnostics(uri);
      assert.deepEqual(summary(diagnostics), [OWN, ['cannot-read', 'warning', '1:1-1:1']]);
      assert.match(diagnostics[1].message, /^Cannot read the nearest ppnet\.config\.yaml, .*: permission denied \(EACCES\)\. This file is checked with every rule at its default level/);
    } finally {
      await client.shutdown();
    }
  });
});

describe('language server: the config lookup is kept, and refreshed by file events', () => {
  let client: TestClient;
  let dir: string;
  let uri: string;
  const config = () => path.join(dir, 'ppnet.config.yaml');
  const CONFIG_URI = () => uriOf(config());
  /** Changes the document (a comment at its end) and returns the diagnostics of that version. */
  let version = 1;
  async function edit(): Promise<string[][]> {
    version++;
    await client.change(uri, version, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: `# edit ${version}\n` }]);
    return summary((await client.diagnostics(uri, (p) => p.version === version)).diagnostics);
  }

  before(async () => {
    dir = tempTree({ 'net/a.ppnet.yaml': BAD });
    uri = uriOf(path.join(dir, 'net', 'a.ppnet.yaml'));
    client = new TestClient();
    await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    await client.open(uri, BAD);
    assert.deepEqual(summary((await client.diagnostics(uri)).diagnostics), [OWN]);
  });
  after(async () => client.shutdown());

  it('a config created on disk is not probed for while typing; the created event applies it', async () => {
    fs.writeFileSync(config(), 'rules:\n  unknown-region: off\n');
    assert.deepEqual(await edit(), [OWN], 'the server looked at the disk again on a keystroke');
    client.clearPublished();
    await client.filesChanged([{ uri: CONFIG_URI(), type: 1 }]);
    assert.deepEqual(summary((await client.diagnostics(uri, (p) => p.diagnostics.length === 0)).diagnostics), []);
  });

  it('a changed config applies on its changed event, and a deleted one on its deleted event', async () => {
    fs.writeFileSync(config(), 'rules:\n  unknown-region: warning\n');
    assert.deepEqual(await edit(), [], 'the server read the config again on a keystroke');
    client.clearPublished();
    await client.filesChanged([{ uri: CONFIG_URI(), type: 2 }]);
    assert.deepEqual(summary((await client.diagnostics(uri)).diagnostics), [['unknown-region', 'warning', '4:13-4:23']]);
    fs.rmSync(config());
    client.clearPublished();
    await client.filesChanged([{ uri: CONFIG_URI(), type: 3 }]);
    assert.deepEqual(summary((await client.diagnostics(uri)).diagnostics), [OWN]);
  });

  it('events about other files change nothing', async () => {
    fs.writeFileSync(config(), 'rules:\n  unknown-region: off\n');
    await client.filesChanged([{ uri: uriOf(path.join(dir, 'other.yaml')), type: 1 }]);
    assert.deepEqual(await edit(), [OWN]);
    await client.filesChanged([{ uri: CONFIG_URI(), type: 1 }]);
  });
});

describe('language server: a client without file events', () => {
  it('looks for the config again when a file opens, not on a change', async () => {
    const dir = tempTree({ 'a.ppnet.yaml': BAD, 'b.ppnet.yaml': BAD });
    const [a, b] = ['a', 'b'].map((name) => uriOf(path.join(dir, `${name}.ppnet.yaml`)));
    const client = new TestClient();
    try {
      await client.initialize();
      await client.open(a, BAD);
      assert.deepEqual(summary((await client.diagnostics(a)).diagnostics), [OWN]);
      fs.writeFileSync(path.join(dir, 'ppnet.config.yaml'), 'rules:\n  unknown-region: info\n');
      await client.change(a, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a\n' }]);
      assert.deepEqual(summary((await client.diagnostics(a, (p) => p.version === 2)).diagnostics), [['unknown-region', 'error', '5:13-5:23']]);
      await client.open(b, BAD);
      assert.deepEqual(summary((await client.diagnostics(b)).diagnostics), [['unknown-region', 'info', '4:13-4:23']]);
    } finally {
      await client.shutdown();
    }
  });
});
