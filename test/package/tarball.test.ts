/**
 * The language server and the command line without VS Code, as npm installs them: `npm pack` makes the
 * package file (what .npmignore lets in), `npm install <file>` puts it into an empty folder outside the
 * clone, and the installed `ppnet check` and `ppnet-language-server --stdio` must work there and report
 * what the clone's `ppnet check` reports. Run after `npm run build` (the package carries out/).
 *
 * npm installs the dependencies from its cache when it can (`--offline`, as after `npm ci`) and asks
 * the registry only for what the cache lacks (`--prefer-offline`).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CliFinding, cliFindings } from '../reference';
import { npm, packPackage, ROOT } from '../support';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** What a finding says, without the file name (which depends on where the command ran). */
function said(findings: CliFinding[]): Omit<CliFinding, 'file'>[] {
  return findings.map(({ code, severity, message, range }) => ({ code, severity, message, range }));
}

describe('the npm package, installed without VS Code', () => {
  let work: string;
  let tarball: string;
  let files: string[];
  let project: string;
  let installed: string;
  let examples: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-tarball-'));
    ({ tarball, files } = packPackage(work));

    project = path.join(work, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-ppnet', version: '1.0.0', private: true }));
    const install = (mode: string) => npm(['install', mode, '--no-audit', '--no-fund', tarball], project, 90_000);
    let result = install('--offline');
    if (result.status !== 0 && /ENOTCACHED/.test(result.stderr)) result = install('--prefer-offline');
    assert.equal(result.status, 0, `npm install ${tarball} failed: ${result.stderr}`);
    installed = path.join(project, 'node_modules', '.bin');
    examples = path.join(project, 'examples');
    fs.cpSync(path.join(ROOT, 'examples'), examples, { recursive: true });
    env = { ...process.env, PATH: [path.dirname(process.execPath), process.env.PATH].join(path.delimiter) };
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds the commands, the compiled server and the schemas, and nothing else', () => {
    for (const file of ['bin/ppnet.js', 'bin/ppnet-language-server.js', 'out/server/src/cli/main.js', 'out/server/src/lsp/server.js', 'out/server/src/lsp/node.js', 'out/protocol/protocol.js', 'out/diagram/svg.js', 'out/server/src/service/data/catalog.json', 'out/schemas/ppnet.schema.json', 'schemas/ppnet.schema.json', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(file), `${file} is missing from the package`);
    }
    const allowed = /^(package\.json|README\.md|LICENSE|bin\/[\w-]+\.js|schemas\/[\w.-]+\.json|out\/schemas\/[\w.-]+\.json|out\/server\/src\/[\w/.-]+\.(js|json)|out\/protocol\/[\w.-]+\.js|out\/diagram\/[\w.-]+\.js|out\/review\/[\w.-]+\.js)$/;
    assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
  });

  it('installs the package into the folder, with the two commands', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', manifest.name, 'package.json'), 'utf8'));
    assert.equal(pkg.version, manifest.version);
    for (const command of ['ppnet', 'ppnet-language-server']) assert.ok(fs.existsSync(path.join(installed, command)), `${command} is not installed`);
  });

  it('runs ppnet check: the findings of the clone, with its exit codes', () => {
    const run = (name: string) => spawnSync(path.join(installed, 'ppnet'), ['check', path.join('examples', name), '--format', 'json'], { cwd: project, env, encoding: 'utf8', timeout: 30_000 });
    const mistakes = run('mistakes.ppnet.yaml');
    assert.equal(mistakes.status, 1, mistakes.stderr);
    const found = JSON.parse(mistakes.stdout) as CliFinding[];
    assert.equal(found.length, 20);
    assert.deepEqual(said(found), said(cliFindings(path.join(examples, 'mistakes.ppnet.yaml'))));
    const contoso = run('contoso.ppnet.yaml');
    assert.equal(contoso.status, 0, contoso.stderr);
    assert.deepEqual(JSON.parse(contoso.stdout), []);
  });

  it('runs ppnet-language-server --stdio: initialize, then the diagnostics of ppnet check', async () => {
    const server = spawn(path.join(installed, 'ppnet-language-server'), ['--stdio'], { cwd: project, env, stdio: 'pipe' });
    let stderr = '';
    server.stderr.on('data', (chunk) => (stderr += chunk));
    const killer = setTimeout(() => server.kill('SIGKILL'), 30_000);
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.listen();
    // A server that dies answers nothing: fail with what it printed instead of waiting for the killer.
    let running = true;
    const died = exited.then((code) => {
      if (running) throw new Error(`ppnet-language-server exited with ${code}: ${stderr}`);
    });
    died.catch(() => undefined);
    const answer = <T>(promise: Promise<T>) => Promise.race([promise, died.then(() => promise)]);
    try {
      const init = await answer(connection.sendRequest<{ serverInfo?: { name: string; version: string }; capabilities: Record<string, unknown> }>('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(project).href,
        capabilities: {},
      }));
      assert.deepEqual(init.serverInfo, { name: 'ppnet-language-server', version: manifest.version });
      await connection.sendNotification('initialized', {});
      const file = path.join(examples, 'mistakes.ppnet.yaml');
      const uri = pathToFileURL(file).href;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ppnet', version: 1, text: fs.readFileSync(file, 'utf8') } });
      const params = await answer(published);
      assert.equal(params.uri, uri);
      const severities = ['error', 'warning', 'info', 'hint'];
      const shown = params.diagnostics.map((d) => ({ code: String(d.code), severity: severities[d.severity! - 1], message: d.message, range: d.range }));
      const key = (f: { code: string; range: CliFinding['range'] }) => `${f.range.start.line}:${f.range.start.character} ${f.code}`;
      const sorted = <T extends { code: string; range: CliFinding['range'] }>(rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
      assert.deepEqual(sorted(shown), sorted(said(cliFindings(file))));
      await answer(connection.sendRequest('shutdown'));
      running = false;
      await connection.sendNotification('exit');
      assert.equal(await exited, 0, stderr);
    } finally {
      clearTimeout(killer);
      connection.dispose();
      server.kill();
    }
  });
});
