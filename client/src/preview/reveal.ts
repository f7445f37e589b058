/**
 * Where a reveal asked for by the preview page lands in the document. The page sends the range of the
 * node it shows (protocol/protocol.ts checked its shape); the document may have changed since the page
 * got its graph, so the range is bounded to the document's lines and their lengths, as VS Code's
 * `TextDocument.validateRange` does. Without `vscode`, so that the tests can run it.
 */
import type { Position, Range } from 'vscode-languageserver-types';

/** What is read of the document: VS Code's `TextDocument` has it. */
export interface DocumentLines {
  readonly lineCount: number;
  lineAt(line: number): { readonly text: string };
}

function positionIn(position: Position, document: DocumentLines): Position {
  const last = Math.max(document.lineCount - 1, 0);
  if (position.line > last) return { line: last, character: document.lineCount ? document.lineAt(last).text.length : 0 };
  return { line: position.line, character: Math.min(position.character, document.lineAt(position.line).text.length) };
}

/** `range` bounded to `document`: a line past the end is its last line's end, a character past a line's end that end. */
export function rangeInDocument(range: Range, document: DocumentLines): Range {
  return { start: positionIn(range.start, document), end: positionIn(range.end, document) };
}
