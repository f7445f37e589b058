/**
 * GitHub Actions workflow commands: an annotation per finding (`::error file=..,line=..::message`) on
 * the file and lines it is about, then the count. Values are escaped as GitHub's toolkit does (`%`, CR
 * and LF in the message; also `:` and `,` in the properties), so that no text from a file can end the
 * command early or start another one.
 */
import { Severity, severityName } from '../../service';
import type { FileResult } from '../check';
import { escapeControl } from '../escape';
import { oneBased, slashPath } from './location';
import { countLine } from './text';

/** GitHub has three levels: infos and hints are notices. */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileResult[]): string {
  const lines = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => {
      const region = oneBased(d.range);
      const properties: [string, string | number][] = [
        ['file', slashPath(file)],
        ['line', region.startLine],
        ['endLine', region.endLine],
        ['col', region.startColumn],
        ['endColumn', region.endColumn],
        ['title', `ppnet ${d.code}`],
      ];
      const written = properties.map(([name, value]) => `${name}=${escapeProperty(escapeControl(String(value)))}`).join(',');
      return `::${COMMAND[severityName(d.severity)]} ${written}::${escapeData(escapeControl(d.message))}`;
    }),
  );
  // The count, as the text format ends: a plain line in the log.
  return [...lines, countLine(results)].join('\n') + '\n';
}
