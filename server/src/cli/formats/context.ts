/** What every findings format gets besides the findings, and what a format is. */
import * as os from 'os';
import type { FileResult } from '../check';

/** What a report says about the run besides its findings. */
export interface ReportContext {
  /** The command whose findings these are (`check`, `drift`): SARIF's automation id, JUnit's suite names. */
  tool: string;
  /** When the run happened (JUnit's timestamp). */
  now: Date;
  /** Where it ran (JUnit's hostname). */
  hostname: string;
}

export function reportContext(tool: string): ReportContext {
  return { tool, now: new Date(), hostname: os.hostname() || 'localhost' };
}

export interface FindingsFormat {
  render(results: readonly FileResult[], context: ReportContext): string;
  /** What to say on standard error beside the report (the run goes on): SARIF past what GitHub shows. */
  warnings?(results: readonly FileResult[]): string[];
  /** A line for `--help`. */
  help: string;
}
