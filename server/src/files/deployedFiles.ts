/**
 * The exported JSON that the server's `deployed:` folder holds, and one export's text for `ppnet drift`
 * (whose command line walks its arguments as `ppnet check` and `ppnet import` do, `cli/inputs.ts`): files
 * as named (whatever their name), folders as every `*.json` below them (hidden and `node_modules`
 * folders skipped, symbolic links followed, each real file once), `-` for standard input. Each file's
 * bytes are decoded as the export wrote them (UTF-8 with or without a byte order mark, UTF-16); what
 * cannot be read becomes a finding on its path, and every other input is still read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { decodeExport, DeployedInput, fileDiagnostic, IMPORT_URL, InputFinding } from '../service';
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

function unreadable(file: string, reason: string): InputFinding {
  return { code: 'import-unreadable', severity: 'error', file, message: `${file} is not read: ${reason}.` };
}

/**
 * One export's text, decoded as it was written (`path` `-` is standard input; `name` is how findings
 * name it), or the `import-unreadable` finding that says why there is none.
 */
export function readExport(file: string, name: string, limit = DEPLOYED_LIMIT_BYTES): { input: DeployedInput } | { finding: InputFinding } {
  const bytes = readBytes(file, limit);
  if (!('data' in bytes)) {
    const reason = bytes.kind === 'unreadable' ? bytes.reason : `it is larger than ${Math.round(limit / 1024 / 1024)} MB, more than ppnet reads of one export (split the export)`;
    return { finding: unreadable(name, reason) };
  }
  const decoded = decodeExport(bytes.data);
  return 'problem' in decoded ? { finding: unreadable(name, decoded.problem) } : { input: { file: name, text: decoded.text } };
}

/** The JSON exports of the arguments (the server's `deployed:` folder). */
export function readDeployedFiles(args: readonly string[], limit = DEPLOYED_LIMIT_BYTES): DeployedFiles {
  const result: DeployedFiles = { inputs: [], findings: [], read: [] };
  const files = new Set<string>();
  const folders = new Set<string>();

  const readFile = (file: string, real: string) => {
    if (files.has(real)) return;
    files.add(real);
    result.read.push(file === DEPLOYED_STDIN_NAME ? '-' : file);
    const read = readExport(file === DEPLOYED_STDIN_NAME ? '-' : file, file, limit);
    if ('finding' in read) result.findings.push(read.finding);
    else result.inputs.push(read.input);
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


const SEVERITY: Record<InputFinding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** An input finding as a diagnostic at the start of its file. */
export function inputDiagnostic(finding: InputFinding): Diagnostic {
  const diagnostic = fileDiagnostic(finding.code, finding.message, SEVERITY[finding.severity]);
  diagnostic.codeDescription = { href: IMPORT_URL };
  return diagnostic;
}
