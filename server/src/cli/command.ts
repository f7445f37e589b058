/**
 * What a command of `ppnet` is: a verb with its usage, its options and a `run` that gets the parsed
 * arguments and the run's context. `main.ts` finds the command, parses its options and applies the one
 * failure policy; each verb lives in `commands/<verb>.ts` and is listed in `commands/index.ts`.
 */
import * as fs from 'fs';
import { ConfigLoader } from '../files/configFiles';
import { RunFailure } from './errors';
import { createLanguageService, LanguageService } from '../service';
import type { Args, OptionSpec } from './options';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Bytes to standard output (a PNG); absent where only text can go. */
  outBytes?(data: Uint8Array): void;
}

/** What every command of one run shares. */
export interface RunContext extends Io {
  /** One language service per run: every file checked, drawn or compared goes through it. */
  readonly service: LanguageService;
  /** The ppnet.config.yaml files, each read once per run. */
  readonly configs: ConfigLoader;
}

export interface Command {
  readonly name: string;
  /** The call's shape after `ppnet `: `check <file|folder|->... [--format text|json|sarif] [-o out]`. */
  readonly usage: string;
  /** What it does, in a line, for `ppnet --help`. */
  readonly summary: string;
  /** What `ppnet <command> --help` says after the usage and options: what inputs mean, exit codes. */
  readonly details: string;
  readonly options: readonly OptionSpec[];
  /** How many inputs it takes, and the message when the count is wrong. */
  readonly inputs: { readonly min: number; readonly max?: number; readonly wrongCount: string };
  /** The exit code. */
  run(args: Args, context: RunContext): Promise<number> | number;
}

/** `config`: the `--config` file every topology of the run uses instead of its nearest ppnet.config.yaml. */
export function createRunContext(io: Io, config?: string): RunContext {
  if (config !== undefined && !fs.existsSync(config)) throw new RunFailure(`cannot read ${config}: no such file or folder`);
  return { ...io, service: createLanguageService(), configs: new ConfigLoader(config) };
}

/** The options most commands share. */
export const OUTPUT_OPTION = {
  name: '--output',
  alias: '-o',
  value: 'a file name (- for standard output)',
  help: 'Write to this file instead of standard output; never over a file the run reads.',
} as const satisfies OptionSpec;

export function formatOption(choices: readonly string[], help: string): OptionSpec {
  return { name: '--format', alias: '-f', value: 'a format', choices, default: choices[0], help };
}

export const CONFIG_OPTION = {
  name: '--config',
  value: 'a ppnet.config.yaml file',
  help: 'Use this config for every file instead of the nearest ppnet.config.yaml (for meta-linters and CI jobs that keep it elsewhere).',
} as const satisfies OptionSpec;

/** Says that a topology is read from a terminal, where the user may not know to end it. */
export function noteStdinFromTerminal(inputs: readonly string[], context: RunContext): void {
  if (inputs.includes('-') && process.stdin.isTTY) context.err('ppnet: reading a topology from standard input; end it with Ctrl-D\n');
}
