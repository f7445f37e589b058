/**
 * `npm run bench -- typing`: keystrokes as an editor sends them (incremental `didChange`, one
 * character each), ppnet's language server and yaml-language-server side by side on the same generated
 * file and the same places: a keystroke in a value (the YAML stays valid), a keystroke in a new key (the
 * YAML is broken until its `:` comes), and a completion and a hover sent right after such a keystroke.
 */
import { performance } from 'perf_hooks';
import type { Position } from 'vscode-languageserver-protocol';
import { ServerCommand, StdioLspClient } from '../test/lsp/stdioClient';
import { CAPABILITIES, seededRandom } from './measure';
import { mb, median, ms, percentile, YLS_VALIDATION_DELAY_MS } from './report';

export interface TypingPlan {
  /** Places where a value keystroke is typed and deleted (two measures each). */
  values: number;
  /** Places where a new key is typed (each gives one measured breaking keystroke, one completion and one hover). */
  keys: number;
  /**
   * Rounds typed first and not measured, until the server's code is compiled: more in a small file,
   * whose keystrokes each run so little code that V8 optimizes it only after a few hundred of them.
   * The key rounds come after the value rounds, which compiled most of what they run.
   */
  warmups: { values: number; keys: number };
}

export interface TypingResult {
  valueMs: number[];
  /** The value keystrokes of the warm-up rounds: the first seconds of typing. */
  warmupValueMs: number[];
  keyMs: number[];
  completionMs: number[];
  hoverMs: number[];
  peakBytes: number;
}

/** Enum values at an entity's field: one character after them is a schema error for both servers. */
const ENUM_VALUE = /^ {4}(type: (?:production|sandbox)|internet: allowed|sku: standard|relay: expressroute|via: (?:microsoft-backbone|expressroute|internet))$/;

export async function measureTyping(command: ServerCommand, name: string, text: string, plan: TypingPlan, seed: number): Promise<TypingResult> {
  const session = new StdioLspClient(command);
  try {
    await session.initialize(CAPABILITIES, true);
    if (Object.keys(command.settings).length) await session.settingsPulled();
    const uri = `file:///tmp/ppnet-bench/${name}-typing.ppnet.yaml`;
    let mark = session.mark();
    void session.open(uri, text);
    const baseline = (await session.diagnosticsAfter(mark, uri, () => true)).diagnostics.length;
    const lines = text.split('\n');
    const places = lines.flatMap((line, index) => (ENUM_VALUE.test(line) ? [{ line: index, length: line.length }] : []));
    const random = seededRandom(seed);
    const pick = () => places[Math.floor(random() * places.length)];
    let version = 1;

    /** Sends one change and waits for the diagnostics of its version (matched on content for a server that sends no version). */
    const edit = async (range: { start: Position; end: Position }, typed: string, accept: (count: number) => boolean, request?: () => Promise<unknown>) => {
      const at = ++version;
      mark = session.mark();
      const start = performance.now();
      void session.change(uri, at, [{ range, text: typed }]);
      // A request sent right after the keystroke, as an editor asks for completion while typing: its own time.
      const requestMs = request ? await request().then(() => performance.now() - start) : NaN;
      const published = await session.diagnosticsAfter(mark, uri, (p) => (p.version === undefined || p.version === at) && accept(p.diagnostics.length));
      return { diagnosticsMs: published.at - start, requestMs };
    };

    // Unmeasured keystrokes first, as the editor part warms up: the server's code gets compiled.
    const valueMs: number[] = [];
    const warmupValueMs: number[] = [];
    for (let i = 0; i < plan.values + plan.warmups.values; i++) {
      const place = pick();
      const end = { line: place.line, character: place.length };
      const typed = await edit({ start: end, end }, 'x', (count) => count > baseline);
      const deleted = await edit({ start: end, end: { line: place.line, character: place.length + 1 } }, '', (count) => count === baseline);
      (i >= plan.warmups.values ? valueMs : warmupValueMs).push(typed.diagnosticsMs, deleted.diagnosticsMs);
    }

    const keyMs: number[] = [];
    const completionMs: number[] = [];
    const hoverMs: number[] = [];
    for (let i = 0; i < plan.keys + plan.warmups.keys; i++) {
      const place = pick();
      const end = { line: place.line, character: place.length };
      const at = (character: number) => ({ line: place.line + 1, character });
      const broken = (count: number) => count > baseline;
      // A fresh line and the key's first character (unmeasured), as Enter and `c` are typed.
      await edit({ start: end, end }, '\n    c', broken);
      const second = await edit({ start: at(5), end: at(5) }, 'd', broken);
      const completion = () => session.request('textDocument/completion', { textDocument: { uri }, position: at(7) });
      const third = await edit({ start: at(6), end: at(6) }, 'n', broken, completion);
      const hover = () => session.request('textDocument/hover', { textDocument: { uri }, position: { line: place.line, character: 5 } });
      const backspace = await edit({ start: at(6), end: at(7) }, '', broken, hover);
      await edit({ start: end, end: at(6) }, '', (count) => count === baseline);
      if (i >= plan.warmups.keys) {
        keyMs.push(second.diagnosticsMs);
        completionMs.push(third.requestMs);
        hoverMs.push(backspace.requestMs);
      }
    }
    return { valueMs, warmupValueMs, keyMs, completionMs, hoverMs, peakBytes: session.peakMemory() };
  } finally {
    await session.shutdown();
  }
}

export interface TypingSize {
  lines: number;
  bytes: number;
  ppnet: TypingResult;
  yls: TypingResult;
}

/** The side-by-side table: yaml-language-server's keystrokes also without its 200 ms delay, which the ratio uses. */
export function typingTable(sizes: TypingSize[]): string {
  const rows = [
    '| file | measure | ppnet median | ppnet p95 | yaml-language-server median | p95 | yaml-language-server without its delay, median | ratio (median) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const size of sizes) {
    const { ppnet, yls } = size;
    const measures: [string, number[], number[], boolean][] = [
      ['a value keystroke → diagnostics', ppnet.valueMs, yls.valueMs, true],
      ['a key keystroke that breaks the YAML → diagnostics', ppnet.keyMs, yls.keyMs, true],
      ['completion right after a breaking keystroke', ppnet.completionMs, yls.completionMs, false],
      ['hover right after a breaking keystroke', ppnet.hoverMs, yls.hoverMs, false],
    ];
    measures.forEach(([measure, ours, theirs, delayed], index) => {
      const file = index === 0 ? `${size.lines.toLocaleString('en-US')} lines (${(size.bytes / 1024).toFixed(0)} KB)` : '';
      const theirsNet = delayed ? median(theirs) - YLS_VALIDATION_DELAY_MS : median(theirs);
      rows.push(
        `| ${file} | ${measure} | ${ms(median(ours))} | ${ms(percentile(ours, 95))} | ${ms(median(theirs))} | ${ms(percentile(theirs, 95))} | ${delayed ? ms(theirsNet) : ''} | ${ratio(theirsNet, median(ours))} |`,
      );
    });
    const [coldOurs, coldTheirs] = [ppnet.warmupValueMs, yls.warmupValueMs];
    rows.push(
      `|  | a value keystroke while warming up (the first ${coldOurs.length}; not a target) | ${ms(median(coldOurs))} | ${ms(percentile(coldOurs, 95))} | ${ms(median(coldTheirs))} | ${ms(percentile(coldTheirs, 95))} | ${ms(median(coldTheirs) - YLS_VALIDATION_DELAY_MS)} | ${ratio(median(coldTheirs) - YLS_VALIDATION_DELAY_MS, median(coldOurs))} |`,
    );
    rows.push(`|  | breaking / value keystroke (ppnet) | ${ratio(median(ppnet.keyMs), median(ppnet.valueMs))} |  |  |  |  |  |`);
    rows.push(`|  | peak memory (VmHWM) | ${mb(ppnet.peakBytes)} |  | ${mb(yls.peakBytes)} |  |  | ${ratio(yls.peakBytes, ppnet.peakBytes)} |`);
  }
  return rows.join('\n');
}

function ratio(a: number, b: number): string {
  return Number.isNaN(a) || Number.isNaN(b) || b <= 0 ? 'n/a' : `${(a / b).toFixed(1)}x`;
}

/** The targets, on medians: breaking ≤ 2x valid at 10k and 50k, requests < 16 ms at 10k, each row ≥ 10x ahead. */
export function typingTargets(sizes: TypingSize[]): { description: string; met: boolean; detail: string }[] {
  const targets: { description: string; met: boolean; detail: string }[] = [];
  for (const size of sizes) {
    const { ppnet, yls } = size;
    const lines = size.lines.toLocaleString('en-US');
    if (size.lines >= 9000) {
      const [key, value] = [median(ppnet.keyMs), median(ppnet.valueMs)];
      targets.push({ description: `${lines} lines: a breaking keystroke at most 2x a valid one`, met: key <= 2 * value, detail: `${ms(key)} vs ${ms(value)}: ${ratio(key, value)}` });
    }
    if (Math.abs(size.lines - 10000) < 1000) {
      for (const [what, values] of [['completion', ppnet.completionMs], ['hover', ppnet.hoverMs]] as const) {
        targets.push({ description: `${lines} lines: ${what} right after a keystroke under 16 ms`, met: median(values) < 16, detail: ms(median(values)) });
      }
    }
    const rows: [string, number, number][] = [
      ['value keystroke', median(ppnet.valueMs), median(yls.valueMs) - YLS_VALIDATION_DELAY_MS],
      ['breaking keystroke', median(ppnet.keyMs), median(yls.keyMs) - YLS_VALIDATION_DELAY_MS],
      ['completion', median(ppnet.completionMs), median(yls.completionMs)],
      ['hover', median(ppnet.hoverMs), median(yls.hoverMs)],
    ];
    for (const [what, ours, theirs] of rows) {
      targets.push({ description: `${lines} lines: ${what} at least 10x ahead of yaml-language-server`, met: theirs >= 10 * ours, detail: `${ms(ours)} vs ${ms(theirs)}: ${ratio(theirs, ours)}` });
    }
    targets.push({ description: `${lines} lines: peak memory below yaml-language-server's`, met: ppnet.peakBytes < yls.peakBytes, detail: `${mb(ppnet.peakBytes)} vs ${mb(yls.peakBytes)}` });
  }
  return targets;
}
