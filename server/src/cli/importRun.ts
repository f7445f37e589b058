/**
 * `ppnet import` on disk: the exports of the inputs read (folders walked for `*.json`, any encoding
 * `decodeExport` knows), the map read and checked, the topology written where the user asked, and
 * every finding placed on its file: an input's at its start, an imported entity's on its line of the
 * written topology, a map entry's on its key.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { DEPLOYED_LIMIT_BYTES, inputDiagnostic } from '../files/deployedFiles';
import { readText } from '../files/read';
import { DIAGNOSTIC_SOURCE, emptyMap, IMPORT_URL, ImportFinding, importTopology, InputFinding, parseImportMap } from '../service';
import type { FileResult } from './check';
import { readEstate } from './exports';

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
  const byFile = new Map<string, Diagnostic[]>();
  const add = (file: string, d: Diagnostic) => byFile.set(file, [...(byFile.get(file) ?? []), d]);
  const { estate, read } = readEstate(args);
  for (const finding of estate.findings) add(finding.file, inputDiagnostic(finding));

  let map = emptyMap();
  if (mapFile !== undefined) {
    read.push(mapFile);
    const text = readText(mapFile, DEPLOYED_LIMIT_BYTES);
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
