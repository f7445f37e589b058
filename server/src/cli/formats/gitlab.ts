/**
 * GitLab's Code Quality report (the subset of Code Climate's issue format GitLab reads): an array of
 * issues, each with its rule as `check_name`, a fingerprint unique in the report and stable when lines
 * move (formats/fingerprint.ts, the same as SARIF's), a severity on GitLab's scale and where it is.
 */
import * as path from 'path';
import { Severity, severityName } from '../../service';
import type { FileResult } from '../check';
import { escapeControlInJson } from '../escape';
import { fingerprintsOf } from './fingerprint';
import { oneBased, slashPath } from './location';

/** GitLab's scale is info, minor, major, critical, blocker: an error is major (it fails the run), as ESLint's formatter has it. */
const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export function formatGitlab(results: readonly FileResult[]): string {
  const fingerprints = fingerprintsOf(results);
  const issues = results.flatMap(({ file, diagnostics }, fileIndex) =>
    diagnostics.map((d, index) => {
      const region = oneBased(d.range);
      return {
        type: 'issue',
        check_name: String(d.code),
        description: d.message,
        severity: GITLAB_SEVERITY[severityName(d.severity)],
        fingerprint: fingerprints[fileIndex][index],
        location: {
          // GitLab wants the path from the repository's root: the run's folder, as CI jobs run.
          path: slashPath(path.isAbsolute(file) ? path.relative(process.cwd(), file) : file),
          positions: { begin: { line: region.startLine, column: region.startColumn }, end: { line: region.endLine, column: region.endColumn } },
        },
      };
    }),
  );
  return JSON.stringify(issues, escapeControlInJson, 2) + '\n';
}
