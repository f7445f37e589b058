/** The graph and preview sections of bench/RESULTS.md: tables and targets, as Markdown. */
import type { GraphCliResult } from './graphCli';
import type { PreviewResult } from './preview';
import { mb, median, ms, percentile, Target } from './report';

/** `ppnet graph` may take at most this many times what `ppnet check` takes on the same file. */
export const GRAPH_CHECK_RATIO = 3;
export const GRAPH_MEMORY_LIMIT = 500 * 1024 * 1024;
export const PREVIEW_OPEN_TARGET_MS = 2000;
export const PREVIEW_REDRAW_TARGET_MS = 300;

const ratioOf = (result: GraphCliResult) => median(result.graph.ms) / median(result.check.ms);

export function graphTable(results: GraphCliResult[]): string {
  const lines = [
    '| file | `ppnet check` (median) | `ppnet graph --format svg` (median) | graph / check | check peak memory | graph peak memory |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.units} units (${r.lines.toLocaleString('en-US')} lines) | ${ms(median(r.check.ms))} | ${ms(median(r.graph.ms))} | ${ratioOf(r).toFixed(2)}x | ${mb(r.check.peakBytes)} | ${mb(r.graph.peakBytes)} |`,
    );
  }
  return lines.join('\n');
}

export function previewTable(units: number, lines: number, r: PreviewResult): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    '| file | measure | median | p95 | runs |',
    '| --- | --- | ---: | ---: | ---: |',
    `| ${units} units (${lines.toLocaleString('en-US')} lines) | open → drawn (the overview, ${r.drawnNodes} nodes) | ${ms(median(r.openMs))} | ${ms(percentile(r.openMs, 95))} | ${r.openMs.length} |`,
    `| | open → the graph drawn behind the overview (flows listed; search, focus and matrix ready) | ${ms(median(r.openWholeMs))} | ${ms(percentile(r.openWholeMs, 95))} | ${r.openWholeMs.length} |`,
    `| | posted to the webview on opening: the overview, then the graph | ${kb(r.openingBytes)}, then ${kb(r.openingWholeBytes)} | | |`,
    `| | one-line edit → drawn | ${ms(median(r.redrawMs))} | ${ms(percentile(r.redrawMs, 95))} | ${r.redrawMs.length} |`,
    `| | one-line edit → drawn, the whole graph asked and posted each time (as before the deltas) | ${ms(median(r.wholeGraphRedrawMs))} | ${ms(percentile(r.wholeGraphRedrawMs, 95))} | ${r.wholeGraphRedrawMs.length} |`,
    `| | posted to the webview after an edit: delta / whole graph | ${kb(median(r.deltaBytes))} / ${kb(median(r.wholeBytes))} | | |`,
  ].join('\n');
}

export function graphTargets(results: GraphCliResult[]): Target[] {
  return results
    .filter((r) => r.units >= 60)
    .flatMap((r) => [
      {
        description: `\`ppnet graph\` within ${GRAPH_CHECK_RATIO}x of \`ppnet check\` at ${r.units} units`,
        met: ratioOf(r) <= GRAPH_CHECK_RATIO,
        detail: `${ms(median(r.graph.ms))} vs ${ms(median(r.check.ms))}: ${ratioOf(r).toFixed(2)}x`,
      },
      { description: `\`ppnet graph\` under 500 MB at ${r.units} units`, met: r.graph.peakBytes < GRAPH_MEMORY_LIMIT, detail: mb(r.graph.peakBytes) },
    ]);
}

export function previewTargets(r: PreviewResult): Target[] {
  const open = median(r.openMs);
  const redraw = median(r.redrawMs);
  return [
    { description: `the 300-unit file opens in the preview (to the overview) under ${PREVIEW_OPEN_TARGET_MS / 1000} s`, met: open < PREVIEW_OPEN_TARGET_MS, detail: ms(open) },
    { description: `redraw after a one-line edit under ${PREVIEW_REDRAW_TARGET_MS} ms`, met: redraw < PREVIEW_REDRAW_TARGET_MS, detail: ms(redraw) },
  ];
}
