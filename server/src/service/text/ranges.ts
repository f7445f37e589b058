/** Places in the text: YAML nodes and spans, and the LSP ranges they cover. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Span } from '../syntax/parse';

/** Anything with a YAML range, or a plain span. */
export type Locatable = { range?: [number, number, number] | null } | Span;

export function spanOfLocatable(at: Locatable): Span {
  if ('start' in at && 'end' in at) return at;
  const range = (at as { range?: [number, number, number] | null }).range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

/** The LSP range of a node or span. */
export function rangeOf(document: TextDocument, at: Locatable): Range {
  const span = spanOfLocatable(at);
  return offsetRange(document, span.start, span.end);
}

/** The LSP range between two offsets. */
export function offsetRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}
