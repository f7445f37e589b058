/**
 * The `ppnet` command line: `ppnet check <file|folder>... [--format text|json|sarif]` and `ppnet graph`.
 * Exit codes: 0 no error found, 1 an error found, 2 bad usage or an unreadable file.
 */
import { severityName } from '../service';
import { checkFiles, collectFiles, formatJson, formatText, readText, UsageError } from './check';
import { graphOfFile, isGraphFormat, isThemeKind, renderGraph, viewOfGraph, writeOutput } from './graph';
import { toSarif } from './sarif';
import type { ThemeKind } from '../diagram/theme';

const USAGE = `Usage:
  ppnet check <file|folder>... [--format text|json|sarif]
  ppnet graph <file> [--format svg|mermaid|json] [--theme light|dark|high-contrast|high-contrast-light] [--focus <id>] [--collapse] [-o out]
  ppnet --help | --version

check: a folder means every *.ppnet.yaml and *.ppnet.yml below it.
Exit codes: 0 no error found, 1 an error was found, 2 bad usage or a file that cannot be read.
graph: draws the preview's diagram (default SVG) to standard output or to the -o file; exit 0 when drawn.`;

function parseArgs(argv: string[], defaultFormat = 'text'): { command: string; inputs: string[]; format: string; output?: string; theme?: string; focus?: string; collapse?: boolean } {
  const [command, ...rest] = argv;
  const inputs: string[] = [];
  let format = defaultFormat;
  let output: string | undefined;
  let theme: string | undefined;
  let focus: string | undefined;
  let collapse: boolean | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg === '-f') format = rest[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '-o' || arg === '--output') output = rest[++i];
    else if (command === 'graph' && arg === '--theme') theme = rest[++i] ?? '';
    else if (command === 'graph' && arg.startsWith('--theme=')) theme = arg.slice('--theme='.length);
    else if (command === 'graph' && arg === '--focus') focus = rest[++i] ?? '';
    else if (command === 'graph' && arg.startsWith('--focus=')) focus = arg.slice('--focus='.length);
    else if (command === 'graph' && arg === '--collapse') collapse = true;
    else if (arg.startsWith('-')) throw new UsageError(`ppnet: unknown option ${arg}\n\n${USAGE}`);
    else inputs.push(arg);
  }
  return { command, inputs, format, output, theme, focus, collapse };
}

/** `ppnet graph`: the diagram of one file; asynchronous because the layout is. */
async function graphCommand(argv: string[], out: (text: string) => void): Promise<number> {
  const args = parseArgs(argv, 'svg');
  if (!isGraphFormat(args.format)) throw new UsageError(`ppnet: --format must be svg, mermaid or json, not "${args.format}"`);
  if (args.theme !== undefined && !isThemeKind(args.theme)) {
    throw new UsageError(`ppnet: --theme must be light, dark, high-contrast or high-contrast-light, not "${args.theme}"`);
  }
  if (args.inputs.length !== 1) throw new UsageError(`ppnet: graph needs exactly one file\n\n${USAGE}`);
  const [file] = args.inputs;
  if (args.output === '') throw new UsageError('ppnet: -o needs a file name');
  if (args.focus === '') throw new UsageError('ppnet: --focus needs a node id (site:hq) or an entity id (hq)');
  const graph = viewOfGraph(graphOfFile(file, readText(file)), { focus: args.focus, collapse: args.collapse });
  const content = await renderGraph(graph, args.format, args.theme as ThemeKind | undefined);
  if (args.output === undefined) {
    out(content);
    return 0;
  }
  const failure = writeOutput(args.output, content);
  if (failure) throw new UsageError(failure);
  return 0;
}

function reportFailure(error: unknown, err: (text: string) => void): number {
  if (error instanceof UsageError) {
    err(error.message + '\n');
    return 2;
  }
  err(`ppnet: internal error: ${(error as Error).stack ?? String(error)}\n`);
  return 2;
}

/** Every command; `run` alone serves the synchronous ones (`check`, help, version). */
export async function main(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (argv[0] !== 'graph') return run(argv, out, err);
  try {
    return await graphCommand(argv, out);
  } catch (error) {
    return reportFailure(error, err);
  }
}

export function run(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      out(USAGE + '\n');
      return argv.length === 0 ? 2 : 0;
    }
    if (argv[0] === '--version') {
      out(`${require('../../../../package.json').version}\n`);
      return 0;
    }
    const args = parseArgs(argv);
    if (args.command === 'graph') throw new UsageError('ppnet: graph is asynchronous: call main(), not run()');
    if (args.command !== 'check') throw new UsageError(`ppnet: unknown command ${args.command}\n\n${USAGE}`);
    if (!['text', 'json', 'sarif'].includes(args.format)) throw new UsageError(`ppnet: --format must be text, json or sarif, not "${args.format}"`);
    if (args.inputs.length === 0) throw new UsageError(`ppnet: check needs at least one file or folder\n\n${USAGE}`);
    const files = collectFiles(args.inputs);
    if (files.length === 0) throw new UsageError(`ppnet: no *.ppnet.yaml or *.ppnet.yml file in ${args.inputs.join(', ')}`);
    const results = checkFiles(files);
    out(args.format === 'json' ? formatJson(results) : args.format === 'sarif' ? JSON.stringify(toSarif(results), null, 2) + '\n' : formatText(results));
    return results.some((r) => r.diagnostics.some((d) => severityName(d.severity) === 'error')) ? 1 : 0;
  } catch (error) {
    return reportFailure(error, err);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then((code) => (process.exitCode = code));
}
