/**
 * One option parser for every command, driven by the options each command declares: `--name value`,
 * `--name=value`, an alias (`-f`), flags, repeated options kept in order, `--` ending the options and
 * `-` read as an input (standard input).
 */
import { UsageError } from './errors';

export interface OptionSpec {
  readonly name: `--${string}`;
  readonly alias?: `-${string}`;
  /** What its value is ("a format", "a file name (- for standard output)"); absent for a flag. */
  readonly value?: string;
  /** The values it takes; any other is bad usage. Listed after `value` in messages and help. */
  readonly choices?: readonly string[];
  /** Its value when it is not given. */
  readonly default?: string;
  /** Each occurrence is kept (`--format json -o a.json --format sarif -o b.sarif`); otherwise the last wins. */
  readonly repeatable?: boolean;
  /** One line for `ppnet <command> --help`. */
  readonly help: string;
}

/** The inputs and options of one call, as parsed against a command's option specs. */
export class Args {
  constructor(
    readonly inputs: readonly string[],
    /** Every option given, in the order given (flags with the value `true`). */
    readonly given: readonly { readonly name: string; readonly value: string | true }[],
    private readonly specs: readonly OptionSpec[],
  ) {}

  /** The value of an option: the last one given, or its default. */
  value(name: string): string | undefined {
    const values = this.values(name);
    return values.length ? values[values.length - 1] : this.specs.find((spec) => spec.name === name)?.default;
  }

  /** Every value given for an option, in order. */
  values(name: string): string[] {
    return this.given.filter((option) => option.name === name && option.value !== true).map((option) => option.value as string);
  }

  flag(name: string): boolean {
    return this.given.some((option) => option.name === name);
  }
}

/** "a, b or c". */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** What an option's value is, with its choices: "a format: text, json or sarif". */
export function describeValue(spec: OptionSpec): string {
  return spec.choices ? `${spec.value}: ${orList(spec.choices)}` : spec.value ?? '';
}

/** Parses `argv` (the arguments after the command's name); bad usage throws a UsageError. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): Args {
  const inputs: string[] = [];
  const given: { name: string; value: string | true }[] = [];
  const find = (written: string) => specs.find((spec) => spec.name === written || spec.alias === written);
  let optionsEnd = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnd || arg === '-' || !arg.startsWith('-')) {
      inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnd = true;
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const written = equals > 0 ? arg.slice(0, equals) : arg;
    const spec = find(written);
    if (!spec || (equals > 0 && !spec.value)) throw new UsageError(`unknown option ${arg}`, true);
    if (!spec.value) {
      given.push({ name: spec.name, value: true });
      continue;
    }
    let value: string | undefined;
    if (equals > 0) value = arg.slice(equals + 1);
    else {
      value = argv[i + 1];
      // An option is not a value (`-o --format json`); `-` is (standard output).
      if (value !== undefined && value.startsWith('-') && value !== '-') value = undefined;
      else i++;
    }
    if (value === undefined || value === '') throw new UsageError(`${written} needs ${describeValue(spec)}`, true);
    if (spec.choices && !spec.choices.includes(value)) throw new UsageError(`${spec.name} must be ${orList(spec.choices)}, not "${value}"`);
    given.push({ name: spec.name, value });
  }
  return new Args(inputs, given, specs);
}
