/**
 * What the command line reads: the topology files its arguments name (folders walked, symbolic links
 * followed, each real file once), standard input as `-`, and whatever cannot be read reported as a
 * finding on its path instead of stopping the run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { describeError, readText } from '../files/read';
import { RunFailure } from './errors';
import { COMMAND_LINE_LIMIT_BYTES, fileDiagnostic, formatBytes, formatLimit, LIMITS_URL, ruleByCode, ruleUrl } from '../service';

export const STDIN = '-';
/** How standard input is named in reports. */
export const STDIN_NAME = '<stdin>';

const TOPOLOGY_FILE = /\.ppnet\.ya?ml$/i;

/** Folders a walk does not enter (a folder named on the command line is always read). */
function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Whether a walk of a folder reads the file at `relative` below it (forward slashes): a topology file's
 * name, not hidden, in no folder the walk skips. For listings that are not the disk's (a git tree).
 */
export function walkReads(relative: string): boolean {
  const parts = relative.split('/');
  const name = parts.pop()!;
  return TOPOLOGY_FILE.test(name) && !name.startsWith('.') && !parts.some(isSkippedFolder);
}

/** A topology file to check, as the user named it (or as the walk found it). */
export interface InputFile {
  file: string;
  /** Its real path, or `-` for standard input. */
  real: string;
}

/** A path that could not be read, with the finding that says so. */
export interface InputProblem {
  file: string;
  diagnostic: Diagnostic;
}

export type Input = { kind: 'file'; input: InputFile } | { kind: 'problem'; problem: InputProblem };

export interface CollectedInputs {
  inputs: Input[];
  /** Hidden folders and node_modules folders the walk did not enter. */
  skipped: string[];
}

/** The codes of findings that mean a path was not checked: the run then exits with 2. */
export const NOT_CHECKED_CODES = new Set(['cannot-read', 'file-too-large', 'internal-error', 'import-unreadable', 'map-invalid']);

/** Why a path was not read: an error on it, at its start. */
export function cannotRead(what: string, reason: string, consequence: string): Diagnostic {
  const diagnostic = fileDiagnostic('cannot-read', `Cannot read this ${what}: ${reason}. ${consequence}`, DiagnosticSeverity.Error);
  diagnostic.codeDescription = { href: COMMAND_LINE_URL };
  return diagnostic;
}

/** Where the README says what the command line reads and skips. */
const COMMAND_LINE_URL = 'https://github.com/ppnet/ppnet#command-line';

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * The topology files of the arguments, in order: a file as named (whatever its name), a folder as
 * every `*.ppnet.yaml` and `*.ppnet.yml` below it (or every file whose name matches `pattern`: `ppnet
 * import` walks for `*.json`). Symbolic links are followed; a folder reached twice (a link loop, or
 * named twice) is walked once, and a file reached twice is checked once.
 */
export function collectInputs(args: string[], pattern: RegExp = TOPOLOGY_FILE): CollectedInputs {
  const inputs: Input[] = [];
  const skipped: string[] = [];
  const files = new Set<string>();
  const folders = new Set<string>();
  const addFile = (file: string, real: string) => {
    if (files.has(real)) return;
    files.add(real);
    inputs.push({ kind: 'file', input: { file, real } });
  };
  const problem = (file: string, diagnostic: Diagnostic) => inputs.push({ kind: 'problem', problem: { file, diagnostic } });

  const walk = (dir: string) => {
    const real = realPath(dir);
    if (folders.has(real)) return;
    folders.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problem(dir, cannotRead('folder', describeError(error), 'The topology files in it are not checked: let the user running ppnet read it.'));
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let type: 'folder' | 'file' | 'other' = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(full);
          type = stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
        } catch (error) {
          // A link that leads nowhere: said when it is named like a topology file, ignored otherwise.
          if (pattern.test(entry.name)) {
            problem(full, cannotRead('symbolic link', `it leads to ${describeLinkTarget(full)}, which cannot be read: ${describeError(error)}`, 'Fix or remove the link.'));
          }
          continue;
        }
      }
      if (type === 'folder') {
        if (isSkippedFolder(entry.name)) skipped.push(full);
        else walk(full);
      } else if (pattern.test(entry.name)) {
        if (entry.name.startsWith('.')) skipped.push(full);
        else if (type === 'file') addFile(full, realPath(full));
        else problem(full, cannotRead('file', 'it is not a regular file (a pipe, socket or device)', 'ppnet reads such a file only when it is named on the command line.'));
      }
    }
  };

  for (const arg of args) {
    if (arg === STDIN) {
      addFile(STDIN_NAME, STDIN);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      let link = false;
      try {
        link = fs.lstatSync(arg).isSymbolicLink();
      } catch {
        // not there at all, or its folder cannot be searched
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (!link && (code === 'ENOENT' || code === 'ENOTDIR')) throw new RunFailure(`cannot read ${arg}: no such file or folder`);
      if (link) problem(arg, cannotRead('symbolic link', `it leads to ${describeLinkTarget(arg)}, which cannot be read: ${describeError(error)}`, 'Fix or remove the link.'));
      else problem(arg, cannotRead('path', describeError(error), 'It is not checked.'));
      continue;
    }
    if (stat.isDirectory()) walk(arg);
    else addFile(arg, realPath(arg));
  }
  return { inputs, skipped };
}

function describeLinkTarget(link: string): string {
  try {
    return fs.readlinkSync(link);
  } catch {
    return 'a path';
  }
}

/** The text of a topology file, or the finding that says why there is none. */
export function readTopology(input: InputFile): { document: TextDocument } | { diagnostic: Diagnostic } {
  const read = readText(input.real === STDIN ? STDIN : input.file, COMMAND_LINE_LIMIT_BYTES);
  switch (read.kind) {
    case 'text':
      return { document: TextDocument.create(documentUri(input), 'ppnet', 1, read.text) };
    case 'unreadable':
      return { diagnostic: cannotRead('file', read.reason, 'It is not checked: let the user running ppnet read it.') };
    case 'too-large': {
      const size =
        read.bytes === undefined
          ? `it goes on past the limit of ${formatLimit(COMMAND_LINE_LIMIT_BYTES)} that ppnet keeps in the editor and on the command line, so ppnet stopped reading it`
          : `${formatBytes(read.bytes)}, above the limit of ${formatLimit(COMMAND_LINE_LIMIT_BYTES)} that ppnet keeps in the editor and on the command line, so it did not read it`;
      const diagnostic = fileDiagnostic('file-too-large', `File too large to check: ${size}. Split the topology into smaller files.`, DiagnosticSeverity.Error);
      diagnostic.codeDescription = { href: LIMITS_URL };
      return { diagnostic };
    }
    case 'not-text': {
      const rule = ruleByCode('yaml-syntax')!;
      const diagnostic = fileDiagnostic(rule.code, read.message, DiagnosticSeverity.Error);
      diagnostic.range = { start: read.at, end: read.at };
      diagnostic.codeDescription = { href: ruleUrl(rule) };
      return { diagnostic };
    }
  }
}

/** The URI a topology is checked under: its file's, or for standard input one in the current folder. */
export function documentUri(input: InputFile): string {
  return pathToFileURL(path.resolve(input.real === STDIN ? STDIN_NAME : input.file)).toString();
}

/** The path whose nearest config applies: standard input takes the current folder's. */
export function configAnchor(input: InputFile): string {
  return input.real === STDIN ? path.join(process.cwd(), STDIN_NAME) : input.file;
}
