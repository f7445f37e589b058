/** The findings as a compiler prints them: `file:line:column: severity code: message`, then a count. */
import { severityName } from '../../service';
import type { FileResult } from '../check';
import { escapeControl } from '../escape';
import { NOT_CHECKED_CODES } from '../inputs';

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let notChecked = 0;
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const severity = severityName(d.severity);
      counts[severity]++;
      if (NOT_CHECKED_CODES.has(String(d.code)) && severity === 'error') notChecked++;
      lines.push(`${escapeControl(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity} ${d.code}: ${escapeControl(d.message)}`);
    }
  }
  const fileCount = results.length;
  const missed = notChecked ? ` (${notChecked} not read or not checked)` : '';
  lines.push(
    `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos, ${counts.hint} hints in ${fileCount} file${fileCount === 1 ? '' : 's'}${missed}`,
  );
  return lines.join('\n') + '\n';
}
