/**
 * The JSON Schema for plain YAML editing: yaml-language-server (npm, the server of Red Hat's YAML
 * extension), without ppnet, validates the examples with `schemas/ppnet.schema.json`, found once
 * through the README's modeline and once through the README's `yaml.schemas` setting (both taken from
 * README.md, with only `/path/to/ppnet` replaced by this clone). No schema error on the examples, one
 * on an unknown key; and without the modeline or the association, no schema at all.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../support';
import { positionOf, readmeBlock } from './harness';

const SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const EXAMPLES = path.join(ROOT, 'examples');

/** The README's block with the placeholder for the clone replaced. */
function fromReadme(id: string, language: string): string {
  const block = readmeBlock(id);
  assert.equal(block.language, language);
  assert.ok(block.code.includes('/path/to/ppnet/'), `the ${id} block names /path/to/ppnet/`);
  return block.code.replaceAll('/path/to/ppnet', ROOT);
}

/** yaml-language-server over stdio, with the settings it is given answered from `settings`. */
class YamlServer {
  private readonly process: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly published: PublishDiagnosticsParams[] = [];
  private stderr = '';
  private version = 0;

  constructor(private readonly settings: { yaml: Record<string, unknown> }) {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.published.push(params));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'yaml' ? this.settings.yaml : item.section ? {} : this.settings)),
    );
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async start(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: {} } },
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.settings });
  }

  /**
   * Opens `text` as the document `file` (not written to disk), waits for its diagnostics, closes it and
   * waits for the server to clear them (so that the next document of that name starts afresh).
   */
  async diagnostics(file: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++this.version, text } });
    const found = await this.next(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await this.next(uri), [], 'the server clears the diagnostics of a closed document');
    return found;
  }

  /** The diagnostics of the next publication for `uri`. */
  private async next(uri: string): Promise<Diagnostic[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const at = this.published.findIndex((p) => p.uri === uri);
      if (at >= 0) return this.published.splice(at, 1)[0].diagnostics;
      if (Date.now() > deadline) throw new Error(`yaml-language-server published no diagnostics for ${uri}; stderr: ${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => (this.process.exitCode !== null ? resolve(undefined) : this.process.once('exit', resolve)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

const BASE_SETTINGS = { validate: true, hover: true, completion: true, schemaStore: { enable: false }, format: { enable: false } };
const UNKNOWN_KEY = 'colour: blue\n';

/** The single diagnostic an unknown top-level key `colour` must get: on the key, from the schema. */
function assertUnknownKey(diagnostics: Diagnostic[], text: string): void {
  const start = positionOf(text, '\ncolour: blue', 1);
  assert.deepEqual(
    diagnostics.map((d) => ({ range: d.range, message: d.message, severity: d.severity })),
    [{ range: { start, end: { line: start.line, character: 'colour'.length } }, message: 'Property colour is not allowed.', severity: 1 }],
  );
}

describe('the JSON Schema in yaml-language-server, without ppnet', () => {
  const example = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

  describe('through the README modeline', () => {
    const modeline = fromReadme('yaml-modeline', 'yaml');
    let server: YamlServer;
    before(async () => {
      server = new YamlServer({ yaml: BASE_SETTINGS });
      await server.start();
    });
    after(() => server.stop());

    it('reports no schema error on the examples', async () => {
      for (const name of ['contoso.ppnet.yaml', 'mistakes.ppnet.yaml']) {
        assert.deepEqual(await server.diagnostics(path.join(EXAMPLES, name), modeline + example(name)), [], name);
      }
    });

    it('reports an unknown key', async () => {
      const text = modeline + example('contoso.ppnet.yaml') + UNKNOWN_KEY;
      assertUnknownKey(await server.diagnostics(path.join(EXAMPLES, 'contoso.ppnet.yaml'), text), text);
    });

    it('takes a path relative to the file', async () => {
      const text = '# yaml-language-server: $schema=../schemas/ppnet.schema.json\n' + example('contoso.ppnet.yaml') + UNKNOWN_KEY;
      assertUnknownKey(await server.diagnostics(path.join(EXAMPLES, 'contoso.ppnet.yaml'), text), text);
    });

    it('checks nothing without the modeline', async () => {
      const text = example('contoso.ppnet.yaml') + UNKNOWN_KEY;
      assert.deepEqual(await server.diagnostics(path.join(EXAMPLES, 'contoso.ppnet.yaml'), text), []);
    });
  });

  describe('through the README yaml.schemas setting', () => {
    const settings = JSON.parse(fromReadme('yaml-schemas', 'json')) as { 'yaml.schemas': Record<string, string[]> };
    let server: YamlServer;
    before(async () => {
      server = new YamlServer({ yaml: { ...BASE_SETTINGS, schemas: settings['yaml.schemas'] } });
      await server.start();
    });
    after(() => server.stop());

    it('reports no schema error on the examples', async () => {
      for (const name of ['contoso.ppnet.yaml', 'mistakes.ppnet.yaml']) {
        assert.deepEqual(await server.diagnostics(path.join(EXAMPLES, name), example(name)), [], name);
      }
    });

    it('reports an unknown key, in *.ppnet.yaml and *.ppnet.yml files', async () => {
      const text = example('contoso.ppnet.yaml') + UNKNOWN_KEY;
      for (const name of ['unknown.ppnet.yaml', 'unknown.ppnet.yml']) {
        assertUnknownKey(await server.diagnostics(path.join(EXAMPLES, name), text), text);
      }
    });

    it('leaves other YAML files alone', async () => {
      const text = example('contoso.ppnet.yaml') + UNKNOWN_KEY;
      assert.deepEqual(await server.diagnostics(path.join(EXAMPLES, 'other.yaml'), text), []);
    });
  });
});
