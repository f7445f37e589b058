/**
 * The two ways a run of `ppnet` stops short, besides a failure inside ppnet (main.ts): both are one
 * line on standard error and exit code 2.
 */

/** The call is wrong: an unknown option, a value not in its set, an input missing. */
export class UsageError extends Error {
  /** `showUsage`: the shape of the call is wrong, so the command's usage follows the line. */
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

/** The call is right but the run cannot go on: a path that cannot be read or written, an output that is an input. */
export class RunFailure extends Error {}
