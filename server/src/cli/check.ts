/**
 * `ppnet check`: finds the topology files of the inputs (`inputs.ts`), checks each with the language
 * service and the nearest ppnet.config.yaml, and formats the findings as text or JSON (SARIF:
 * `sarif.ts`). Every message and file name is printed with its control characters escaped.
 */
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { ConfigLoader, unreadableConfigDiagnostic } from '../files/configFiles';
import { createLanguageService, internalErrorDiagnostic, severityName } from '../service';
import { escapeControl, escapeControlInJson } from './escape';
import { collectInputs, configAnchor, Input, NOT_CHECKED_CODES, readTopology, STDIN, UsageError } from './inputs';

export { UsageError } from './inputs';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

export interface CheckRun {
  results: FileResult[];
  /** Every file the run read (topologies and configs, `-` for standard input): an output must not be one of them. */
  read: string[];
}

/** The inputs of the arguments; no topology file at all is bad usage. */
export function collectFiles(args: string[]): Input[] {
  const { inputs, skipped } = collectInputs(args);
  if (inputs.length === 0) {
    const hint = skipped.length ? ` (not searched: ${skipped.join(', ')}; name a hidden or node_modules folder to check it)` : '';
    throw new UsageError(`ppnet: no *.ppnet.yaml or *.ppnet.yml file in ${args.join(', ')}${hint}`);
  }
  return inputs;
}

export function checkFiles(inputs: Input[]): CheckRun {
  const service = createLanguageService();
  const configs = new ConfigLoader();
  const results: FileResult[] = [];
  const read: string[] = [];
  const reportedConfigs = new Set<string>();
  for (const entry of inputs) {
    if (entry.kind === 'problem') {
      results.push({ file: entry.problem.file, diagnostics: [entry.problem.diagnostic] });
      continue;
    }
    const { input } = entry;
    const config = configs.forFile(configAnchor(input));
    if (config && !reportedConfigs.has(config.path)) {
      reportedConfigs.add(config.path);
      const configFile = path.relative(process.cwd(), config.path) || config.path;
      read.push(configFile);
      const diagnostics = config.unreadable ? [unreadableConfigDiagnostic(config, 'config')] : config.diagnostics;
      if (diagnostics.length) results.push({ file: configFile, diagnostics });
    }
    read.push(input.real === STDIN ? STDIN : input.file);
    const topology = readTopology(input);
    if ('diagnostic' in topology) {
      results.push({ file: input.file, diagnostics: [topology.diagnostic] });
      continue;
    }
    let diagnostics: Diagnostic[];
    try {
      diagnostics = service.validate(topology.document, { ruleLevels: config?.config.ruleLevels });
    } catch (error) {
      diagnostics = [{ ...internalErrorDiagnostic(error), severity: DiagnosticSeverity.Error }];
    }
    service.forget(topology.document.uri);
    results.push({ file: input.file, diagnostics });
  }
  return { results, read };
}

/** 0 no error, 1 an error found, 2 a path that was not read or not checked (the others are reported). */
export function exitCodeOf(results: FileResult[]): number {
  const all = results.flatMap((r) => r.diagnostics);
  if (all.some((d) => NOT_CHECKED_CODES.has(String(d.code)) && severityName(d.severity) === 'error')) return 2;
  return all.some((d) => severityName(d.severity) === 'error') ? 1 : 0;
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let notChecked = 0;
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const severity = severityName(d.severity);
      counts[severity]++;
      if (NOT_CHECKED_CODES.has(String(d.code)) && severity === 'error') notChecked++;
      lines.push(`${escapeControl(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity} ${d.code}: ${escapeControl(d.message)}`);
    }
  }
  const fileCount = results.length;
  const missed = notChecked ? ` (${notChecked} not read or not checked)` : '';
  lines.push(
    `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos, ${counts.hint} hints in ${fileCount} file${fileCount === 1 ? '' : 's'}${missed}`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
  const rows = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({ file, code: String(d.code), severity: severityName(d.severity), message: d.message, range: d.range })),
  );
  return JSON.stringify(rows, escapeControlInJson, 2) + '\n';
}
