/** The findings as one JSON array of `{ file, code, severity, message, range }` (LSP's zero-based lines, UTF-16 characters). */
import { severityName } from '../../service';
import type { FileResult } from '../check';
import { escapeControlInJson } from '../escape';

export function formatJson(results: readonly FileResult[]): string {
  const rows = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({ file, code: String(d.code), severity: severityName(d.severity), message: d.message, range: d.range })),
  );
  return JSON.stringify(rows, escapeControlInJson, 2) + '\n';
}
