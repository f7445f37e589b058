/**
 * Where the cursor is, read from the text alone: the key path from indentation of the lines above, and
 * whether a key, a value, a list item or a rule code in a disable comment is being typed. It works on
 * text the YAML parser cannot make sense of (the file is broken while you type) and never throws.
 */
import { Span } from './parse';

interface Typed {
  /** What has been typed of the word so far (quotes left out). */
  prefix: string;
  /** The whole word the cursor is in, which a completion replaces. */
  range: Span;
}

export type CursorContext =
  /**
   * A key of the map at `path` (`[]` for the file, `['circuits', 'er-ams']` for a circuit); `flow`
   * when the map is written `{ ... }` on one line.
   */
  | (Typed & { kind: 'key'; path: string[]; siblings: string[]; hasColon: boolean; flow: boolean })
  /** The value of the key at the end of `path` (`['environments', 'prod', 'region']`). */
  | (Typed & { kind: 'value'; path: string[]; quoted: boolean })
  /** An entry of the list at `path`; `siblings` are the other entries. */
  | (Typed & { kind: 'item'; path: string[]; quoted: boolean; siblings: string[] })
  /** A rule code in a `# ppnet-disable-...` comment. */
  | (Typed & { kind: 'ruleCode'; siblings: string[] })
  | { kind: 'none' };

const NONE: CursorContext = { kind: 'none' };
const KEY_LINE = /^(\s*)(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_<][^:#]*?))\s*:(?=\s|$)/;
const DIRECTIVE = /^\s*#\s*ppnet-disable-(?:next-line|file)\s/;

export function cursorContext(text: string, offset: number): CursorContext {
  try {
    return contextAt(text, Math.max(0, Math.min(offset, text.length)));
  } catch {
    return NONE;
  }
}

function contextAt(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, Math.max(offset, lineEnd));
  const lines = text.split(/\r?\n/);
  const line = countLines(text, lineStart);

  if (commentStart(before) >= 0) return DIRECTIVE.test(before) ? ruleCodeContext(before, after, offset) : NONE;

  const dash = /^(\s*)-(\s+)(.*)$/.exec(before);
  if (dash) {
    const indent = dash[1].length;
    const parent = dashParent(lines, line, indent);
    if (!parent) return NONE;
    const path = parentPath(lines, parent.line, parent.indent);
    if (!path) return NONE;
    // `- key: value`: the first key of a map in a list (an enterprise policy's subnets).
    const pair = /^([A-Za-z][\w-]*)\s*:(\s+)(.*)$/.exec(dash[3]);
    if (pair) {
      if (/^[[{]/.test(pair[3])) return NONE;
      const { prefix, range, quoted } = word(pair[3], after, offset, /[#]/);
      return { kind: 'value', path: [...path, parent.key, pair[1]], prefix, range, quoted };
    }
    if (/:(\s|$)/.test(dash[3])) return NONE;
    return itemContext([...path, parent.key], dash[3], after, offset, dashSiblings(lines, line, indent));
  }

  const keyed = KEY_LINE.exec(before);
  if (keyed && before.length > keyed[0].length) {
    const key = keyed[2] ?? keyed[3] ?? keyed[4];
    const path = parentPath(lines, line, keyed[1].length);
    if (!path) return NONE;
    const valueText = before.slice(keyed[0].length).replace(/^\s+/, '');
    if (valueText.startsWith('[')) {
      const inside = valueText.slice(1);
      if (inside.includes(']')) return NONE;
      const typed = inside.slice(inside.lastIndexOf(',') + 1).replace(/^\s+/, '');
      const rest = after.slice(0, after.includes(']') ? after.indexOf(']') : after.length);
      const siblings = [...inside.split(',').slice(0, -1), ...rest.split(',').slice(1)].map(cleanItem).filter(Boolean);
      return itemContext([...path, key], typed, after, offset, siblings);
    }
    if (valueText.startsWith('{')) return flowMapContext([...path, key], valueText.slice(1), after, offset);
    const { prefix, range, quoted } = word(valueText, after, offset, /[#]/);
    return { kind: 'value', path: [...path, key], prefix, range, quoted };
  }

  const keyTyped = /^(\s*)([^\s:#'"[\]{},-][^\s:#'"]*|)$/.exec(before);
  if (keyTyped) {
    const indent = keyTyped[1].length;
    const path = parentPath(lines, line, indent);
    if (!path) return NONE;
    const rest = /^[^\s:#'"]*/.exec(after)![0];
    const hasColon = /^\s*:(\s|$)/.test(after.slice(rest.length));
    return {
      kind: 'key',
      path,
      prefix: keyTyped[2],
      range: { start: offset - keyTyped[2].length, end: offset + rest.length },
      siblings: keySiblings(lines, line, indent),
      hasColon,
      flow: false,
    };
  }
  return NONE;
}

function countLines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Where a comment starts in a line's beginning, outside quotes; -1 when there is none. */
function commentStart(before: string): number {
  let quote = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[,:-]/.test(before[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]))) {
      return i;
    }
  }
  return -1;
}

function ruleCodeContext(before: string, after: string, offset: number): CursorContext {
  const typed = /[^\s,]*$/.exec(before)![0];
  const rest = /^[^\s,]*/.exec(after)![0];
  const words = `${before.slice(0, before.length - typed.length)} ${after.slice(rest.length)}`
    .replace(DIRECTIVE, '')
    .split(/[\s,]+/);
  const end = words.findIndex((w) => w.startsWith('#') || w === '--');
  const siblings = (end < 0 ? words : words.slice(0, end)).filter(Boolean);
  return { kind: 'ruleCode', prefix: typed, range: { start: offset - typed.length, end: offset + rest.length }, siblings };
}

/** Inside `{ key: value, ... }` on one line (nested collections are not followed). */
function flowMapContext(path: string[], inside: string, after: string, offset: number): CursorContext {
  if (/[{}[\]]/.test(inside)) return NONE;
  const typed = inside.slice(inside.lastIndexOf(',') + 1);
  const rest = after.slice(0, after.includes('}') ? after.indexOf('}') : after.length);
  const siblings = [...inside.split(',').slice(0, -1), ...rest.split(',').slice(1)]
    .map((entry) => /^\s*([^\s:]+)\s*:/.exec(entry)?.[1])
    .filter((key): key is string => key !== undefined);
  const pair = /^\s*([^\s:]+)\s*:\s+(.*)$/.exec(typed);
  if (pair) {
    const { prefix, range, quoted } = word(pair[2], after, offset, /[,}#]/);
    return { kind: 'value', path: [...path, pair[1]], prefix, range, quoted };
  }
  const prefix = typed.replace(/^\s+/, '');
  if (/[\s:'"]/.test(prefix)) return NONE;
  const restOfWord = /^[^\s:,}]*/.exec(after)![0];
  const hasColon = /^\s*:/.test(after.slice(restOfWord.length));
  return { kind: 'key', path, prefix, range: { start: offset - prefix.length, end: offset + restOfWord.length }, siblings, hasColon, flow: true };
}

function itemContext(path: string[], typedText: string, after: string, offset: number, siblings: string[]): CursorContext {
  const { prefix, range, quoted } = word(typedText, after, offset, /[,\]#]/);
  return { kind: 'item', path, prefix, range, quoted, siblings };
}

/** The value typed so far and its whole extent on the line, up to `stop` or a closing quote. */
function word(typed: string, after: string, offset: number, stop: RegExp): Typed & { quoted: boolean } {
  const quote = /^["']/.test(typed) ? typed[0] : '';
  const prefix = quote ? typed.slice(1) : typed;
  let rest = after;
  const stopAt = quote ? after.indexOf(quote) : after.search(stop);
  if (stopAt >= 0) rest = after.slice(0, stopAt);
  if (!quote) rest = rest.replace(/\s+$/, '');
  return { prefix, range: { start: offset - prefix.length, end: offset + rest.length }, quoted: quote !== '' };
}

function cleanItem(item: string): string {
  return item.replace(/#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

function isBlankOrComment(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

function keyOf(line: string): string | undefined {
  const match = KEY_LINE.exec(line);
  return match ? (match[2] ?? match[3] ?? match[4]) : undefined;
}

/**
 * The keys of the maps that hold a line indented by `indent`: each nearer line with less indentation
 * is the key of the next map out. `undefined` when such a line is not a key (a list entry, a scalar
 * spread over lines): the place is not one completion can name.
 */
function parentPath(lines: string[], line: number, indent: number): string[] | undefined {
  const path: string[] = [];
  let limit = indent;
  for (let i = line - 1; i >= 0 && limit > 0; i--) {
    if (isBlankOrComment(lines[i])) continue;
    const lineIndent = indentOf(lines[i]);
    if (lineIndent >= limit) continue;
    const item = /^(\s*)-\s+(?=[A-Za-z])/.exec(lines[i]);
    if (item && item[0].length === limit && keyOf(lines[i].slice(item[0].length))) {
      // A key of a map that is an entry of a list (`- vnet: x` then `  region: y`): the list's key is next out.
      const parent = dashParent(lines, i, lineIndent);
      if (!parent) return undefined;
      path.unshift(parent.key);
      limit = parent.indent;
      i = parent.line;
      continue;
    }
    const key = keyOf(lines[i]);
    if (key === undefined || /^\s*-/.test(lines[i])) return undefined;
    path.unshift(key);
    limit = lineIndent;
  }
  return path;
}

/** The key whose list holds a `- ` entry: above it, less indented, or as indented for a compact list. */
function dashParent(lines: string[], line: number, indent: number): { line: number; indent: number; key: string } | undefined {
  for (let i = line - 1; i >= 0; i--) {
    if (isBlankOrComment(lines[i])) continue;
    const lineIndent = indentOf(lines[i]);
    const isDash = /^\s*-(\s|$)/.test(lines[i]);
    if (lineIndent > indent || (isDash && lineIndent === indent)) continue;
    const key = keyOf(lines[i]);
    if (isDash || key === undefined) return undefined;
    if (lines[i].slice(KEY_LINE.exec(lines[i])![0].length).replace(/#.*$/, '').trim() !== '') return undefined;
    return { line: i, indent: lineIndent, key };
  }
  return undefined;
}

function dashSiblings(lines: string[], line: number, indent: number): string[] {
  // A key as indented as the entries ends a compact list (`key:` then `- entry` at the same column).
  return neighbours(lines, line, indent, (l) => !/^\s*-(\s|$)/.test(l))
    .map((l) => /^\s*-\s+(.*)$/.exec(l)?.[1] ?? '')
    .map(cleanItem)
    .filter(Boolean);
}

function keySiblings(lines: string[], line: number, indent: number): string[] {
  const keys = neighbours(lines, line, indent)
    .filter((l) => !/^\s*-/.test(l))
    .map(keyOf)
    .filter((key): key is string => key !== undefined);
  // In a map that is a list entry, the key written on the entry's `- ` line is a sibling too.
  for (let i = line - 1; i >= 0; i--) {
    if (isBlankOrComment(lines[i]) || indentOf(lines[i]) >= indent) continue;
    const item = /^(\s*)-\s+/.exec(lines[i]);
    const key = item && item[0].length === indent ? keyOf(lines[i].slice(item[0].length)) : undefined;
    if (key !== undefined) keys.push(key);
    break;
  }
  return keys;
}

/** The other lines indented exactly by `indent` in the block around `line`, up to a line that `ends` it. */
function neighbours(lines: string[], line: number, indent: number, ends: (line: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const step of [-1, 1]) {
    for (let i = line + step; i >= 0 && i < lines.length; i += step) {
      if (isBlankOrComment(lines[i])) continue;
      const lineIndent = indentOf(lines[i]);
      if (lineIndent < indent || (lineIndent === indent && ends(lines[i]))) break;
      if (lineIndent === indent) found.push(lines[i]);
    }
  }
  return found;
}

/** A plain block key at the start of a line: `  region: europe`, `environments:`. */
const PLAIN_KEY_LINE = /^( *)([A-Za-z_][\w-]*) *:(?: |$)/;
/** Plain words YAML reads as a boolean or null, not as the key's name. */
const NOT_A_STRING = /^(?:true|false|null|True|False|Null|TRUE|FALSE|NULL)$/;
/** A carriage return that no line feed follows. */
const LONE_CR = /\r(?!\n)/;
/** Characters after which a line may hold more than a plain block key and plain values. */
const MAYBE_OPEN = /["'[\]{}|>?%\t]|^(?:---|\.\.\.)/;

/**
 * The plain block key under `offset` and its key path (ending with the key), read from the text alone,
 * only where the text leaves no doubt about it: every line before it closes what it opens (no
 * multi-line quote or flow collection, no block scalar, no tab, explicit key, directive or document
 * marker, no carriage return alone), and every map that holds it is a plain `key:` line with nothing
 * after it. Anything else is `undefined`: the parse has to tell.
 */
export function blockKeyAt(text: string, offset: number): { path: string[]; span: Span } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', lineStart);
  // A carriage return alone ends a line for YAML, not for this reading of the lines.
  if (LONE_CR.test(text.slice(0, newline < 0 ? text.length : newline + 1))) return undefined;
  const own = text.slice(lineStart, newline < 0 ? text.length : newline);
  const key = PLAIN_KEY_LINE.exec(own);
  if (!key || NOT_A_STRING.test(key[2])) return undefined;
  const span = { start: lineStart + key[1].length, end: lineStart + key[1].length + key[2].length };
  if (offset < span.start || offset > span.end) return undefined;
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop(); // the empty rest after the last newline
  if (!lines.every(closesItself)) return undefined;
  const path = [key[2]];
  let limit = key[1].length;
  for (let i = lines.length - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i];
    if (isBlankOrComment(line)) continue;
    const indent = indentOf(line);
    if (indent >= limit) continue;
    const parent = PLAIN_KEY_LINE.exec(line);
    if (!parent || NOT_A_STRING.test(parent[2]) || line.slice(parent[0].length).replace(/#.*$/, '').trim() !== '') return undefined;
    path.unshift(parent[2]);
    limit = indent;
  }
  return limit === 0 ? { path, span } : undefined;
}

/**
 * Whether a line ends every construct it starts (quotes and brackets balance, no block scalar), and
 * holds no tab, explicit key, directive or document marker: then the next lines' place in the file is
 * their indentation's.
 */
function closesItself(line: string): boolean {
  if (!MAYBE_OPEN.test(line)) return true;
  if (line.includes('\t') || /^(?:---|\.\.\.|%)/.test(line) || /^ *(?:- +)*\?(?: |$)/.test(line)) return false;
  let quote = '';
  let depth = 0;
  let end = line.length; // where a comment starts
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
    } else if (quote === "'") {
      if (c === "'" && line[i + 1] === "'") i++;
      else if (c === "'") quote = '';
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ')) {
      end = i;
      break;
    } else {
      // A quote opens a scalar only where a scalar starts; inside a plain scalar it is a character.
      if ((c === '"' || c === "'") && (i === 0 || /[ [{,]/.test(line[i - 1]))) quote = c;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
      if (depth < 0) return false;
    }
  }
  // Every quote closed: a block scalar's header ends the line outside them.
  return quote === '' && depth === 0 && !/(?:^|[ :-])[|>][-+0-9]*$/.test(line.slice(0, end).trimEnd());
}
