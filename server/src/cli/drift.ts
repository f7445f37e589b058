/**
 * `ppnet drift`'s work: one design compared with the deployed estate of the exports (files, folders,
 * standard input), as findings for the same formats `ppnet check` writes. The comparison is the
 * language service's (`drift`); here the reading, the config and the input findings.
 */
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { InputFinding, internalErrorDiagnostic } from '../service';
import { unreadableConfigDiagnostic } from '../files/configFiles';
import { inputDiagnostic } from '../files/deployedFiles';
import { readEstate } from './exports';
import type { CheckRun, FileResult } from './check';
import type { RunContext } from './command';
import { UsageError } from './errors';
import { collectInputs, configAnchor, readTopology, STDIN } from './inputs';

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
