/**
 * Where a command's output goes: standard output, or the `-o` file, which is never one of the files the
 * run read (a topology or a config), under any name or link.
 */
import * as fs from 'fs';
import { describeError } from '../files/read';
import type { RunContext } from './command';
import { RunFailure } from './errors';
import { STDIN } from './inputs';

/** Writes `content` to `output` (standard output when it is absent or `-`). */
export function deliver(context: RunContext, output: string | undefined, content: string | Uint8Array, read: Iterable<string>): void {
  if (output === undefined || output === STDIN) {
    if (typeof content === 'string') context.out(content);
    else if (context.outBytes) context.outBytes(content);
    else throw new RunFailure('this output is binary and cannot go to standard output here: name an -o file');
    return;
  }
  refuseOverwrite(output, read);
  try {
    fs.writeFileSync(output, content);
  } catch (error) {
    throw new RunFailure(`cannot write ${output}: ${describeError(error)}`);
  }
}

/** True when the output goes to a file rather than standard output. */
export function toFile(output: string | undefined): output is string {
  return output !== undefined && output !== STDIN;
}

/**
 * Refuses an output file that is one of the files read (a topology or a config): writing there would
 * destroy it. Files are compared as the system sees them (the same device and inode), so that another
 * spelling, a symbolic link or a hard link is caught too.
 */
export function refuseOverwrite(output: string, read: Iterable<string>): void {
  let target: fs.Stats;
  try {
    target = fs.statSync(output);
  } catch {
    return; // nothing there yet: nothing to lose
  }
  for (const file of read) {
    if (file === STDIN) continue;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (stat.dev === target.dev && stat.ino === target.ino) {
      throw new RunFailure(`will not write to ${output}: it is ${file === output ? 'an input' : `the same file as ${file}`}, which this run reads. Name another output file.`);
    }
  }
}
