/**
 * Reading a design's base from git (`ppnet diff --git <rev> <path>...`): the files at the same paths
 * relative to the repository's root, in the commit the revision names. git runs as a child process on
 * the local repository only: nothing is fetched (a partial clone's missing objects are not either).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_LINE_LIMIT_BYTES, formatBytes, formatLimit } from '../../service';
import { RunFailure, UsageError } from '../errors';

/** One repository and the commit a revision names in it. */
export interface GitBase {
  /** The repository's root, as git names it. */
  root: string;
  commit: string;
  /** The revision as the user wrote it, for messages. */
  rev: string;
}

/** A file of a tree: its path from the repository's root and its object. */
export interface GitFile {
  path: string;
  object: string;
}

// No prompt, no lazy fetch of a partial clone's objects (git 2.44+), no lock taken for a read.
const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', GIT_OPTIONAL_LOCKS: '0' };

/** Runs git in `cwd` and gives its standard output; a failure is git's own first line. */
function git(cwd: string, args: string[], maxBuffer = 64 * 1024 * 1024): Buffer {
  try {
    return execFileSync('git', ['--literal-pathspecs', '-c', 'core.quotePath=off', ...args], {
      cwd,
      env: { ...process.env, ...GIT_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer,
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new RunFailure('--git needs git, which is not on the PATH');
    const said = failure.stderr?.toString('utf8').trim().split('\n')[0];
    throw new GitFailure(said || failure.message);
  }
}

class GitFailure extends Error {}

/** The nearest folder of `file` that exists (a path removed in the working tree is still compared). */
function existingFolder(file: string): string {
  let dir = path.resolve(file);
  while (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dir;
}

/** The repository `file` is in and the commit `rev` names there. */
export function gitBase(rev: string, file: string): GitBase {
  // A revision is never read as an option of git's.
  if (rev.startsWith('-')) throw new UsageError(`--git needs a revision (a branch, tag or commit), not "${rev}"`);
  const folder = existingFolder(file);
  let root: string;
  try {
    root = git(folder, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitFailure) throw new RunFailure(`--git: ${file} is not in a git repository (${error.message})`);
    throw error;
  }
  try {
    const commit = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).toString('utf8').trim();
    return { root, commit, rev };
  } catch (error) {
    if (error instanceof GitFailure) throw new RunFailure(`--git: no commit "${rev}" in the repository at ${root}`);
    throw error;
  }
}

/** `file`'s path from the repository's root, with forward slashes ('' for the root itself). */
export function repositoryPath(base: GitBase, file: string): string {
  const resolved = path.resolve(file);
  // Links resolved as git sees the root (itself a real path): the existing part of the path, real.
  const existing = existingFolder(resolved);
  const real = path.join(fs.realpathSync(existing), path.relative(existing, resolved));
  const relative = path.relative(base.root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new RunFailure(`--git: ${file} is outside the repository at ${base.root}`);
  return relative.split(path.sep).join('/');
}

/** What is at `repoPath` in the commit: a file, a folder, or nothing. */
export function gitEntry(base: GitBase, repoPath: string): { kind: 'file'; file: GitFile } | { kind: 'folder' } | { kind: 'none' } {
  if (repoPath === '') return { kind: 'folder' };
  const listed = git(base.root, ['ls-tree', '-z', base.commit, '--', repoPath]).toString('utf8');
  const entry = listed.split('\0').find((line) => line.endsWith(`\t${repoPath}`));
  if (!entry) return { kind: 'none' };
  const [mode, type, object] = entry.slice(0, entry.indexOf('\t')).split(' ');
  if (type === 'tree') return { kind: 'folder' };
  // A symbolic link or a submodule is not a topology file.
  return type === 'blob' && mode.startsWith('100') ? { kind: 'file', file: { path: repoPath, object } } : { kind: 'none' };
}

/** Every regular file below `repoPath` in the commit. */
export function gitFiles(base: GitBase, repoPath: string): GitFile[] {
  const listed = git(base.root, ['ls-tree', '-r', '-z', base.commit, '--', ...(repoPath ? [repoPath] : [])]).toString('utf8');
  return listed
    .split('\0')
    .filter(Boolean)
    .flatMap((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, object] = line.slice(0, tab).split(' ');
      return type === 'blob' && mode.startsWith('100') ? [{ path: line.slice(tab + 1), object }] : [];
    });
}

/** A file's bytes, refused above the size limit the command line keeps. */
export function gitBytes(base: GitBase, file: GitFile): Buffer {
  const size = Number(git(base.root, ['cat-file', '-s', file.object]).toString('utf8').trim());
  if (size > COMMAND_LINE_LIMIT_BYTES) {
    throw new RunFailure(`${file.path} at ${base.rev}: ${formatBytes(size)}, above the limit of ${formatLimit(COMMAND_LINE_LIMIT_BYTES)} that ppnet keeps on the command line`);
  }
  return git(base.root, ['cat-file', 'blob', file.object], COMMAND_LINE_LIMIT_BYTES + 1024);
}
