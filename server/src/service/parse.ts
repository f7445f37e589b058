/**
 * Parsing: the YAML AST with source offsets, the parser's errors and warnings, duplicate keys, and
 * navigation helpers that resolve aliases and merge keys (`<<`) as YAML defines them.
 */
import { Alias, Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, Pair, parseAllDocuments, Scalar, YAMLMap, YAMLSeq } from 'yaml';

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

export function parseText(text: string): ParsedDocument {
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
  return { text, doc, problems: collapseStackOverflows(problems), duplicates: findDuplicateKeys(doc), comments: findComments(text) };
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

function problemOf(kind: ParseProblem['kind'], message: string, pos: [number, number], text: string): ParseProblem {
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
