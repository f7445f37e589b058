/**
 * `npm run bench -- hints`: inlay hints and code lenses on the generated topologies, every part on,
 * over stdio as an editor asks for them: hints for one screen (60 lines) at seeded places, hints for
 * the whole file (a client that asks for everything), the code lenses of the whole file, and the code
 * lenses asked for right after a one-character edit (the server parses the edit and decides the flows
 * of the new version inside that request, as an editor asking at once makes it do).
 */
import { performance } from 'perf_hooks';
import type { CodeLens, InlayHint } from 'vscode-languageserver-types';
import { ServerCommand, StdioLspClient } from '../test/lsp/stdioClient';
import { seededRandom } from './measure';
import { median, ms, percentile, Target } from './report';

const CAPABILITIES = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } };
const ALL_ON = { inlayHints: { communities: true, environmentRegions: true, peeringLocations: true, subnetAddresses: true }, codeLens: { enabled: true } };
const SCREEN_LINES = 60;

export interface HintsPlan {
  /** Measured requests of each kind (after a few unmeasured ones). */
  requests: number;
  /** Measured edits followed at once by a code lens request. */
  edits: number;
}

export interface HintsResult {
  lines: number;
  screenHintsMs: number[];
  /** Hints on one screen, as many as the screens hold on average. */
  hintsPerScreen: number;
  wholeHintsMs: number[];
  wholeHints: number;
  lensesMs: number[];
  lenses: number;
  editLensesMs: number[];
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

export async function measureHints(command: ServerCommand, text: string, plan: HintsPlan): Promise<HintsResult> {
  const client = new StdioLspClient({ ...command, settings: { ppnet: ALL_ON } });
  const lines = text.split('\n').length - 1;
  const uri = `file:///bench/hints-${lines}.ppnet.yaml`;
  try {
    await client.initialize(CAPABILITIES);
    await client.settingsPulled();
    await client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1, 120_000);
    const random = seededRandom(lines);
    const hintsIn = (start: number, end: number) =>
      client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } } });
    const lensesOf = () => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const warmup = 3;

    const screenHintsMs: number[] = [];
    let screenHints = 0;
    for (let i = 0; i < warmup + plan.requests; i++) {
      const start = Math.floor(random() * Math.max(1, lines - SCREEN_LINES));
      const { value, ms } = await timed(() => hintsIn(start, start + SCREEN_LINES));
      if (i < warmup) continue;
      screenHintsMs.push(ms);
      screenHints += value.length;
    }
    const wholeHintsMs: number[] = [];
    const lensesMs: number[] = [];
    let wholeHints = 0;
    let lenses = 0;
    for (let i = 0; i < warmup + plan.requests; i++) {
      const whole = await timed(() => hintsIn(0, lines + 1));
      const lensed = await timed(lensesOf);
      if (i < warmup) continue;
      wholeHintsMs.push(whole.ms);
      wholeHints = whole.value.length;
      lensesMs.push(lensed.ms);
      lenses = lensed.value.length;
    }

    // A character typed into a name (and deleted by the next edit), the lenses asked for at once.
    const names = text.split('\n').flatMap((line, index) => (/^ {4}name: /.test(line) ? [{ line: index, character: line.length }] : []));
    const editLensesMs: number[] = [];
    let version = 1;
    for (let i = 0; i < plan.edits; i++) {
      const at = names[Math.floor(random() * names.length)];
      version++;
      const { ms } = await timed(async () => {
        await client.change(uri, version, [{ range: { start: at, end: at }, text: 'x' }]);
        return lensesOf();
      });
      editLensesMs.push(ms);
      version++;
      await client.change(uri, version, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
      await client.diagnostics(uri, (p) => p.version === version, 120_000);
    }
    return { lines, screenHintsMs, hintsPerScreen: screenHints / plan.requests, wholeHintsMs, wholeHints, lensesMs, lenses, editLensesMs };
  } finally {
    await client.shutdown();
  }
}

export function hintsTable(results: HintsResult[]): string {
  const rows: [string, (r: HintsResult) => string][] = [
    [`inlay hints, one screen (${SCREEN_LINES} lines), median`, (r) => `${ms(median(r.screenHintsMs))} (${r.hintsPerScreen.toFixed(0)} hints)`],
    [`inlay hints, one screen, p95`, (r) => ms(percentile(r.screenHintsMs, 95))],
    ['inlay hints, whole file, median', (r) => `${ms(median(r.wholeHintsMs))} (${r.wholeHints} hints)`],
    ['code lenses, whole file, median', (r) => `${ms(median(r.lensesMs))} (${r.lenses} lenses)`],
    ['edit → code lenses of the new version, median', (r) => ms(median(r.editLensesMs))],
    ['edit → code lenses of the new version, p95', (r) => ms(percentile(r.editLensesMs, 95))],
  ];
  return [
    `| measure (every part on, over stdio) | ${results.map((r) => `${r.lines.toLocaleString('en-US')} lines`).join(' | ')} |`,
    `| --- | ${results.map(() => '---').join(' | ')} |`,
    ...rows.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** The target: hints and lenses of the 10,000-line file under 20 ms (medians). */
export function hintsTargets(results: HintsResult[]): Target[] {
  const ten = results.find((r) => Math.abs(r.lines - 10000) < 500);
  if (!ten) return [];
  const target = (description: string, values: number[]): Target => ({ description, met: median(values) < 20, detail: `${ms(median(values))} median` });
  return [
    target('inlay hints of one screen at 10,000 lines under 20 ms', ten.screenHintsMs),
    target('inlay hints of the whole 10,000-line file under 20 ms', ten.wholeHintsMs),
    target('code lenses at 10,000 lines under 20 ms', ten.lensesMs),
  ];
}
