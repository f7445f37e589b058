/**
 * The `ppnet` command line: `ppnet check <file|folder|->... [--format text|json|sarif] [-o out]` and
 * `ppnet graph`. Exit codes: 0 no error found, 1 an error found, 2 bad usage or a path not read.
 */
import { checkFiles, collectFiles, exitCodeOf, formatJson, formatText, UsageError } from './check';
import { escapeControl } from './escape';
import { graphOfInput, isGraphFormat, isThemeKind, renderGraph, viewOfGraph, writeOutput } from './graph';
import { refuseOverwrite, STDIN } from './inputs';
import { toSarif } from './sarif';
import { routesCommand, ROUTES_USAGE } from './routes';
import type { ThemeKind } from '../../../diagram/theme';

const USAGE = `Usage:
  ppnet check <file|folder|->... [--format text|json|sarif] [-o out]
  ppnet graph <file|-> [--format svg|mermaid|json] [--theme light|dark|high-contrast|high-contrast-light] [--focus <id>] [--collapse] [-o out]
  ${ROUTES_USAGE}
  ppnet --help | --version

check: a folder means every *.ppnet.yaml and *.ppnet.yml below it (hidden and node_modules folders
are skipped unless named); - reads standard input. -o writes the report to a file.
Exit codes: 0 no error found, 1 an error was found, 2 bad usage, or a file, folder or config that
could not be read or checked (the others are still checked and reported).
graph: draws the preview's diagram (default SVG) to standard output or to the -o file; exit 0 when drawn.
routes: the route of every pair of site, machine or gateway and environment or service; exit 0 when printed.`;

/** The value of an option (`--format json`, `--format=json`): missing or another option is bad usage. */
function optionValue(rest: string[], i: number, name: string, what: string): string {
  const value = rest[i + 1];
  if (value === undefined || (value.startsWith('-') && value !== STDIN)) throw new UsageError(`ppnet: ${name} needs ${what}\n\n${USAGE}`);
  return value;
}

function inlineValue(arg: string, name: string, what: string): string {
  const value = arg.slice(name.length + 1);
  if (value === '') throw new UsageError(`ppnet: ${name} needs ${what}\n\n${USAGE}`);
  return value;
}

function parseArgs(argv: string[], defaultFormat = 'text'): { command: string; inputs: string[]; format: string; output?: string; theme?: string; focus?: string; collapse?: boolean } {
  const [command, ...rest] = argv;
  const inputs: string[] = [];
  let format = defaultFormat;
  let output: string | undefined;
  let theme: string | undefined;
  let focus: string | undefined;
  let collapse: boolean | undefined;
  const formats = command === 'graph' ? 'a format: svg, mermaid or json' : 'a format: text, json or sarif';
  let optionsEnd = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (optionsEnd || arg === STDIN || !arg.startsWith('-')) inputs.push(arg);
    else if (arg === '--') optionsEnd = true;
    else if (arg === '--format' || arg === '-f') format = optionValue(rest, i++, arg, formats);
    else if (arg.startsWith('--format=')) format = inlineValue(arg, '--format', formats);
    else if (arg === '-o' || arg === '--output') output = optionValue(rest, i++, arg, 'a file name (- for standard output)');
    else if (arg.startsWith('--output=')) output = inlineValue(arg, '--output', 'a file name (- for standard output)');
    else if (command === 'graph' && arg === '--theme') theme = optionValue(rest, i++, arg, 'a theme: light, dark, high-contrast or high-contrast-light');
    else if (command === 'graph' && arg.startsWith('--theme=')) theme = inlineValue(arg, '--theme', 'a theme: light, dark, high-contrast or high-contrast-light');
    else if (command === 'graph' && arg === '--focus') focus = optionValue(rest, i++, arg, 'a node id (site:hq) or an entity id (hq)');
    else if (command === 'graph' && arg.startsWith('--focus=')) focus = inlineValue(arg, '--focus', 'a node id (site:hq) or an entity id (hq)');
    else if (command === 'graph' && arg === '--collapse') collapse = true;
    else throw new UsageError(`ppnet: unknown option ${arg}\n\n${USAGE}`);
  }
  return { command, inputs, format, output, theme, focus, collapse };
}

/** `ppnet graph`: the diagram of one file; asynchronous because the layout is. */
async function graphCommand(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const args = parseArgs(argv, 'svg');
  if (!isGraphFormat(args.format)) throw new UsageError(`ppnet: --format must be svg, mermaid or json, not "${args.format}"`);
  if (args.theme !== undefined && !isThemeKind(args.theme)) {
    throw new UsageError(`ppnet: --theme must be light, dark, high-contrast or high-contrast-light, not "${args.theme}"`);
  }
  if (args.inputs.length !== 1) throw new UsageError(`ppnet: graph needs exactly one file\n\n${USAGE}`);
  const [file] = args.inputs;
  if (args.focus === '') throw new UsageError('ppnet: --focus needs a node id (site:hq) or an entity id (hq)');
  if (file === STDIN && process.stdin.isTTY) err('ppnet: reading a topology from standard input; end it with Ctrl-D\n');
  const { graph, read, warning } = graphOfInput(file);
  if (args.output !== undefined && args.output !== STDIN) refuseOverwrite(args.output, read);
  const content = await renderGraph(viewOfGraph(graph, { focus: args.focus, collapse: args.collapse }), args.format, args.theme as ThemeKind | undefined);
  if (args.output === undefined || args.output === STDIN) out(content);
  else {
    const failure = writeOutput(args.output, content);
    if (failure) throw new UsageError(failure);
  }
  if (!warning) return 0;
  err(escapeControl(warning) + '\n');
  return 2;
}

function reportFailure(error: unknown, err: (text: string) => void): number {
  if (error instanceof UsageError) {
    err(escapeControl(error.message) + '\n');
    return 2;
  }
  // One line for the user; where it happened only on request.
  const detail = process.env.PPNET_DEBUG ? `\n${(error as Error).stack ?? String(error)}` : ' (set PPNET_DEBUG=1 to see where)';
  err(`ppnet: internal error: ${escapeControl(error instanceof Error ? error.message : String(error))}. Please report it${detail}\n`);
  return 2;
}

/** Every command; `run` alone serves the synchronous ones (`check`, help, version). */
export async function main(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (argv[0] === 'routes') return routesCommand(argv.slice(1), out, err);
  if (argv[0] !== 'graph') return run(argv, out, err);
  try {
    return await graphCommand(argv, out, err);
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
    if (args.inputs.includes(STDIN) && process.stdin.isTTY) err('ppnet: reading a topology from standard input; end it with Ctrl-D\n');
    const { results, read } = checkFiles(collectFiles(args.inputs));
    const report = args.format === 'json' ? formatJson(results) : args.format === 'sarif' ? JSON.stringify(toSarif(results), null, 2) + '\n' : formatText(results);
    const code = exitCodeOf(results);
    if (args.output === undefined || args.output === STDIN) out(report);
    else {
      refuseOverwrite(args.output, read);
      const failure = writeOutput(args.output, report);
      if (failure) throw new UsageError(failure);
      if (code === 2) err(`ppnet: some paths were not read or not checked; ${args.output} says which and why\n`);
    }
    if (code === 2 && args.format !== 'text' && args.output === undefined) err('ppnet: some paths were not read or not checked; the report says which and why\n');
    return code;
  } catch (error) {
    return reportFailure(error, err);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then((code) => (process.exitCode = code));
}
