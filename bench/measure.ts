/**
 * The measurements of one server on one file: open to diagnostics, edit to diagnostics at many places,
 * completion and hover latency, and peak memory. Both servers get exactly the same sequence.
 */
import { performance } from 'perf_hooks';
import type { Position } from 'vscode-languageserver-protocol';
import { Publication, ServerCommand, StdioLspClient } from '../test/lsp/stdioClient';

/** What the bench's client says it can do: pulled settings, versioned diagnostics, snippets, hover. */
export const CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } }, hover: {} },
};

export interface Plan {
  /** Times the file is opened (a fresh uri each time); the last one stays open for the rest. */
  opens: number;
  /** Measured edits (half break an enum value, half repair it), after `warmupEdits` unmeasured ones. */
  edits: number;
  warmupEdits: number;
  /** Edits that break the YAML (ppnet parses those versions in full), each followed by its repair. */
  syntaxEdits: number;
  /** Measured completion and hover requests each. */
  requests: number;
}

export interface ServerResult {
  openMs: number[];
  editMs: number[];
  syntaxEditMs: number[];
  completionMs: number[];
  hoverMs: number[];
  peakBytes: number;
  /** Diagnostics on the valid file (the baseline every repair returns to). */
  baselineDiagnostics: number;
}

/** Values of an enum in the schema: typing one character after them is a schema error for both servers. */
const ENUM_VALUE = /^ {4}(type: (?:production|sandbox)|internet: allowed|sku: standard|relay: expressroute|via: (?:microsoft-backbone|expressroute|internet))$/;
/** Keys whose value completion and hover can talk about. */
const FIELD = /^ {4}(type|region|site|environment|gateway|relay|via|internet|sku): \S/;

/** A small deterministic generator (mulberry32), so that every server sees the same places. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function linesMatching(text: string, pattern: RegExp): { line: number; text: string }[] {
  return text.split('\n').flatMap((line, index) => (pattern.test(line) ? [{ line: index, text: line }] : []));
}

function pick<T>(items: T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

export async function measureServer(command: ServerCommand, name: string, text: string, plan: Plan, seed: number): Promise<ServerResult> {
  const session = new StdioLspClient(command);
  try {
    await session.initialize(CAPABILITIES, true);
    if (Object.keys(command.settings).length) await session.settingsPulled();
    const uriFor = (k: number) => `file:///tmp/ppnet-bench/${name}-${k}.ppnet.yaml`;

    const openMs: number[] = [];
    let baseline = 0;
    for (let k = 0; k < plan.opens; k++) {
      const mark = session.mark();
      const start = performance.now();
      void session.open(uriFor(k), text);
      const published = await session.diagnosticsAfter(mark, uriFor(k), () => true);
      openMs.push(published.at - start);
      baseline = published.diagnostics.length;
      if (k < plan.opens - 1) void session.close(uriFor(k));
    }
    const uri = uriFor(plan.opens - 1);

    const random = seededRandom(seed);
    const places = linesMatching(text, ENUM_VALUE);
    const editMs: number[] = [];
    let version = 1;
    for (let i = 0; i < plan.warmupEdits + plan.edits; i += 2) {
      const place = pick(places, random);
      const end: Position = { line: place.line, character: place.text.length };
      const broken = await timedEdit(session, uri, ++version, { range: { start: end, end }, text: 'x' }, (p) => p.diagnostics.length > baseline);
      const after: Position = { line: place.line, character: place.text.length + 1 };
      const repaired = await timedEdit(session, uri, ++version, { range: { start: end, end: after }, text: '' }, (p) => p.diagnostics.length === baseline);
      if (i >= plan.warmupEdits) editMs.push(broken, repaired);
    }

    // `key: value: x` is a YAML error (a map in a compact map) for both servers.
    const syntaxEditMs: number[] = [];
    for (let i = 0; i < plan.syntaxEdits; i++) {
      const place = pick(places, random);
      const end: Position = { line: place.line, character: place.text.length };
      const after: Position = { line: place.line, character: place.text.length + 3 };
      // Only the breaking edit is timed: the repair is an ordinary edit again.
      syntaxEditMs.push(await timedEdit(session, uri, ++version, { range: { start: end, end }, text: ': x' }, (p) => p.diagnostics.length > baseline));
      await timedEdit(session, uri, ++version, { range: { start: end, end: after }, text: '' }, (p) => p.diagnostics.length === baseline);
    }

    const fields = linesMatching(text, FIELD);
    const completionMs: number[] = [];
    const hoverMs: number[] = [];
    if (session.supports('completionProvider')) {
      for (let i = 0; i < plan.requests; i++) {
        const place = pick(fields, random);
        const character = place.text.indexOf(': ') + 2;
        completionMs.push((await session.timedRequest('textDocument/completion', uri, { line: place.line, character })).ms);
      }
    }
    if (session.supports('hoverProvider')) {
      for (let i = 0; i < plan.requests; i++) {
        const place = pick(fields, random);
        hoverMs.push((await session.timedRequest('textDocument/hover', uri, { line: place.line, character: 5 })).ms);
      }
    }
    return { openMs, editMs, syntaxEditMs, completionMs, hoverMs, peakBytes: session.peakMemory(), baselineDiagnostics: baseline };
  } finally {
    await session.shutdown();
  }
}

/** One edit: the time from sending it to the arrival of the diagnostics of that version. */
async function timedEdit(
  session: StdioLspClient,
  uri: string,
  version: number,
  change: { range: { start: Position; end: Position }; text: string },
  accept: (p: Publication) => boolean,
): Promise<number> {
  const mark = session.mark();
  const start = performance.now();
  void session.change(uri, version, [change]);
  // Servers that send the version are matched on it; the others on the expected diagnostics.
  const published = await session.diagnosticsAfter(mark, uri, (p) => (p.version === undefined || p.version === version) && accept(p));
  return published.at - start;
}

/**
 * Opens a file with a schema error of each kind the edits make and returns the diagnostics' messages,
 * so that a server that is not really validating (a schema not loaded) is caught before its timings count.
 */
export async function schemaErrorsReported(command: ServerCommand, badText: string): Promise<string[]> {
  const session = new StdioLspClient(command);
  try {
    await session.initialize(CAPABILITIES, true);
    if (Object.keys(command.settings).length) await session.settingsPulled();
    const uri = 'file:///tmp/ppnet-bench/sanity.ppnet.yaml';
    const mark = session.mark();
    void session.open(uri, badText);
    const published = await session.diagnosticsAfter(mark, uri, () => true);
    return published.diagnostics.map((d) => d.message);
  } finally {
    await session.shutdown();
  }
}
