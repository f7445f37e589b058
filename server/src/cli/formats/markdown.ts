/**
 * Findings for a pull-request comment or `$GITHUB_STEP_SUMMARY` (`ppnet drift --format markdown`): the
 * count in bold, then a table of file, line, severity, code and message. Every text from the files is
 * escaped (routes.ts `markdownText`), so that a file cannot add links, images or HTML to the comment.
 */
import { severityName } from '../../service';
import type { FileResult } from '../check';
import type { ReportContext } from './context';
import { markdownText } from '../routes';
import { countLine } from './text';

export function formatMarkdown(results: readonly FileResult[], context: ReportContext): string {
  const rows = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => [file, String(d.range.start.line + 1), severityName(d.severity), String(d.code), d.message]),
  );
  const lines = [`### ppnet ${context.tool}`, '', `**${markdownText(countLine(results))}.**`];
  if (rows.length) {
    lines.push('', '| File | Line | Severity | Code | Message |', '| --- | --- | --- | --- | --- |', ...rows.map((cells) => `| ${cells.map(markdownText).join(' | ')} |`));
  }
  return lines.join('\n') + '\n';
}
