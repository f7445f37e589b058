/**
 * The reports one run writes: each `--format` with the `-o` given after it (before the next
 * `--format`), so that `--format sarif -o a.sarif --format junit -o b.xml --format github` writes two
 * files and prints the annotations from one check. An `-o` given before any `--format` belongs to the
 * first (`-o out.json --format json`). At most one report goes to standard output, and no two to one file.
 */
import * as path from 'path';
import type { FileResult } from './check';
import type { RunContext } from './command';
import { UsageError } from './errors';
import { FindingsFormat, ReportContext } from './formats';
import type { Args } from './options';
import { deliver, refuseOverwrite, toFile } from './output';

export interface ReportRequest {
  format: string;
  /** The file, or standard output when absent. */
  output?: string;
}

export function reportRequests(args: Args, defaultFormat: string): ReportRequest[] {
  const requests: ReportRequest[] = [];
  let early: string | undefined;
  const setOutput = (request: ReportRequest, output: string) => {
    if (request.output !== undefined) throw new UsageError(`--format ${request.format} has two -o files, ${request.output} and ${output}: give it one`);
    request.output = output;
  };
  for (const { name, value } of args.given) {
    if (typeof value !== 'string') continue;
    if (name === '--format') requests.push({ format: value });
    else if (name === '--output' && requests.length) setOutput(requests[requests.length - 1], value);
    else if (name === '--output') {
      if (early !== undefined) throw new UsageError(`two -o files before any --format, ${early} and ${value}: put each after its --format`);
      early = value;
    }
  }
  if (requests.length === 0) requests.push({ format: defaultFormat });
  if (early !== undefined) setOutput(requests[0], early);
  const printed = requests.filter((r) => !toFile(r.output));
  if (printed.length > 1) {
    throw new UsageError(`${printed.map((r) => `--format ${r.format}`).join(' and ')} would all go to standard output: give all but one of them an -o file`);
  }
  const files = new Map<string, string>();
  for (const request of requests.filter((r) => toFile(r.output))) {
    const resolved = path.resolve(request.output!);
    const other = files.get(resolved);
    if (other !== undefined) throw new UsageError(`--format ${other} and --format ${request.format} would both write ${request.output}: give each its own -o file`);
    files.set(resolved, request.format);
  }
  return requests;
}

/** Writes each report (never over a file the run read) and says its warnings on standard error. */
export function deliverReports(
  context: RunContext,
  requests: readonly ReportRequest[],
  formats: Readonly<Record<string, FindingsFormat>>,
  results: readonly FileResult[],
  read: readonly string[],
  report: ReportContext,
): void {
  // Every output refused before any is written: no half-written set of reports.
  for (const request of requests) if (toFile(request.output)) refuseOverwrite(request.output, read);
  for (const request of requests) {
    const format = formats[request.format];
    deliver(context, request.output, format.render(results, report), read);
    for (const warning of format.warnings?.(results) ?? []) context.err(`ppnet: ${warning}\n`);
  }
}

/** "the report", "ppnet.sarif" or "a.sarif and b.xml": where a run's reports went, for a message. */
export function whereReportsGo(requests: readonly ReportRequest[]): string {
  const files = requests.filter((r) => toFile(r.output)).map((r) => r.output!);
  if (files.length === 0 || files.length < requests.length) return 'the report';
  return files.length === 1 ? files[0] : `${files.slice(0, -1).join(', ')} and ${files[files.length - 1]}`;
}
