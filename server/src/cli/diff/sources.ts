/**
 * The two versions `ppnet diff` compares, file by file: a base and a head that are two files or two
 * folders (files paired by their path below each folder), or with `--git <rev>` the head paths as they
 * are on disk and the base as the commit has them at the same paths from the repository's root. A path
 * that cannot be read stops the run: a diff with a side missing would say what did not change.
 */
import * as fs from 'fs';
import * as path from 'path';
import { decode } from '../../files/read';
import { RunFailure, UsageError } from '../errors';
import { collectInputs, InputFile, readTopology, STDIN, walkReads } from '../inputs';
import { GitBase, gitBase, gitBytes, gitEntry, GitFile, gitFiles, repositoryPath } from './git';

/** One version of one file: its text and the path whose nearest config applies to it. */
export interface Side {
  text: string;
  configAnchor: string;
  /** The file it was read from on disk; absent for a version read from git. */
  source?: string;
}

export interface SourcePair {
  /** The head's path, or where the head would have it for a file only the base has. */
  file: string;
  base?: Side;
  head?: Side;
}

export interface DiffSources {
  pairs: SourcePair[];
  /** What the two sides are, for the report: paths, or `<rev>` and `working tree`. */
  base: string;
  head: string;
}

function refuseStdin(paths: readonly string[]): void {
  if (paths.includes(STDIN)) throw new UsageError('diff compares files and folders: standard input (-) cannot be one side');
}

function diskSide(input: InputFile): Side {
  const read = readTopology(input);
  if ('diagnostic' in read) throw new RunFailure(`${input.file}: ${read.diagnostic.message}`);
  return { text: read.document.getText(), configAnchor: input.file, source: input.file };
}

/** The topology files below a folder (or the file itself), by path relative to it with forward slashes. */
function filesOf(named: string): Map<string, InputFile> {
  const { inputs } = collectInputs([named]);
  const files = new Map<string, InputFile>();
  for (const entry of inputs) {
    if (entry.kind === 'problem') throw new RunFailure(`${entry.problem.file}: ${entry.problem.diagnostic.message}`);
    files.set(path.relative(named, entry.input.file).split(path.sep).join('/'), entry.input);
  }
  return files;
}

function isFolder(named: string): boolean {
  try {
    return fs.statSync(named).isDirectory();
  } catch {
    throw new RunFailure(`cannot read ${named}: no such file or folder`);
  }
}

/** `ppnet diff <base> <head>`: two files, or two folders. */
export function pathSources(base: string, head: string): DiffSources {
  refuseStdin([base, head]);
  const folders = [isFolder(base), isFolder(head)];
  if (folders[0] !== folders[1]) throw new UsageError(`diff compares two files or two folders: ${folders[0] ? base : head} is a folder, ${folders[0] ? head : base} is not`);
  if (!folders[0]) {
    return { pairs: [{ file: head, base: diskSide({ file: base, real: base }), head: diskSide({ file: head, real: head }) }], base, head };
  }
  const before = filesOf(base);
  const after = filesOf(head);
  const names = [...new Set([...after.keys(), ...before.keys()])].sort();
  const pairs = names.map((name) => {
    const b = before.get(name);
    const h = after.get(name);
    return { file: h?.file ?? path.join(head, name), ...(b && { base: diskSide(b) }), ...(h && { head: diskSide(h) }) };
  });
  return { pairs, base, head };
}

function gitSide(base: GitBase, file: GitFile, configAnchor: string): Side {
  const read = decode(gitBytes(base, file));
  if (read.kind !== 'text') throw new RunFailure(`${file.path} at ${base.rev}: ${read.kind === 'not-text' ? read.message : 'cannot be read'}`);
  return { text: read.text, configAnchor };
}

/** `ppnet diff --git <rev> <path>...`: each path on disk against the commit's file or folder at the same place. */
export function gitSources(rev: string, paths: readonly string[]): DiffSources {
  refuseStdin(paths);
  const pairs: SourcePair[] = [];
  let base: GitBase | undefined;
  for (const named of paths) {
    base ??= gitBase(rev, named);
    const at = repositoryPath(base, named);
    const entry = gitEntry(base, at);
    const exists = fs.existsSync(named);
    if (!exists && entry.kind === 'none') throw new RunFailure(`cannot read ${named}: no such file or folder, here or at ${rev}`);
    if (exists ? !isFolder(named) : entry.kind === 'file') {
      const file = entry.kind === 'file' ? entry.file : undefined;
      pairs.push({ file: named, ...(file && { base: gitSide(base, file, named) }), ...(exists && { head: diskSide({ file: named, real: named }) }) });
      continue;
    }
    const after = exists ? filesOf(named) : new Map<string, InputFile>();
    const prefix = at === '' ? '' : `${at}/`;
    const before = new Map(
      (entry.kind === 'folder' ? gitFiles(base, at) : []).map((f) => [f.path.slice(prefix.length), f] as const).filter(([below]) => walkReads(below)),
    );
    for (const name of [...new Set([...after.keys(), ...before.keys()])].sort()) {
      const b = before.get(name);
      const h = after.get(name);
      const file = h?.file ?? path.join(named, name);
      pairs.push({ file, ...(b && { base: gitSide(base, b, file) }), ...(h && { head: diskSide(h) }) });
    }
  }
  return { pairs, base: rev, head: 'the working tree' };
}
