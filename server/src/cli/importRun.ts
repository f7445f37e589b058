/**
 * `ppnet import` on disk: the exports of the inputs read (folders walked for `*.json`, any encoding
 * `decodeExport` knows), the map read and checked, the topology written where the user asked, and
 * every finding placed on its file: an input's at its start, an imported entity's on its line of the
 * written topology, a map entry's on its key.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { readBytes, readText } from '../files/read';
import {
  decodeExport,
  DeployedInput,
  DIAGNOSTIC_SOURCE,
  emptyMap,
  IMPORT_URL,
  ImportFinding,
  importTopology,
  InputFinding,
  parseImportMap,
  readDeployed,
} from '../service';
import type { FileResult } from './check';
import { UsageError } from './errors';
import { collectInputs, STDIN, STDIN_NAME } from './inputs';

/** Exports are read up to this size: a large tenant's Resource Graph answer runs to tens of megabytes. */
export const IMPORT_LIMIT_BYTES = 512 * 1024 * 1024;

const EXPORT_FILE = /\.json$/i;

export interface ImportRun {
  text: string;
  results: FileResult[];
  /** Every file read (inputs and map): the output must not be one of them. */
  read: string[];
}

const SEVERITY: Record<InputFinding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

function diagnostic(code: string, severity: InputFinding['severity'], message: string, href: string, range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }): Diagnostic {
  return { range, severity: SEVERITY[severity], code, codeDescription: { href }, source: DIAGNOSTIC_SOURCE, message };
}

export function runImport(args: string[], mapFile: string | undefined, outputName: string): ImportRun {
  const { inputs: collected, skipped } = collectInputs(args, EXPORT_FILE);
  if (collected.length === 0) {
    const hint = skipped.length ? ` (not searched: ${skipped.join(', ')}; name a hidden or node_modules folder to read it)` : '';
    throw new UsageError(`no *.json file in ${args.join(', ')}${hint}`);
  }
  const byFile = new Map<string, Diagnostic[]>();
  const add = (file: string, d: Diagnostic) => byFile.set(file, [...(byFile.get(file) ?? []), d]);
  const read: string[] = [];
  const inputs: DeployedInput[] = [];
  for (const entry of collected) {
    if (entry.kind === 'problem') {
      add(entry.problem.file, diagnostic('import-unreadable', 'error', `${entry.problem.file} is not read: ${entry.problem.diagnostic.message}`, IMPORT_URL));
      continue;
    }
    const { file, real } = entry.input;
    const name = real === STDIN ? STDIN_NAME : file;
    read.push(real === STDIN ? STDIN : file);
    const bytes = readBytes(real === STDIN ? STDIN : file, IMPORT_LIMIT_BYTES);
    if (!('data' in bytes)) {
      const reason = bytes.kind === 'unreadable' ? bytes.reason : `it is larger than ${IMPORT_LIMIT_BYTES / 1024 / 1024} MiB, the most ppnet import reads`;
      add(name, diagnostic('import-unreadable', 'error', `${name} is not read: ${reason}.`, IMPORT_URL));
      continue;
    }
    const decoded = decodeExport(bytes.data);
    if ('problem' in decoded) {
      add(name, diagnostic('import-unreadable', 'error', `${name} is not read: ${decoded.problem}.`, IMPORT_URL));
      continue;
    }
    inputs.push({ file: name, text: decoded.text });
  }
  const estate = readDeployed(inputs);
  for (const finding of estate.findings) add(finding.file, diagnostic(finding.code, finding.severity, finding.message, IMPORT_URL));

  let map = emptyMap();
  if (mapFile !== undefined) {
    read.push(mapFile);
    const text = readText(mapFile, IMPORT_LIMIT_BYTES);
    if (text.kind !== 'text') {
      const reason = text.kind === 'unreadable' ? text.reason : text.kind === 'too-large' ? 'it is too large' : text.message;
      add(mapFile, diagnostic('map-invalid', 'error', `The map ${mapFile} is not read: ${reason}. The topology is written without it.`, IMPORT_URL));
    } else {
      const parsed = parseImportMap(text.text);
      for (const f of parsed.findings) add(mapFile, diagnostic(f.code, f.severity, f.message, IMPORT_URL, f.range));
      map = parsed.map;
    }
  }
  const result = importTopology(estate, map);
  for (const finding of result.findings) placeFinding(finding, outputName, mapFile, add);
  const results = [...byFile.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, diagnostics]) => ({ file, diagnostics }));
  return { text: result.text, results, read };
}

function placeFinding(finding: ImportFinding, outputName: string, mapFile: string | undefined, add: (file: string, d: Diagnostic) => void): void {
  if ('line' in finding.at) {
    const { line, character, length } = finding.at;
    add(outputName, diagnostic(finding.code, finding.severity, finding.message, finding.href, { start: { line, character }, end: { line, character: character + length } }));
  } else if (mapFile !== undefined) {
    add(mapFile, diagnostic(finding.code, finding.severity, finding.message, finding.href, finding.at.map));
  }
}
