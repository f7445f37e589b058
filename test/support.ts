/** Shared test helpers: the repository root, documents from text, and cursor markers. */
import assert from 'node:assert/strict';
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, Position } from 'vscode-languageserver-types';
import { createLanguageService, severityName, ValidationOptions } from '../server/src/service';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('no package.json above ' + start);
    dir = parent;
  }
  return dir;
}

/** The repository root (tests run from `out/test/...`). */
export const ROOT = findRoot(path.resolve(__dirname, '..', '..'));

export function doc(text: string, uri = 'file:///test.ppnet.yaml', version = 1): TextDocument {
  return TextDocument.create(uri, 'ppnet', version, text);
}

/** Splits `a|b` into the text without the marker and the marker's offset. */
export function withCursor(text: string, marker = '|'): { text: string; offset: number } {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error('no cursor marker');
  return { text: text.slice(0, offset) + text.slice(offset + marker.length), offset };
}

/** The position of the `|` in `marked`, a snippet that occurs once in `text` with the marker removed. */
export function positionIn(text: string, marked: string): Position {
  const plain = marked.replace('|', '');
  const start = text.indexOf(plain);
  assert.ok(start >= 0 && text.indexOf(plain, start + 1) < 0, `"${plain}" must occur once`);
  return doc(text).positionAt(start + marked.indexOf('|'));
}

export function validate(text: string, options?: ValidationOptions): Diagnostic[] {
  return createLanguageService().validate(doc(text), options);
}

/** A compact, comparable form of a diagnostic: code, severity, range as "l:c-l:c" (1-based), message. */
export interface DiagnosticRow {
  code: string;
  severity: string;
  range: string;
  message: string;
}

export function row(d: Diagnostic): DiagnosticRow {
  const r = d.range;
  return {
    code: String(d.code),
    severity: severityName(d.severity),
    range: `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`,
    message: d.message,
  };
}

export function fixture(...parts: string[]): string {
  return fs.readFileSync(path.join(ROOT, 'test', ...parts), 'utf8');
}

/** Runs the command line in-process in `cwd`, as `bin/ppnet.js` does, and collects what it prints. */
export async function runCli(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  // Required here, not imported: the service's tests need not load the command line.
  const { main } = require('../server/src/cli/main') as typeof import('../server/src/cli/main');
  let stdout = '';
  let stderr = '';
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, (t) => (stdout += t), (t) => (stderr += t));
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

/** A new folder under the system's temporary folder with these files (paths may name subfolders). */
export function tempDir(files: Record<string, string | Buffer>, prefix = 'ppnet-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** npm itself: the one running `npm test` when there is one, else the one on PATH. */
export function npm(args: string[], cwd: string, timeoutMs: number): SpawnSyncReturns<string> {
  const cli = process.env.npm_execpath;
  const [command, prefix] = cli && /npm-cli\.js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  return spawnSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, npm_config_update_notifier: 'false' } });
}

/**
 * `npm pack` of the repository into `destination`: the package file and the paths it holds. Run after a
 * build (npm test builds first), so the prepack script's build is not run again.
 */
export function packPackage(destination: string): { tarball: string; files: string[] } {
  const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', destination], ROOT, 60_000);
  assert.equal(pack.status, 0, `npm pack failed: ${pack.stderr}`);
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(destination, packed.filename), files: packed.files.map((file) => file.path).sort() };
}
