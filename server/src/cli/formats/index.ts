/**
 * The reports of a run's findings, by format name, for every command that finds things (`check`, and
 * `drift` beside it): each a pure function of the same `FileResult[]`, so that one run can write several
 * (`--format sarif -o a.sarif --format junit -o b.xml`, `reports.ts`).
 */
import type { FindingsFormat } from './context';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif, sarifWarnings } from './sarif';
import { formatText } from './text';

export { FindingsFormat, ReportContext, reportContext } from './context';

export const FINDINGS_FORMATS = {
  text: { render: formatText, help: 'a line per finding, then a count' },
  json: { render: formatJson, help: 'an array of findings' },
  sarif: { render: formatSarif, warnings: sarifWarnings, help: 'SARIF 2.1.0 for code scanning, with fingerprints' },
  junit: { render: formatJunit, help: 'JUnit XML, a test suite per file and a failure per finding' },
  gitlab: { render: formatGitlab, help: "GitLab's Code Quality report" },
  github: { render: formatGithub, help: 'GitHub workflow commands: an annotation per finding' },
} as const satisfies Record<string, FindingsFormat>;

export type FindingsFormatName = keyof typeof FINDINGS_FORMATS;
export const FINDINGS_FORMAT_NAMES = Object.keys(FINDINGS_FORMATS) as FindingsFormatName[];
