/** Statistics and the side-by-side table of the benchmark, as Markdown. */
import { ServerResult } from './measure';

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface SizeResult {
  lines: number;
  bytes: number;
  ppnet: ServerResult;
  yls: ServerResult;
  /** Median time of one `YAML.parseDocument` of the whole text. */
  parseMs: number;
}

/** yaml-language-server waits this long after a change before it validates (`validationDelayMs`, not a setting). */
export const YLS_VALIDATION_DELAY_MS = 200;

export function ms(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function ratio(theirs: number, ours: number): string {
  if (Number.isNaN(theirs) || Number.isNaN(ours) || ours <= 0) return 'n/a';
  return `${(theirs / ours).toFixed(1)}x`;
}

interface Row {
  measure: string;
  ours: number;
  theirs: number;
  parse?: number;
  format: (value: number) => string;
}

function rowsOf(size: SizeResult): Row[] {
  const { ppnet, yls } = size;
  return [
    { measure: 'open → diagnostics (median)', ours: median(ppnet.openMs), theirs: median(yls.openMs), parse: size.parseMs, format: ms },
    { measure: 'edit → diagnostics (median)', ours: median(ppnet.editMs), theirs: median(yls.editMs), parse: size.parseMs, format: ms },
    { measure: 'edit → diagnostics (p95)', ours: percentile(ppnet.editMs, 95), theirs: percentile(yls.editMs, 95), format: ms },
    {
      measure: `edit → diagnostics (median), yaml-language-server without its ${YLS_VALIDATION_DELAY_MS} ms delay`,
      ours: median(ppnet.editMs),
      theirs: median(yls.editMs) - YLS_VALIDATION_DELAY_MS,
      format: ms,
    },
    {
      measure: 'edit that breaks the YAML → diagnostics (median)',
      ours: median(ppnet.syntaxEditMs),
      theirs: median(yls.syntaxEditMs),
      parse: size.parseMs,
      format: ms,
    },
    { measure: 'completion (median)', ours: median(ppnet.completionMs), theirs: median(yls.completionMs), format: ms },
    { measure: 'completion (p95)', ours: percentile(ppnet.completionMs, 95), theirs: percentile(yls.completionMs, 95), format: ms },
    { measure: 'hover (median)', ours: median(ppnet.hoverMs), theirs: median(yls.hoverMs), format: ms },
    { measure: 'hover (p95)', ours: percentile(ppnet.hoverMs, 95), theirs: percentile(yls.hoverMs, 95), format: ms },
    { measure: 'peak memory (VmHWM)', ours: ppnet.peakBytes, theirs: yls.peakBytes, format: mb },
  ];
}

export function table(sizes: SizeResult[]): string {
  const lines = [
    '| file | measure | ppnet | yaml-language-server | yaml-language-server / ppnet | one full `yaml` parse |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const size of sizes) {
    rowsOf(size).forEach((row, index) => {
      const file = index === 0 ? `${size.lines.toLocaleString('en-US')} lines (${(size.bytes / 1024).toFixed(0)} KB)` : '';
      const parse = row.parse === undefined ? '' : ms(row.parse);
      lines.push(`| ${file} | ${row.measure} | ${row.format(row.ours)} | ${row.format(row.theirs)} | ${ratio(row.theirs, row.ours)} | ${parse} |`);
    });
  }
  return lines.join('\n');
}

export interface Target {
  description: string;
  met: boolean;
  detail: string;
}

/** The targets of the issue, judged on the medians of the 10,000-line file. */
export function targets(size: SizeResult): Target[] {
  const { ppnet, yls } = size;
  const edit = median(ppnet.editMs);
  const theirEdit = median(yls.editMs) - YLS_VALIDATION_DELAY_MS;
  const completion = median(ppnet.completionMs);
  const hover = median(ppnet.hoverMs);
  return [
    {
      description: `edit → diagnostics at least 5x faster than yaml-language-server (its time without the ${YLS_VALIDATION_DELAY_MS} ms delay)`,
      met: edit * 5 <= theirEdit,
      detail: `${ms(edit)} vs ${ms(theirEdit)}: ${ratio(theirEdit, edit)}`,
    },
    {
      description: 'edit → diagnostics below one full `yaml` parse of the file',
      met: edit < size.parseMs,
      detail: `${ms(edit)} vs ${ms(size.parseMs)}`,
    },
    {
      description: 'completion under 20 ms',
      met: completion < 20,
      detail: ppnet.completionMs.length ? ms(completion) : 'the server does not offer completion yet',
    },
    { description: 'hover under 20 ms', met: hover < 20, detail: ppnet.hoverMs.length ? ms(hover) : 'the server does not offer hover yet' },
    {
      description: "peak memory under half of yaml-language-server's",
      met: ppnet.peakBytes * 2 < yls.peakBytes,
      detail: `${mb(ppnet.peakBytes)} vs ${mb(yls.peakBytes)}`,
    },
  ];
}

export function targetList(list: Target[]): string {
  return list.map((t) => `- ${t.met ? 'met' : 'NOT MET'}: ${t.description}: ${t.detail}`).join('\n');
}
