/**
 * `ppnet drift`'s work: one design compared with the deployed estate of the exports (files, folders,
 * standard input), as findings for the same formats `ppnet check` writes. The comparison is the
 * language service's (`drift`); here the reading, the config and the input findings.
 */
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { DeployedEstate, DeployedInput, InputFinding, internalErrorDiagnostic, readDeployed } from '../service';
import { unreadableConfigDiagnostic } from '../files/configFiles';
import { inputDiagnostic, readExport } from '../files/deployedFiles';
import type { CheckRun, FileResult } from './check';
import type { RunContext } from './command';
import { UsageError } from './errors';
import { collectInputs, configAnchor, readTopology, STDIN, STDIN_NAME } from './inputs';

const EXPORT_FILE = /\.json$/i;

/**
 * The estate of the deployed arguments (folders walked for `*.json` as `ppnet import` walks them), with
 * the findings of paths that could not be read.
 */
export function readEstate(args: readonly string[]): { estate: DeployedEstate; read: string[] } {
  const { inputs: collected, skipped } = collectInputs([...args], EXPORT_FILE);
  if (collected.length === 0) {
    const hint = skipped.length ? ` (not searched: ${skipped.join(', ')}; name a hidden or node_modules folder to read it)` : '';
    throw new UsageError(`no *.json file in ${args.join(', ')}${hint}`);
  }
  const inputs: DeployedInput[] = [];
  const findings: InputFinding[] = [];
  const read: string[] = [];
  for (const entry of collected) {
    if (entry.kind === 'problem') {
      findings.push({ code: 'import-unreadable', severity: 'error', file: entry.problem.file, message: `${entry.problem.file} is not read: ${entry.problem.diagnostic.message}` });
      continue;
    }
    const { file, real } = entry.input;
    read.push(real === STDIN ? STDIN : file);
    const export_ = readExport(real === STDIN ? STDIN : file, real === STDIN ? STDIN_NAME : file);
    if ('finding' in export_) findings.push(export_.finding);
    else inputs.push(export_.input);
  }
  const estate = readDeployed(inputs);
  estate.findings.push(...findings);
  return { estate, read };
}

/** Each input file's findings, one result per file in the order of the files. */
export function inputResults(findings: readonly InputFinding[]): FileResult[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(inputDiagnostic(finding));
    byFile.set(finding.file, list);
  }
  return [...byFile].map(([file, diagnostics]) => ({ file, diagnostics }));
}

/** The design's drift from the estate of `deployed`, and every input's finding, as `ppnet check` reports findings. */
export function driftRun(design: string, deployed: readonly string[], { service, configs }: Pick<RunContext, 'service' | 'configs'>): CheckRun {
  if (deployed.filter((arg) => arg === STDIN).length + (design === STDIN ? 1 : 0) > 1) throw new UsageError('standard input (-) can be read once: give the design or one export as -');
  const { inputs } = collectInputs([design]);
  const entry = inputs[0];
  if (inputs.length !== 1 || entry.kind !== 'file') {
    if (entry?.kind === 'problem') return { results: [{ file: entry.problem.file, diagnostics: [entry.problem.diagnostic] }], read: [] };
    throw new UsageError(`drift compares one design file, but ${design} ${inputs.length ? `holds ${inputs.length} topology files` : 'holds no *.ppnet.yaml file'}: name the one to compare`);
  }
  const { input } = entry;
  const results: FileResult[] = [];
  const read: string[] = [];
  const config = configs.forFile(configAnchor(input));
  if (config) {
    const configFile = path.relative(process.cwd(), config.path) || config.path;
    read.push(configFile);
    const diagnostics = config.unreadable ? [unreadableConfigDiagnostic(config, 'config')] : config.diagnostics;
    if (diagnostics.length) results.push({ file: configFile, diagnostics });
  }
  read.push(input.real === STDIN ? STDIN : input.file);
  const topology = readTopology(input);
  const { estate, read: exports } = readEstate(deployed);
  read.push(...exports);
  if ('diagnostic' in topology) {
    results.push({ file: input.file, diagnostics: [topology.diagnostic] });
  } else {
    try {
      const diagnostics = service.drift(topology.document, estate, { ruleLevels: config?.config.ruleLevels });
      results.push({ file: input.file, diagnostics, places: service.placeFindings(topology.document, diagnostics) });
    } catch (error) {
      results.push({ file: input.file, diagnostics: [{ ...internalErrorDiagnostic(error), severity: DiagnosticSeverity.Error }] });
    }
    service.forget(topology.document.uri);
  }
  results.push(...inputResults(estate.findings));
  return { results, read };
}
