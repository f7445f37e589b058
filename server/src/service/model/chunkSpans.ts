/**
 * Where the incremental parser cuts a text into chunks: at each line that starts a top-level key, and
 * inside a block-style entity section at each line that starts an entity. A keystroke changes one
 * segment (a top-level key with its lines), and a segment is cut by its own lines alone: the spans of
 * the last version are kept for the segments before the change and moved for those after it, and only
 * the segments the change touches are cut again.
 */
import { KIND_OF_SECTION } from './model';

export interface ChunkSpan {
  /** `head` is the key line of a section whose entities are chunks of their own. */
  kind: 'top' | 'head' | 'entity';
  start: number;
  end: number;
  /** The section of a `head` or `entity` chunk. */
  section: string | undefined;
}

/** Characters that make a line at key position something other than a plain or quoted key. */
const NOT_A_KEY = new Set('-?:,[]{}&*!|>%@`');
/** A section key with nothing after it but a comment: its entities follow as a block map. */
const SECTION_LINE = /^([A-Za-z]+):[ ]*(?:#.*)?\r?$/;

/**
 * Where the chunks are, or `undefined` when the text cannot be parsed in chunks. Lines that are blank
 * or comments belong to the chunk before them; the first chunk starts at 0. The caller has checked
 * that the text holds no character the chunks refuse (`refusedInChange`).
 */
export function splitChunks(text: string): ChunkSpan[] | undefined {
  const spans = splitLines(text, 0, text.length, []);
  return spans?.length ? spans : undefined; // no key at all: nothing to cut
}

/**
 * The spans of `text`, which shares all but [prefix, length - suffix) with `before`, whose spans are
 * `spans`: exactly what `splitChunks(text)` gives. The segment of the character before the change is
 * where cutting starts again (deleting a line end joins a line to the one before); the first segment
 * that starts after the change, past a line end both versions share, is where it stops.
 */
export function splitAfterChange(before: string, spans: readonly ChunkSpan[], text: string, prefix: number, suffix: number): ChunkSpan[] | undefined {
  let first = lastStartingAt(spans, Math.max(0, prefix - 1));
  while (spans[first].kind === 'entity') first--;
  const changeEnd = before.length - suffix;
  let next = lastStartingAt(spans, changeEnd) + 1;
  while (next < spans.length && spans[next].kind === 'entity') next++;
  const delta = text.length - before.length;
  const split = splitLines(text, spans[first].start, next < spans.length ? spans[next].start + delta : text.length, spans.slice(0, first));
  if (!split) return undefined;
  // The change took the first key's line: the next segment starts the text now (at 0).
  if (split.length === 0) return splitChunks(text);
  for (let i = next; i < spans.length; i++) split.push({ ...spans[i], start: spans[i].start + delta, end: spans[i].end + delta });
  return split;
}

/** The index of the last of `spans` (in text order) that starts at or before `offset`; 0 when none does. */
export function lastStartingAt(spans: readonly { start: number }[], offset: number): number {
  let [low, high] = [0, spans.length - 1];
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (spans[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The spaces at the start of the line at `offset` (a span's start); 0 at the end of the text. */
export function indentationAt(text: string, offset: number | undefined): number {
  if (offset === undefined) return 0;
  let at = offset;
  while (text.charCodeAt(at) === 32) at++;
  return at - offset;
}

/**
 * Cuts the lines of [from, to) after `spans`, the spans before `from`: `from` is 0 or the start of a
 * top-level key's line, `to` the end of the text or the start of one. `undefined` when they cannot be
 * cut (a top-level line that is no key, indented content before the first key).
 */
function splitLines(text: string, from: number, to: number, spans: ChunkSpan[]): ChunkSpan[] | undefined {
  let segment: { start: number; section?: string; entityIndent: number; entities: number[]; split: boolean } | undefined;
  const close = (end: number) => {
    if (!segment) return;
    const { start, section, entities } = segment;
    if (!section || !segment.split || entities.length === 0) {
      spans.push({ kind: 'top', start: spans.length === 0 ? 0 : start, end, section: undefined });
      return;
    }
    spans.push({ kind: 'head', start: spans.length === 0 ? 0 : start, end: entities[0], section });
    entities.forEach((entityStart, i) => spans.push({ kind: 'entity', start: entityStart, end: entities[i + 1] ?? end, section }));
  };
  const bom = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let lineStart = from + bom; lineStart < to; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let first = lineStart;
    while (first < lineEnd && text.charCodeAt(first) === 32) first++;
    const blank = first === lineEnd || (text[first] === '\r' && first + 1 === lineEnd);
    if (!blank && text[first] !== '#') {
      const indent = first - lineStart;
      const char = text[first];
      if (indent === 0) {
        if (NOT_A_KEY.has(char) || text.startsWith('...', first)) return undefined;
        close(lineStart);
        const match = SECTION_LINE.exec(text.slice(lineStart, lineEnd));
        const section = match && KIND_OF_SECTION[match[1]] ? match[1] : undefined;
        segment = { start: lineStart, section, entityIndent: -1, entities: [], split: true };
      } else if (!segment) {
        return undefined; // indented content before the first key
      } else if (segment.section && segment.split) {
        if (segment.entityIndent < 0) segment.entityIndent = indent;
        if (indent < segment.entityIndent) segment.split = false;
        else if (indent === segment.entityIndent) {
          if (NOT_A_KEY.has(char)) segment.split = false;
          else segment.entities.push(lineStart);
        }
      }
    }
    lineStart = newline < 0 ? text.length : newline + 1;
  }
  close(to);
  return spans;
}
