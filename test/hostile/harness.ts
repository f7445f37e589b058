/**
 * The hostile-input suite's tools: folders made on disk for each case, the real `ppnet` command run as
 * a user would (optionally as an unprivileged one, since root reads every file whatever its mode), and
 * checks that hold for every run: no stack trace, no raw control character.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../support';

export const PPNET = path.join(ROOT, 'bin', 'ppnet.js');

/**
 * A fresh folder holding `files` (a Buffer is written as is), readable by every user so that an
 * unprivileged run can use it. Returns its path.
 */
export function tempTree(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-hostile-'));
  fs.chmodSync(dir, 0o755);
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true, mode: 0o755 });
    fs.writeFileSync(full, content, { mode: 0o644 });
  }
  return dir;
}

/**
 * How to run a command as a user that file modes apply to: as is when the tests do not run as root,
 * through `setpriv` as nobody when they do, or not at all (the reason says why).
 */
export const UNPRIVILEGED: { wrap: string[] } | { skip: string } = (() => {
  if (process.getuid?.() !== 0) return { wrap: [] };
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
  if (!setpriv) return { skip: 'the tests run as root and setpriv is missing, so file modes cannot be tested' };
  const wrap = [setpriv, '--reuid=nobody', '--regid=nogroup', '--clear-groups'];
  const probe = spawnSync(wrap[0], [...wrap.slice(1), process.execPath, '-e', 'process.exit(process.getuid() === 0 ? 1 : 0)']);
  if (probe.status !== 0) return { skip: `setpriv cannot run node as nobody here (${probe.stderr?.toString().trim() || `status ${probe.status}`})` };
  // nobody must reach the compiled command line.
  const reach = spawnSync(wrap[0], [...wrap.slice(1), process.execPath, PPNET, '--version']);
  if (reach.status !== 0) return { skip: `nobody cannot run ${PPNET} (${reach.stderr?.toString().trim()})` };
  return { wrap };
})();

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ppnet` with `args` in `cwd`, with `input` on standard input; `as: 'unprivileged'` drops root. */
export function ppnet(args: string[], options: { cwd?: string; input?: string | Buffer; as?: 'unprivileged'; timeoutMs?: number } = {}): RunResult {
  let command = [process.execPath, PPNET, ...args];
  if (options.as === 'unprivileged') {
    if (!('wrap' in UNPRIVILEGED)) throw new Error(UNPRIVILEGED.skip);
    command = [...UNPRIVILEGED.wrap, ...command];
  }
  const result = spawnSync(command[0], command.slice(1), {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, PPNET_DEBUG: '' },
  });
  if (result.error) throw result.error; // a timeout: the run hung
  assertClean(result.stdout, result.stderr);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace line: "    at f (file.js:1:2)". */
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
/** What the command line must never print: C0 controls but tab and line feed, DEL, C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this does
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export function assertClean(stdout: string, stderr: string): void {
  assert.doesNotMatch(stderr, STACK_LINE, `a stack trace on stderr:\n${stderr}`);
  assert.doesNotMatch(stdout, STACK_LINE, `a stack trace on stdout:\n${stdout}`);
  assert.doesNotMatch(stderr, /internal error/, stderr);
  assert.doesNotMatch(stdout, RAW_CONTROL, 'a raw control character on stdout');
  assert.doesNotMatch(stderr, RAW_CONTROL, 'a raw control character on stderr');
}

/** A small valid topology, and one with exactly one error (an Azure region where a Power Platform one belongs). */
export const GOOD = 'version: 1\nenvironments:\n  prod:\n    region: europe\n';
export const BAD = 'version: 1\nenvironments:\n  prod:\n    region: westeurope\n';
export const BAD_LINE = (file: string) =>
  `${file}:4:13: error unknown-region: "westeurope" is an Azure region (West Europe), but the region of environment prod is a Power Platform region: ` +
  'a geography whose scale groups run in a pair of Azure datacenter regions. West Europe belongs to Europe: did you mean europe?';

export function summary(errors: number, files: number, warnings = 0, notChecked = 0): string {
  return `${errors} errors, ${warnings} warnings, 0 infos, 0 hints in ${files} file${files === 1 ? '' : 's'}${notChecked ? ` (${notChecked} not read or not checked)` : ''}`;
}
