/**
 * `npm run bench`, its parts in one run:
 *
 * - editor: topologies of about 1,000, 10,000 and 50,000 lines, ppnet's language server and
 *   yaml-language-server side by side (validating the same file with `schemas/ppnet.schema.json`,
 *   schema store off), against one bare `yaml` parse of the same text;
 * - graph: `ppnet graph --format svg` beside `ppnet check` on generated files of 20, 60 and 300 units;
 * - typing: keystrokes as an editor sends them on the editor part's sizes, side by side: in a value, in a
 *   new key (the YAML broken until its `:`), and a completion and a hover right after such a keystroke (bench/typing.ts);
 * - preview: the 300-unit file opened in the preview and redrawn after one-line edits (bench/preview.ts);
 * - deployed: `ppnet import`'s reading and writing of generated estates of 100 and 1,000 circuits (bench/deployed.ts),
 *   and `ppnet drift` of what import wrote against the same estates (bench/drift.ts);
 * - hints: inlay hints and code lenses on the 10,000- and 50,000-line files (bench/hints.ts).
 *
 * Prints the tables and, when every part ran, writes them to `bench/RESULTS.md`.
 * `npm run bench -- typing 1000 10000` runs some parts (editor, typing, graph, preview, deployed, hints) and sizes only.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { parseDocument } from 'yaml';
import { generateTopology } from './generate';
import { measureServer, Plan, schemaErrorsReported } from './measure';
import { ServerCommand } from '../test/lsp/stdioClient';
import { median, SizeResult, table, targetList, targets, YLS_VALIDATION_DELAY_MS } from './report';
import { GraphCliResult, measureGraphCli } from './graphCli';
import { measurePreview, PreviewResult } from './preview';
import { graphTable, graphTargets, previewTable, previewTargets } from './previewReport';
import { generateUnits } from './generate';
import { measureTyping, TypingPlan, TypingSize, typingTable, typingTargets } from './typing';
import { DEPLOYED_SIZES, DeployedResult, deployedTable, measureDeployed } from './deployed';
import { DRIFT_SIZES, DriftResult, driftTable, measureDrift } from './drift';
import { HintsPlan, HintsResult, hintsTable, hintsTargets, measureHints } from './hints';

const ROOT = path.resolve(__dirname, '..', '..');

const TYPING_PLANS: Record<number, TypingPlan> = {
  1000: { values: 30, keys: 30, warmups: { values: 150, keys: 40 } },
  10000: { values: 20, keys: 20, warmups: { values: 20, keys: 10 } },
  50000: { values: 8, keys: 8, warmups: { values: 5, keys: 5 } },
};

const PLANS: Record<number, Plan> = {
  1000: { opens: 5, edits: 100, warmupEdits: 10, syntaxEdits: 10, requests: 50 },
  10000: { opens: 3, edits: 60, warmupEdits: 6, syntaxEdits: 6, requests: 40 },
  50000: { opens: 2, edits: 20, warmupEdits: 2, syntaxEdits: 3, requests: 20 },
};

const PPNET: ServerCommand = {
  script: path.join(ROOT, 'bin', 'ppnet-language-server.js'),
  args: ['--stdio'],
  settings: {},
  languageId: 'ppnet',
};

const YAML_LANGUAGE_SERVER: ServerCommand = {
  script: path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'),
  args: ['--stdio'],
  settings: {
    yaml: {
      schemas: { [pathToFileURL(path.join(ROOT, 'schemas', 'ppnet.schema.json')).toString()]: '*.ppnet.yaml' },
      schemaStore: { enable: false },
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
    },
    http: {},
    '[yaml]': {},
    editor: {},
    files: {},
  },
  languageId: 'yaml',
};

/** A file with one error of each kind the benchmark's edits make. */
const BAD_FILE = `version: 1
environments:
  prod:
    region: europe
    type: productionx
sites:
  hq:
    internet: allowedx
`;

function parseFloorMs(text: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    parseDocument(text);
    times.push(performance.now() - start);
  }
  return median(times);
}

const PARTS = ['editor', 'typing', 'graph', 'preview', 'deployed', 'hints'] as const;
type Part = (typeof PARTS)[number];
const GRAPH_UNITS = [20, 60, 300];
const GRAPH_RUNS = 3;
const PREVIEW_UNITS = 300;
const PREVIEW_PLAN = { opens: 7, edits: 20, warmupEdits: 3 };
const DEPLOYED_RUNS = 7;

const HINTS_PLANS: Record<number, HintsPlan> = { 1000: { requests: 40, edits: 20 }, 10000: { requests: 30, edits: 15 }, 50000: { requests: 10, edits: 6 } };
const HINTS_SIZES = [10000, 50000];

const loadAverage = () => os.loadavg()[0].toFixed(1);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const named = PARTS.filter((part) => args.includes(part));
  const parts: readonly Part[] = named.length ? named : PARTS;
  const requested = args.map(Number).filter((n) => n > 0);
  const sizes = requested.length ? requested : [1000, 10000, 50000];
  const loadBefore = loadAverage();
  const results = parts.includes('editor') ? await measureEditors(sizes) : [];
  const typing = parts.includes('typing') ? await measureTypingSizes(sizes) : [];

  const graphs: GraphCliResult[] = [];
  if (parts.includes('graph')) {
    for (const units of GRAPH_UNITS) {
      console.log(`\nppnet graph and ppnet check, ${units} units...`);
      graphs.push(measureGraphCli(ROOT, units, GRAPH_RUNS));
    }
    console.log(`\n${graphTable(graphs)}\n\n${targetList(graphTargets(graphs))}`);
  }

  let preview: PreviewResult | undefined;
  const previewText = generateUnits(PREVIEW_UNITS);
  const previewLines = previewText.split('\n').length - 1;
  if (parts.includes('preview')) {
    console.log(`\nthe preview, ${PREVIEW_UNITS} units...`);
    preview = await measurePreview(PPNET, previewText, PREVIEW_PLAN, PREVIEW_UNITS);
    console.log(`\n${previewTable(PREVIEW_UNITS, previewLines, preview)}\n\n${targetList(previewTargets(preview))}`);
  }
  let deployed: DeployedResult[] = [];
  let drift: DriftResult[] = [];
  if (parts.includes('deployed')) {
    console.log('\nppnet import of generated estates...');
    deployed = DEPLOYED_SIZES.map((circuits) => measureDeployed(circuits, DEPLOYED_RUNS));
    console.log(`\n${deployedTable(deployed)}\n`);
    console.log('ppnet drift of the designs import wrote against their estates...');
    drift = DRIFT_SIZES.map((circuits) => measureDrift(circuits, DEPLOYED_RUNS));
    console.log(`\n${driftTable(drift)}\n`);
  }
  const hints: HintsResult[] = [];
  if (parts.includes('hints')) {
    for (const lines of requested.length ? sizes : HINTS_SIZES) {
      console.log(`\ninlay hints and code lenses, ${lines} lines...`);
      hints.push(await measureHints(PPNET, generateTopology(lines), HINTS_PLANS[lines] ?? HINTS_PLANS[10000]));
    }
    console.log(`\n${hintsTable(hints)}\n\n${targetList(hintsTargets(hints))}`);
  }
  const loadAfter = loadAverage();

  if (parts.length < PARTS.length) {
    console.log('\nnot every part ran: bench/RESULTS.md is left as it was');
    return;
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${os.platform()}`;
  fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), report(results, typing, graphs, preview!, previewLines, machine, `${loadBefore} at the start, ${loadAfter} at the end`, deployed, drift, hints));
  console.log('written to bench/RESULTS.md');
}

async function measureEditors(sizes: number[]): Promise<SizeResult[]> {
  // yaml-language-server must really validate with our schema before its timings mean anything.
  const messages = await schemaErrorsReported(YAML_LANGUAGE_SERVER, BAD_FILE);
  if (messages.length < 2) throw new Error(`yaml-language-server does not apply the schema: ${JSON.stringify(messages)}`);
  console.log(`yaml-language-server applies the schema: ${messages.length} diagnostics on the bad file ("${messages[0]}")`);

  const results: SizeResult[] = [];
  for (const lines of sizes) {
    const plan = PLANS[lines] ?? PLANS[10000];
    const text = generateTopology(lines);
    const actualLines = text.split('\n').length - 1;
    console.log(`\n${actualLines} lines: ppnet...`);
    const ppnet = await measureServer(PPNET, `ppnet-${lines}`, text, plan, lines);
    console.log(`${actualLines} lines: yaml-language-server...`);
    const yls = await measureServer(YAML_LANGUAGE_SERVER, `yls-${lines}`, text, plan, lines);
    const parseMs = parseFloorMs(text, Math.max(3, Math.round(100_000 / actualLines)));
    if (ppnet.baselineDiagnostics || yls.baselineDiagnostics) {
      console.log(`note: diagnostics on the valid file: ppnet ${ppnet.baselineDiagnostics}, yaml-language-server ${yls.baselineDiagnostics}`);
    }
    results.push({ lines: actualLines, bytes: Buffer.byteLength(text), ppnet, yls, parseMs });
  }
  console.log(`\n${table(results)}\n`);
  const ten = tenThousand(results);
  if (ten) console.log(`${targetList(targets(ten))}\n`);
  return results;
}

async function measureTypingSizes(sizes: number[]): Promise<TypingSize[]> {
  const results: TypingSize[] = [];
  for (const lines of sizes) {
    const plan = TYPING_PLANS[lines] ?? TYPING_PLANS[10000];
    const text = generateTopology(lines);
    const actualLines = text.split('\n').length - 1;
    console.log(`\ntyping, ${actualLines} lines: ppnet...`);
    const ppnet = await measureTyping(PPNET, `ppnet-${lines}`, text, plan, lines);
    console.log(`typing, ${actualLines} lines: yaml-language-server...`);
    const yls = await measureTyping(YAML_LANGUAGE_SERVER, `yls-${lines}`, text, plan, lines);
    results.push({ lines: actualLines, bytes: Buffer.byteLength(text), ppnet, yls });
  }
  console.log(`\n${typingTable(results)}\n\n${targetList(typingTargets(results))}\n`);
  return results;
}

const tenThousand = (results: SizeResult[]) => results.find((r) => Math.abs(r.lines - 10000) < 500);

function report(
  results: SizeResult[],
  typing: TypingSize[],
  graphs: GraphCliResult[],
  preview: PreviewResult,
  previewLines: number,
  machine: string,
  load: string,
  deployed: DeployedResult[],
  drift: DriftResult[],
  hints: HintsResult[],
): string {
  const ten = tenThousand(results);
  return [
    '# Benchmark: ppnet language server vs yaml-language-server, the graph and the preview',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}; load average ${load}.`,
    'A shared, noisy machine: read medians and ratios, not single values.',
    '',
    '## Editor',
    '',
    table(results),
    '',
    '## Targets (10,000-line file, medians)',
    '',
    ten ? targetList(targets(ten)) : '(the 10,000-line size was not run)',
    '',
    '## How it is measured',
    '',
    '- Both servers run as separate processes over JSON-RPC on stdio and get the same generated, valid file',
    '  (`bench/generate.ts`) and the same sequence of requests (seeded places).',
    '- yaml-language-server 1.19.2 validates with `schemas/ppnet.schema.json` mapped by `yaml.schemas` to',
    '  `*.ppnet.yaml`, `yaml.schemaStore.enable: false`; the run first checks that it reports schema errors',
    '  on a bad file.',
    '- open → diagnostics: `didOpen` sent to diagnostics received, each open a fresh uri.',
    '- edit → diagnostics: one character typed after an enum value (a schema error for both servers), then',
    '  deleted, at random places all over the file; from `didChange` sent to the diagnostics of that change.',
    '- edit that breaks the YAML: `: x` typed after a value (a YAML error for both), timed, then deleted again.',
    '  ppnet re-parses only the broken region (the entity, proved not to reach the ones after it), as it',
    '  re-parses only the changed entity of YAML that parses cleanly.',
    `- yaml-language-server waits ${YLS_VALIDATION_DELAY_MS} ms after a change before validating (\`validationDelayMs\` in its`,
    '  code, not a setting); the row "without its delay" subtracts it, and the target compares with that.',
    '- completion / hover: on values and keys of fields at random places; "n/a" when a server does not offer it.',
    '- peak memory: VmHWM of the server process after all its measurements on that file.',
    '- one full `yaml` parse: `YAML.parseDocument` of the whole text in the benchmark process (median):',
    '  the floor that any edit handled by a full re-parse cannot beat.',
    '',
    '## Typing',
    '',
    typingTable(typing),
    '',
    targetList(typingTargets(typing)),
    '',
    ...TYPING_NOTES,
    '',
    '## The graph: `ppnet graph` beside `ppnet check`',
    '',
    graphTable(graphs),
    '',
    targetList(graphTargets(graphs)),
    '',
    '- Generated files of 20, 60 and 300 units (`generateUnits` in `bench/generate.ts`: each unit an environment,',
    '  a site, a circuit, a gateway, three connectors and a desktop flow). Both commands run as whole `node`',
    `  processes (${GRAPH_RUNS} runs each, alternated, so that a busy spell falls on both), wall time as a CI job sees it;`,
    '  peak memory is the process\'s peak resident set (`process.resourceUsage().maxRSS`, from `bench/peakMemory.ts`).',
    '',
    '## The preview',
    '',
    previewTable(PREVIEW_UNITS, previewLines, preview),
    '',
    targetList(previewTargets(preview)),
    '',
    '- Not in VS Code: driving a real VS Code for timings was impractical here (code-server in a browser adds',
    '  its own scheduling and cannot be timed from the edit). The bench runs the parts of the preview that do',
    '  the work: the real language server over stdio (`test/lsp/stdioClient.ts`), the extension\'s graph feed',
    '  (`client/src/preview/graphFeed.ts`, as the extension runs it, with its 50 ms coalescing delay) and the',
    '  webview\'s bundle (minified, as the `.vsix` ships it) in headless Chromium (the page and fake VS Code API of the webview tests), which lays out',
    '  in its workers and posts `drawn` once the frame with the drawing has been painted. VS Code\'s own hop from the',
    '  extension host to the webview is Playwright\'s `postMessage` of the same JSON here.',
    `- open: \`didOpen\` sent to the first \`drawn\` (the overview), ${PREVIEW_PLAN.opens} opens, each a fresh page and uri (the one before closed). The server`,
    '  answers a preview that holds nothing of a large file with its overview alone (`overviewFirst`); the page draws',
    '  it and asks for the graph (`wantGraph`), which the feed then posts; the second row times that graph\'s `drawn`.',
    `- redraw: ${PREVIEW_PLAN.edits} one-line edits (a character added to a \`name:\` at seeded places, after ${PREVIEW_PLAN.warmupEdits} unmeasured), from`,
    '  `didChange` sent to the `drawn` of that version; each edit is undone (unmeasured) before the next.',
    '- The row "as before the deltas" makes the same edits but asks for the whole graph (`GRAPH_REQUEST`) and',
    '  posts it whole, as the extension did before; the webview is today\'s in both rows.',
    '',
    '## Import of a deployed estate',
    '',
    deployedTable(deployed),
    '',
    `- In process, ${DEPLOYED_RUNS} runs per size after one unmeasured (medians): \`readDeployed\` parses and joins one Resource Graph-like export`,
    '  (`test/import/estate.ts`: per circuit its two peerings, route filter, connection, gateway, virtual network and an',
    '  environment); `importTopology` writes the topology. Reading from disk and decoding are not included.',
    '',
    '## Drift of a design from its deployed estate',
    '',
    driftTable(drift),
    '',
    `- In process, ${DEPLOYED_RUNS} runs per size after one unmeasured (medians): the design is what \`importTopology\` wrote of the`,
    '  same generated estate, so every entity is matched and every value compared (and nothing differs). "check (no',
    '  estate)" validates the design alone; "check with drift" validates it with the estate, the design\'s rules and the',
    '  drift rules together, as the editor does with a `deployed:` folder.',
    '',
    '## Inlay hints and code lenses',
    '',
    hintsTable(hints),
    '',
    targetList(hintsTargets(hints)),
    '',
    '- The generated files of the editor part, every part of the hints and the lenses on (the `ppnet` settings',
    '  section pulled by the client), over stdio (`bench/hints.ts`). One screen: 60 lines at seeded places.',
    '  Edit → code lenses: a character typed into a `name:` and the lenses asked for at once, so that the request',
    '  parses the edit and decides the flows of the new version; timed from `didChange` sent to the answer.',
    '',
  ].join('\n');
}

/** How the typing part is measured, as RESULTS.md says it. */
const TYPING_NOTES = [
  '- Both servers on the same generated file and seeded places, with incremental `didChange`, one character per change, as an editor',
  '  sends them; each keystroke waits for the diagnostics of its version (matched on content for yaml-language-server, which sends none).',
  `  Unmeasured rounds first, the same for both servers (value rounds, then key rounds): ${Object.entries(TYPING_PLANS).map(([lines, plan]) => `${plan.warmups.values} and ${plan.warmups.keys} at ${Number(lines).toLocaleString('en-US')} lines`).join(', ')}.`,
  '  A keystroke in a small file runs so little code that V8 optimizes it only after a few hundred keystrokes: the rows measure',
  '  typing once the code is compiled, and the row "while warming up" gives the value keystrokes of the warm-up rounds.',
  '- a value keystroke: `x` typed after an enum value, then deleted (a schema error for both, then none): both changes measured.',
  '- a key keystroke that breaks the YAML: on a fresh line in an entity, `c` (unmeasured), then `d` (measured): a key without its `:`,',
  '  a YAML error for both. Then `n` with a completion request sent right after it (its time from the change), and a backspace with a',
  '  hover request right after it; the line is then removed.',
  `- yaml-language-server waits ${YLS_VALIDATION_DELAY_MS} ms after a change before validating; its keystroke rows are also given without that delay,`,
  '  and the ratios use them. Completion and hover have no delay in either server.',
  '- peak memory: VmHWM of the server process after all its typing on that file.',
];

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

