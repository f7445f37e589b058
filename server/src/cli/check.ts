/**
 * `ppnet check`: finds the topology files of the inputs, checks each with the language service and the
 * nearest ppnet.config.yaml, and formats the findings as text or JSON (SARIF: `sarif.ts`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { ConfigLoader } from '../files/configFiles';
import { createLanguageService, severityName } from '../service';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

/** A failure of the command line's use or of its inputs (exit 2), with the message for the user. */
export class UsageError extends Error {}

const TOPOLOGY_FILE = /\.ppnet\.ya?ml$/i;

export function collectFiles(inputs: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && TOPOLOGY_FILE.test(entry.name)) files.push(full);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UsageError(`ppnet: cannot read ${input}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(input);
    else files.push(input);
  }
  return files;
}

/** Reads a file as UTF-8; a file that is not text is a usage-level failure (exit 2). */
export function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`ppnet: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`ppnet: cannot decode ${file}: it is not UTF-8 text`);
  }
}

export function checkFiles(files: string[]): FileResult[] {
  const service = createLanguageService();
  const configs = new ConfigLoader();
  const results: FileResult[] = [];
  const reportedConfigs = new Set<string>();
  for (const file of files) {
    const text = readText(file);
    const config = configs.forFile(file);
    if (config && !reportedConfigs.has(config.path) && config.diagnostics.length) {
      reportedConfigs.add(config.path);
      results.push({ file: path.relative(process.cwd(), config.path) || config.path, diagnostics: config.diagnostics });
    }
    const document = TextDocument.create(pathToFileURL(path.resolve(file)).toString(), 'ppnet', 1, text);
    results.push({ file, diagnostics: service.validate(document, { ruleLevels: config?.config.ruleLevels }) });
  }
  return results;
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const severity = severityName(d.severity);
      counts[severity]++;
      lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity} ${d.code}: ${d.message}`);
    }
  }
  const fileCount = results.length;
  lines.push(`${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos, ${counts.hint} hints in ${fileCount} file${fileCount === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
  const rows = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({ file, code: String(d.code), severity: severityName(d.severity), message: d.message, range: d.range })),
  );
  return JSON.stringify(rows, null, 2) + '\n';
}

