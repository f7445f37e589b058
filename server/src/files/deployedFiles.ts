/**
 * The exported JSON that `ppnet drift`, `ppnet import` and the server's `deployed:` folder read: files
 * as named (whatever their name), folders as every `*.json` below them (hidden and `node_modules`
 * folders skipped, symbolic links followed, each real file once), `-` for standard input. Each file's
 * bytes are decoded as the export wrote them (UTF-8 with or without a byte order mark, UTF-16); what
 * cannot be read becomes a finding on its path, and every other input is still read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { decodeExport, DeployedInput, fileDiagnostic, InputFinding } from '../service';
import { describeError, readBytes } from './read';

/** An export is read up to this size: Resource Graph answers of a large estate run to tens of megabytes. */
export const DEPLOYED_LIMIT_BYTES = 256 * 1024 * 1024;

const JSON_FILE = /\.json$/i;

/** How standard input is named in findings. */
export const DEPLOYED_STDIN_NAME = '<stdin>';

export interface DeployedFiles {
  /** Each readable input's name (as given, or as the walk found it) and text, in the order read. */
  inputs: DeployedInput[];
  /** Paths that could not be read: `import-unreadable` on each (the run exits 2, as for a topology not read). */
  findings: InputFinding[];
  /** Every path read (`-` for standard input): an output must not be one of them. */
  read: string[];
}

/** Thrown for a path that does not exist at all: the caller's usage error. */
export class NoSuchInput extends Error {}

function unreadable(file: string, reason: string): InputFinding {
  return { code: 'import-unreadable', severity: 'error', file, message: `${file} is not read: ${reason}.` };
}

/** The JSON exports of the arguments. A path that does not exist throws `NoSuchInput`. */
export function readDeployedFiles(args: readonly string[], limit = DEPLOYED_LIMIT_BYTES): DeployedFiles {
  const result: DeployedFiles = { inputs: [], findings: [], read: [] };
  const files = new Set<string>();
  const folders = new Set<string>();

  const readFile = (file: string, real: string) => {
    if (files.has(real)) return;
    files.add(real);
    result.read.push(file === DEPLOYED_STDIN_NAME ? '-' : file);
    const bytes = readBytes(file === DEPLOYED_STDIN_NAME ? '-' : file, limit);
    if (!('data' in bytes)) {
      const reason =
        bytes.kind === 'unreadable' ? bytes.reason : `it is larger than ${Math.round(limit / 1024 / 1024)} MB, more than ppnet reads of one export (split the export)`;
      result.findings.push(unreadable(file, reason));
      return;
    }
    const decoded = decodeExport(bytes.data);
    if ('problem' in decoded) result.findings.push(unreadable(file, decoded.problem));
    else result.inputs.push({ file, text: decoded.text });
  };

  const walk = (dir: string) => {
    const real = realPath(dir);
    if (folders.has(real)) return;
    folders.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      result.findings.push(unreadable(dir, `the folder cannot be listed: ${describeError(error)}`));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch (error) {
        if (JSON_FILE.test(entry.name)) result.findings.push(unreadable(full, describeError(error)));
        continue;
      }
      if (stat.isDirectory()) walk(full);
      else if (JSON_FILE.test(entry.name) && stat.isFile()) readFile(full, realPath(full));
    }
  };

  for (const arg of args) {
    if (arg === '-') {
      readFile(DEPLOYED_STDIN_NAME, '-');
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new NoSuchInput(`cannot read ${arg}: no such file or folder`);
      result.findings.push(unreadable(arg, describeError(error)));
      continue;
    }
    if (stat.isDirectory()) walk(arg);
    else readFile(arg, realPath(arg));
  }
  return result;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Where the README says what import and drift read and what each input finding means. */
export const DEPLOYED_INPUTS_URL = 'https://github.com/ppnet/ppnet#drift';

const SEVERITY: Record<InputFinding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** An input finding as a diagnostic at the start of its file. */
export function inputDiagnostic(finding: InputFinding): Diagnostic {
  const diagnostic = fileDiagnostic(finding.code, finding.message, SEVERITY[finding.severity]);
  diagnostic.codeDescription = { href: DEPLOYED_INPUTS_URL };
  return diagnostic;
}
