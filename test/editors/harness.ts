/**
 * Shared by the tests that run real editors against the language server (test/editors/): the
 * configuration blocks taken from the README, the server's commands on a PATH as `npm link` puts them,
 * a bounded run of an editor, the examples in a scratch folder, and the conversions from an editor's
 * positions to LSP's (zero-based lines, UTF-16 characters).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliFinding } from '../reference';
import { ROOT } from '../support';

/**
 * The fenced block that follows `<!-- editor-config: <id> -->` in README.md, verbatim: what a user
 * copies, so what the test runs.
 */
export function readmeBlock(id: string): { language: string; code: string } {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const marker = `<!-- editor-config: ${id} -->`;
  const at = readme.indexOf(marker);
  if (at < 0 || readme.indexOf(marker, at + 1) >= 0) throw new Error(`README.md must hold exactly one "${marker}"`);
  const match = /^\s*```(\w+)\n([\s\S]*?)^```$/m.exec(readme.slice(at + marker.length));
  if (!match || match.index !== 0) throw new Error(`no fenced block right after "${marker}" in README.md`);
  return { language: match[1], code: match[2] };
}

/** The full path of an executable on PATH, or undefined. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Why an editor test cannot run here (`missing` says what is missing), or undefined when it can. CI
 * sets PPNET_EDITORS_REQUIRED=1: there a missing editor fails the test instead of skipping it.
 */
export function skipReason(missing: string | undefined): string | undefined {
  if (!missing || process.env.PPNET_EDITORS_REQUIRED === '1') return undefined;
  return `${missing}; skipped (CI installs it: .ci/run)`;
}

/** A scratch folder, removed by `remove`. */
export function scratch(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ppnet-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A folder of commands like the one `npm link` fills: `ppnet` and `ppnet-language-server` are links to
 * this clone's bin/ scripts. Returns the environment to start an editor with: that folder and Node's
 * first on PATH, and HOME and the XDG folders in `home`, so that the developer's own editor
 * configuration, plugins and logs stay out of it.
 */
export function editorEnvironment(home: string): NodeJS.ProcessEnv {
  const bin = path.join(home, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'bin', 'ppnet-language-server.js'), path.join(bin, 'ppnet-language-server'));
  fs.symlinkSync(path.join(ROOT, 'bin', 'ppnet.js'), path.join(bin, 'ppnet'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, PATH: [bin, path.dirname(process.execPath), process.env.PATH].join(path.delimiter) };
  for (const [name, dir] of [
    ['XDG_CONFIG_HOME', 'config'],
    ['XDG_DATA_HOME', 'data'],
    ['XDG_STATE_HOME', 'state'],
    ['XDG_CACHE_HOME', 'cache'],
  ]) {
    env[name] = path.join(home, dir);
    fs.mkdirSync(env[name]!, { recursive: true });
  }
  return env;
}

/** The examples, copied into `dir` (the editors never touch the clone's files). */
export function copyExamples(dir: string): string {
  const examples = path.join(dir, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), examples, { recursive: true });
  return examples;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in its own process group and kills the whole group (the editor and the server it
 * started) if it has not exited after `timeoutMs`.
 */
export function runBounded(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr });
    });
  });
}

/** Runs a short command synchronously; true when it exits with 0 within 20 s. */
/**
 * Runs an editor's test driver: writes `plan` where the driver reads it (PPNET_PLAN), runs the editor
 * for at most a minute, and returns the JSON the driver wrote (PPNET_RESULT), asserting that it wrote
 * one, reported no error of its own and exited 0.
 */
export async function runDriver<T extends { error?: string }>(
  editor: { name: string; command: string; args: string[] },
  options: { dir: string; cwd: string; env: NodeJS.ProcessEnv; plan: object },
): Promise<T> {
  const planFile = path.join(options.dir, 'plan.json');
  const resultFile = path.join(options.dir, 'result.json');
  fs.writeFileSync(planFile, JSON.stringify(options.plan));
  fs.rmSync(resultFile, { force: true });
  const run = await runBounded(editor.command, editor.args, {
    cwd: options.cwd,
    env: { ...options.env, PPNET_PLAN: planFile, PPNET_RESULT: resultFile },
    timeoutMs: 60_000,
  });
  const detail = `${editor.name} exited with ${run.code ?? run.signal}${run.timedOut ? ' (killed after 60 s)' : ''}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
  assert.ok(fs.existsSync(resultFile), `${editor.name} wrote no result; ${detail}`);
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as T;
  assert.equal(result.error, undefined, `the driver failed: ${result.error}; ${detail}`);
  assert.equal(run.code, 0, detail);
  return result;
}

export function succeeds(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 20_000 });
  return result.status === 0;
}

export interface Position {
  line: number;
  character: number;
}

/** The zero-based line and UTF-16 character of the first `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  return positionAt(text, offset + delta);
}

/** The position of a UTF-16 offset. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The UTF-16 offset of a position. */
export function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

/** Neovim's (0-based) byte column on a line, as the UTF-16 character LSP counts. */
export function characterOfByte(text: string, line: number, byteColumn: number): number {
  const bytes = Buffer.from(text.split('\n')[line] ?? '', 'utf8');
  return bytes.subarray(0, byteColumn).toString('utf8').length;
}

/** The UTF-8 byte column Neovim uses for an LSP position. */
export function byteOfCharacter(text: string, position: Position): number {
  return Buffer.byteLength(text.split('\n')[position.line].slice(0, position.character), 'utf8');
}

/** An Emacs point (1 + the number of characters, code points, before it) as an LSP position. */
export function positionOfPoint(text: string, point: number): Position {
  const codePoints = Array.from(text);
  return positionAt(text, codePoints.slice(0, point - 1).join('').length);
}

/** The Emacs point of an LSP position. */
export function pointOf(text: string, position: Position): number {
  return Array.from(text.slice(0, offsetAt(text, position))).length + 1;
}

/** A finding in a form every editor's diagnostics can be turned into and compared with. */
export interface Shown {
  code: string;
  severity: CliFinding['severity'];
  message: string;
  range: string;
}

export function rangeText(start: Position, end: Position): string {
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** `ppnet check --format json` findings as `Shown`, in the order an editor lists them (by position). */
export function shownFromCli(findings: CliFinding[]): Shown[] {
  return sortShown(findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: rangeText(f.range.start, f.range.end) })));
}

export function sortShown(rows: Shown[]): Shown[] {
  return sortByRange(rows, (row) => row.code);
}

/** Rows sorted by their `rangeText` range (numerically), then by `tieBreak`. */
export function sortByRange<T extends { range: string }>(rows: T[], tieBreak: (row: T) => string): T[] {
  const key = (row: T) => row.range.split(/[:-]/).map((n) => n.padStart(6, '0')).join(' ') + ' ' + tieBreak(row);
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
