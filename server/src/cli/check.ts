/**
 * Checking topology files from the command line: finds the files of the inputs (`inputs.ts`), checks
 * each with the run's language service and its nearest ppnet.config.yaml, and says which exit code the
 * findings give. `formats/` prints them.
 */
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { unreadableConfigDiagnostic } from '../files/configFiles';
import { FindingPlace, internalErrorDiagnostic, severityName } from '../service';
import type { RunContext } from './command';
import { UsageError } from './errors';
import { collectInputs, configAnchor, Input, NOT_CHECKED_CODES, readTopology, STDIN } from './inputs';

/** The findings of one file (a topology, a config, a path not read): what every findings format prints. */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /**
   * Where each diagnostic is by what it is on, in the same order (a topology's findings); absent for a
   * file that is not a topology. Fingerprints are made from it (formats/fingerprint.ts).
   */
  places?: FindingPlace[];
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
    throw new UsageError(`no *.ppnet.yaml or *.ppnet.yml file in ${args.join(', ')}${hint}`);
  }
  return inputs;
}

export function checkFiles(inputs: Input[], { service, configs }: Pick<RunContext, 'service' | 'configs'>): CheckRun {
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
    try {
      const diagnostics = service.validate(topology.document, { ruleLevels: config?.config.ruleLevels });
      results.push({ file: input.file, diagnostics, places: service.placeFindings(topology.document, diagnostics) });
    } catch (error) {
      results.push({ file: input.file, diagnostics: [{ ...internalErrorDiagnostic(error), severity: DiagnosticSeverity.Error }] });
    }
    service.forget(topology.document.uri);
  }
  return { results, read };
}

/** 0 no error, 1 an error found, 2 a path that was not read or not checked (the others are reported). */
export function exitCodeOf(results: FileResult[]): number {
  const all = results.flatMap((r) => r.diagnostics);
  if (all.some((d) => NOT_CHECKED_CODES.has(String(d.code)) && severityName(d.severity) === 'error')) return 2;
  return all.some((d) => severityName(d.severity) === 'error') ? 1 : 0;
}
