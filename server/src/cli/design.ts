/**
 * One design named on the command line (`-`: standard input), read for a command that works on a
 * single file (`graph`, `export`): its text, the rule levels of its ppnet.config.yaml, the files read
 * (an output must not be one of them), and a warning when that config could not be read (the design
 * is then taken with every rule at its default level). A file that cannot be read stops the run.
 */
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PpnetConfig } from '../service';
import type { RunContext } from './command';
import { RunFailure } from './errors';
import { configAnchor, InputFile, readTopology, STDIN, STDIN_NAME } from './inputs';

export interface Design {
  input: InputFile;
  document: TextDocument;
  ruleLevels?: PpnetConfig['ruleLevels'];
  read: string[];
  /** Why the config was not read, for a line on standard error. */
  warning?: string;
}

export function readDesign(file: string, { configs }: Pick<RunContext, 'configs'>, consequence: string): Design {
  const input = { file: file === STDIN ? STDIN_NAME : file, real: file };
  const read = readTopology(input);
  if ('diagnostic' in read) {
    const { line, character } = read.diagnostic.range.start;
    throw new RunFailure(`${input.file}:${line + 1}:${character + 1}: ${read.diagnostic.message}`);
  }
  const config = configs.forFile(configAnchor(input));
  const configFile = config && (path.relative(process.cwd(), config.path) || config.path);
  const warning = config?.unreadable ? `cannot read ${configFile}: ${config.unreadable}; ${consequence}` : undefined;
  return { input, document: read.document, ruleLevels: config?.config.ruleLevels, read: [file, ...(configFile ? [configFile] : [])], warning };
}
