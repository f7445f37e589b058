/**
 * Parsing: the YAML AST with source offsets, the parser's errors and warnings, duplicate keys, and
 * navigation helpers that resolve aliases and merge keys (`<<`) as YAML defines them.
 */
import {
  Alias,
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  Pair,
  parseAllDocuments,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';

export type YNode = Node;
export type YPair = Pair<unknown, unknown>;

/** An offset range [start, end) in the document's text (UTF-16 code units, as JavaScript strings). */
export interface Span {
  start: number;
  end: number;
}

export interface ParseProblem {
  kind: 'error' | 'warning';
  message: string;
  span: Span;
  /** The message says what is wrong and what to do on its own: it is reported without the parser's framing. */
  complete?: boolean;
}

export interface DuplicateKey {
  key: Scalar;
  /** The first occurrence, which is the one used. */
  first: Scalar;
}

export interface ParsedDocument {
  text: string;
  doc: Document.Parsed;
  problems: ParseProblem[];
  duplicates: DuplicateKey[];
  comments: CommentLine[];
  /** Set when the text is not YAML text at all (UTF-16, binary): nothing else is read from it. */
  notText?: NotText;
}

export interface CommentLine {
  /** Zero-based line of the comment. */
  line: number;
  /** The comment's text after `#`. */
  text: string;
  span: Span;
}

/** Aliases expanded at most this many times: enough for any real file, bounded for alias bombs. */
export const MAX_ALIAS_EXPANSIONS = 10_000;

/** How every topology text (or part of one) is parsed. */
export const PARSE_OPTIONS = { uniqueKeys: false, merge: true, prettyErrors: false, strict: true } as const;

export function parseText(original: string): ParsedDocument {
  const notText = sniffNotText((i) => original.charCodeAt(i), original.length);
  if (notText) {
    return { text: original, doc: parseDocument('') as Document.Parsed, problems: [notTextProblem(notText)], duplicates: [], comments: [], notText };
  }
  // YAML reads a carriage return alone as a line end, as editors do; the parser does not: give it
  // line feeds instead (the same length, so every offset stays where it was).
  const loneCrs = countMatches(original, LONE_CR);
  const text = loneCrs ? original.replace(LONE_CR, '\n') : original;
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const all = Array.isArray(docs) ? docs : [];
  const doc = all[0] ?? emptyDocument(text);
  const problems: ParseProblem[] = [];
  for (const error of doc.errors) problems.push(problemOf('error', error.message, error.pos, text));
  for (const warning of doc.warnings) problems.push(problemOf('warning', warning.message, warning.pos, text));
  for (const extra of all.slice(1)) {
    const start = extra.range[0];
    problems.push({
      kind: 'error',
      message:
        'A second YAML document starts here; a topology file holds one document. Remove the "---" separator or move this part into its own file.',
      span: { start, end: Math.max(start + 1, Math.min(extra.range[1], lineEnd(text, start))) },
    });
    for (const error of extra.errors) problems.push(problemOf('error', error.message, error.pos, text));
  }
  if (loneCrs) problems.push(loneCrProblem(original.search(LONE_CR), loneCrs));
  const control = controlCharacterProblem(text);
  if (control) problems.push(control);
  return withComments({ text, doc, problems: finishProblems(problems), duplicates: findDuplicateKeys(doc) });
}

const LONE_CR = /\r(?!\n)/g;

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}

function loneCrProblem(offset: number, count: number): ParseProblem {
  const others = count > 1 ? ` (${count.toLocaleString('en-US')} line ends in this file are like it)` : '';
  return {
    kind: 'warning',
    message:
      `This line ends with a carriage return (CR) alone, as classic Mac OS wrote line ends${others}. ` +
      'ppnet reads it as a line end, as YAML does, but Git, diff and many tools see one long line: save the file with LF (or CRLF) line ends.',
    span: { start: offset, end: offset + 1 },
    complete: true,
  };
}

/** Characters YAML does not allow in a file: C0 controls but tab, line feed and carriage return; DEL; C1 controls but NEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this does
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

export function hasControlCharacters(text: string): boolean {
  CONTROL_CHARACTER.lastIndex = 0;
  return CONTROL_CHARACTER.test(text);
}

const C0_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];

/** "U+001B (ESC)": a control character by its code point and name. */
export function controlCharacterName(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = code < 0x20 ? C0_NAMES[code] : code === 0x7f ? 'DEL' : 'a C1 control';
  return `${hex} (${name})`;
}

/** One problem for every control character in the text, at the first one, saying how many there are. */
function controlCharacterProblem(text: string): ParseProblem | undefined {
  const count = countMatches(text, CONTROL_CHARACTER);
  if (count === 0) return undefined;
  const offset = text.search(CONTROL_CHARACTER);
  const others = count > 1 ? `, the first of ${count.toLocaleString('en-US')} in this file` : '';
  return {
    kind: 'error',
    message:
      `Control character ${controlCharacterName(text.charCodeAt(offset))} here${others}: YAML does not allow control characters in a file, ` +
      'and they would act on the terminal or log that shows this value. Remove them; they are usually left over from a copy or a wrong encoding.',
    span: { start: offset, end: offset + 1 },
    complete: true,
  };
}

export type NotTextKind = 'utf-16le' | 'utf-16be' | 'binary';

export interface NotText {
  kind: NotTextKind;
  /** Where it shows: the first NUL of binary content, the start of the file for UTF-16. */
  offset: number;
}

/** How much of a file is looked at for NUL characters, as Git does to tell binary files from text. */
const SNIFF_LENGTH = 8000;

/**
 * Whether the first code units (or bytes) of a file say it is not text: UTF-16 (every other unit NUL,
 * as UTF-16 of mostly ASCII text is) or binary content (any other NUL).
 */
export function sniffNotText(unitAt: (index: number) => number, length: number): NotText | undefined {
  const end = Math.min(length, SNIFF_LENGTH);
  let even = 0;
  let odd = 0;
  let first = -1;
  for (let i = 0; i < end; i++) {
    if (unitAt(i) !== 0) continue;
    if (first < 0) first = i;
    if (i % 2) odd++;
    else even++;
  }
  if (first < 0) return undefined;
  const pairs = Math.floor(end / 2);
  if (odd >= pairs / 2 && even <= odd / 20) return { kind: 'utf-16le', offset: 0 };
  if (even >= pairs / 2 && odd <= even / 20) return { kind: 'utf-16be', offset: 0 };
  return { kind: 'binary', offset: first };
}

/** What to say about a file that is not text, whoever found it (the service in a text, the command line in bytes). */
export function notTextMessage(kind: NotTextKind, bom = false): string {
  if (kind === 'binary') {
    return (
      'Binary content, not text: the file holds a NUL character here, which text never holds, so ppnet does not read it as YAML. ' +
      'Check that this is the topology file you meant; if it is text, remove the NUL characters.'
    );
  }
  const endian = kind === 'utf-16le' ? 'LE' : 'BE';
  return (
    `UTF-16 text (${endian === 'LE' ? 'little' : 'big'}-endian, ${bom ? 'with' : 'no'} byte order mark): ppnet reads topology files as UTF-8 only. ` +
    `Save it as UTF-8, for example with "iconv -f UTF-16${bom ? '' : endian} -t UTF-8", or in VS Code with Reopen with Encoding (UTF-16 ${endian}) and then Save with Encoding (UTF-8).`
  );
}

function notTextProblem(notText: NotText): ParseProblem {
  const { kind, offset } = notText;
  return { kind: 'error', message: notTextMessage(kind), span: { start: offset, end: kind === 'binary' ? offset + 1 : offset }, complete: true };
}

/** The problems of a text as they are reported: repeats folded, stack overflows said once (the incremental parser does the same). */
export function finishProblems(problems: ParseProblem[]): ParseProblem[] {
  return foldRepeats(collapseStackOverflows(problems));
}

/** A parser that gives up on a construct may report the same error at the same place many times: report it once, saying how often. */
function foldRepeats(problems: ParseProblem[]): ParseProblem[] {
  const byKey = new Map<string, { problem: ParseProblem; count: number }>();
  for (const problem of problems) {
    const key = `${problem.kind}|${problem.span.start}|${problem.span.end}|${problem.message}`;
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { problem, count: 1 });
  }
  if (byKey.size === problems.length) return problems;
  return [...byKey.values()].map(({ problem, count }) =>
    count === 1 ? problem : { ...problem, message: `${problem.message} The parser found this ${count.toLocaleString('en-US')} times at this place; it is shown once.` },
  );
}

const TOO_DEEP =
  'The YAML nests too deeply to read: the parser ran out of stack here. A topology needs only a few levels of nesting; remove the extra brackets, dashes or indentation.';

/**
 * On very deep nesting the parser reports "Maximum call stack size exceeded" once for every level it
 * gives up on: report it once, where it starts, in words that say what to do.
 */
function collapseStackOverflows(problems: ParseProblem[]): ParseProblem[] {
  const overflows = problems.filter((p) => /call stack/i.test(p.message));
  if (overflows.length === 0) return problems;
  const first = overflows.reduce((a, b) => (b.span.start < a.span.start ? b : a));
  return [...problems.filter((p) => !overflows.includes(p)), { ...first, message: TOO_DEEP }];
}

function emptyDocument(text: string): Document.Parsed {
  // parseAllDocuments returns an empty list for an empty or comment-only text.
  const [doc] = parseAllDocuments(text + '\n{}');
  return doc;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

export function problemOf(kind: ParseProblem['kind'], message: string, pos: [number, number], text: string): ParseProblem {
  const start = Math.min(pos[0], text.length);
  let end = Math.min(Math.max(pos[1], start), text.length);
  if (end === start && start < text.length && text[start] !== '\n') end = start + 1;
  return { kind, message: cleanParserMessage(message), span: { start, end } };
}

/** The parser's messages end with a source excerpt when prettyErrors is on; keep the first line only. */
function cleanParserMessage(message: string): string {
  const first = message.split('\n')[0].trim();
  return first.endsWith('.') ? first : `${first}.`;
}

/**
 * A parsed document whose comment lines are found when first read: only disable comments, folding and
 * hover read them, and a file without `ppnet-disable` needs them for none of a keystroke's checks.
 */
export function withComments(parsed: Omit<ParsedDocument, 'comments'>): ParsedDocument {
  let comments: CommentLine[] | undefined;
  return Object.defineProperty(parsed as ParsedDocument, 'comments', { get: () => (comments ??= findComments(parsed.text)), enumerable: true });
}

export function findComments(text: string): CommentLine[] {
  const comments: CommentLine[] = [];
  const pattern = /^[ \t]*#(.*)$/gm;
  let line = 0;
  let lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    for (let i = text.indexOf('\n', lastIndex); i >= 0 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    lastIndex = match.index;
    const hash = match.index + match[0].indexOf('#');
    comments.push({ line, text: match[1], span: { start: hash, end: match.index + match[0].length } });
  }
  return comments;
}

export function findDuplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  return duplicateKeysBelow(doc.contents, 0);
}

/**
 * Collects the nodes at and below `roots` (nodes or pairs), each once, without recursion (nesting can
 * be deep); false when there is an alias, which may name an anchor outside them.
 */
export function collectNodes(roots: readonly unknown[], into: Node[]): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [...roots];
  while (pending.length) {
    const node = pending.pop();
    if (node === null || node === undefined || seen.has(node)) continue;
    seen.add(node);
    if (isAlias(node)) return false;
    if (isPair(node)) pending.push(node.key, node.value);
    else if (isScalar(node)) into.push(node);
    else if (isMap(node)) {
      into.push(node);
      for (const pair of node.items) pending.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      into.push(node);
      pending.push(...node.items);
    } else return false;
  }
  return true;
}

/**
 * The repeated keys of the maps at and below `node`, which is at `depth` in its document (deeper
 * than 200 is not looked at); with `shallow`, of `node`'s own keys only.
 */
export function duplicateKeysBelow(node: unknown, depth: number, shallow = false): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const seen = new Set<Node>();
  const visit = (node: unknown, depth: number): void => {
    if (!node || depth > 200 || seen.has(node as Node)) return;
    seen.add(node as Node);
    if (isMap(node)) {
      const firstByKey = new Map<string, Scalar>();
      for (const pair of node.items) {
        if (isScalar(pair.key) && !isMergeKey(pair)) {
          const name = String(pair.key.value);
          const first = firstByKey.get(name);
          if (first) duplicates.push({ key: pair.key, first });
          else firstByKey.set(name, pair.key);
        }
        if (!shallow) visit(pair.value, depth + 1);
      }
    } else if (isSeq(node) && !shallow) {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(node, depth);
  return duplicates;
}

export function isMergeKey(pair: YPair): boolean {
  // With the `merge` option the parser gives a plain `<<` key a symbol value.
  return isScalar(pair.key) && (typeof pair.key.value === 'symbol' || (pair.key.value === '<<' && pair.key.type === 'PLAIN'));
}

/** Follows aliases to the node they name; `undefined` for a dangling alias. */
export function resolveNode(doc: Document, node: unknown): Node | undefined {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) {
    current = (current as Alias).resolve(doc);
  }
  return isAlias(current) ? undefined : (current as Node | undefined);
}

/**
 * The pairs of a map in effect, first occurrence of each key winning, with merge keys (`<<`)
 * contributing the keys the map does not set itself.
 */
export function mapPairs(doc: Document, map: YAMLMap): YPair[] {
  const result: YPair[] = [];
  const names = new Set<string>();
  const add = (pair: YPair) => {
    if (!isScalar(pair.key)) return;
    const name = String(pair.key.value);
    if (names.has(name)) return;
    names.add(name);
    result.push(pair);
  };
  const merged: YAMLMap[] = [];
  for (const pair of map.items) {
    if (isMergeKey(pair)) {
      const source = resolveNode(doc, pair.value);
      if (isMap(source)) merged.push(source);
      else if (isSeq(source)) {
        for (const item of source.items) {
          const target = resolveNode(doc, item);
          if (isMap(target)) merged.push(target);
        }
      }
    } else add(pair);
  }
  for (const source of merged) for (const pair of source.items) if (!isMergeKey(pair)) add(pair);
  return result;
}

/** The text of a scalar as a string field reads it: numbers and booleans as written (`tls: 1.2`). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  const source = (node as Scalar & { source?: string }).source;
  return typeof source === 'string' && source !== '' ? source : String(node.value);
}

export { isMap, isScalar, isSeq, isAlias, Scalar, YAMLMap, YAMLSeq };
