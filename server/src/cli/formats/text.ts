/** The findings as a compiler prints them: `file:line:column: severity code: message`, then a count. */
import { severityName } from '../../service';
import type { FileResult } from '../check';
import { escapeControl } from '../escape';
import { NOT_CHECKED_CODES } from '../inputs';

export function formatText(results: readonly FileResult[]): string {
  const lines = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => `${escapeControl(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityName(d.severity)} ${d.code}: ${escapeControl(d.message)}`),
  );
  return [...lines, countLine(results)].join('\n') + '\n';
}

/** "1 errors, 0 warnings, 0 infos, 2 hints in 3 files (1 not read or not checked)". */
export function countLine(results: readonly FileResult[]): string {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let notChecked = 0;
  for (const d of results.flatMap((r) => r.diagnostics)) {
    const severity = severityName(d.severity);
    counts[severity]++;
    if (NOT_CHECKED_CODES.has(String(d.code)) && severity === 'error') notChecked++;
  }
  const fileCount = results.length;
  const missed = notChecked ? ` (${notChecked} not read or not checked)` : '';
  return `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos, ${counts.hint} hints in ${fileCount} file${fileCount === 1 ? '' : 's'}${missed}`;
}
