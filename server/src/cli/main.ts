/**
 * The `ppnet` command line: finds the command named first, parses its options, runs it with one
 * language service and config loader, and applies the one failure policy:
 * - bad usage: one line (and the usage when the call's shape is wrong), exit 2;
 * - a run that cannot go on (a path not read or not written): one line, exit 2;
 * - a failure inside ppnet: one line asking for a report, exit 2; `PPNET_DEBUG=1` adds the stack.
 * Every line is printed with its control characters escaped.
 */
import { Command, createRunContext, Io } from './command';
import { COMMANDS } from './commands';
import { RunFailure, UsageError } from './errors';
import { escapeControl } from './escape';
import { parseArgs } from './options';

const HELP_FLAGS = new Set(['--help', '-h']);

/** `ppnet --help`: every command's usage and what it does. */
export function usage(): string {
  return [
    'Usage:',
    ...COMMANDS.map((command) => `  ppnet ${command.usage}`),
    '  ppnet <command> --help | ppnet --help | ppnet --version',
    '',
    ...COMMANDS.map((command) => `${command.name}: ${command.summary}.`),
  ].join('\n');
}

/** `ppnet <command> --help`: its usage, options and details. */
export function commandHelp(command: Command): string {
  const options = command.options.map((option) => {
    const names = [option.alias, option.name].filter(Boolean).join(', ');
    const value = option.choices ? ` ${option.choices.join('|')}` : option.value ? ` <${option.value}>` : '';
    return `  ${names}${value}\n      ${option.help}`;
  });
  return ['Usage:', `  ppnet ${command.usage}`, '', ...(options.length ? ['Options:', ...options, ''] : []), command.details].join('\n');
}

export async function main(argv: string[], out: (text: string) => void, err: (text: string) => void, outBytes?: (data: Uint8Array) => void): Promise<number> {
  const io: Io = { out, err, ...(outBytes && { outBytes }) };
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.has(name) || name === 'help') {
    const command = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    out((command ? commandHelp(command) : usage()) + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    out(`${require('../../../../package.json').version}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command ${name}`, true);
    const optionsEnd = rest.indexOf('--');
    if (rest.slice(0, optionsEnd < 0 ? undefined : optionsEnd).some((arg) => HELP_FLAGS.has(arg))) {
      out(commandHelp(command) + '\n');
      return 0;
    }
    const args = parseArgs(rest, command.options);
    const { min, max, wrongCount } = command.inputs;
    if (args.inputs.length < min || (max !== undefined && args.inputs.length > max)) throw new UsageError(wrongCount, true);
    return await command.run(args, createRunContext(io, args.value('--config')));
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, { err }: Io): number {
  if (error instanceof UsageError) {
    err(`ppnet: ${escapeControl(error.message)}\n`);
    if (error.showUsage) err(`\n${usage()}\n`);
    return 2;
  }
  if (error instanceof RunFailure) {
    err(`ppnet: ${escapeControl(error.message)}\n`);
    return 2;
  }
  // One line for the user; where it happened only on request.
  const detail = process.env.PPNET_DEBUG ? `\n${(error as Error).stack ?? String(error)}` : ' (set PPNET_DEBUG=1 to see where)';
  err(`ppnet: internal error: ${escapeControl(error instanceof Error ? error.message : String(error))}. Please report it${detail}\n`);
  return 2;
}

if (require.main === module) {
  const write = (t: string | Uint8Array) => void process.stdout.write(t);
  void main(process.argv.slice(2), write, (t) => process.stderr.write(t), write).then((code) => (process.exitCode = code));
}
