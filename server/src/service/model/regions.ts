/**
 * Broken regions for the incremental parser: the part of a text around a chunk that does not parse
 * cleanly (a key being typed, an unclosed quote or bracket), parsed with as much of its context as the
 * YAML parser's state depends on, so that a keystroke that breaks the YAML re-parses only what it can
 * affect.
 *
 * A region is parsed behind the clean span before it (after that span's section key when it is an
 * entity), which puts the parser where it is at the region's first line in the whole text, and that
 * span must come out exactly as its clean chunk (the region did not change what came before); behind
 * an empty entity instead, when the region's first line sets the parser's state alone (`prefixOf`). The
 * span after the region is parsed with it, in one parse, and the one after that too when the first
 * has a single line of content (a state the region leaves behind can show only on the line after the
 * next): after the prefix, this window is the text itself, so when they come out exactly as they
 * were parsed alone (same nodes, values and ranges) and no error or warning falls in them, nothing the
 * region leaves open reaches past them, and the region's nodes, errors and warnings in the window are
 * those of a full parse. When they do not (an unclosed quote or
 * flow collection, a plain scalar that runs on into the next line), the region takes in the next span
 * and is parsed again, up to a bounded size; beyond it, or when anything cannot be told (an alias, a
 * merge key, a region that reaches into another section), the caller parses the whole text.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, parseDocument, Scalar, YAMLError, YAMLMap } from 'yaml';
import { collectNodes, DuplicateKey, duplicateKeysBelow, isMergeKey, ParseProblem, problemOf } from '../syntax/parse';
import { indentationAt } from './chunkSpans';

export interface RegionSpan {
  kind: 'top' | 'head' | 'entity';
  start: number;
  end: number;
  section: string | undefined;
}

/** What a clean chunk is, to compare the region's right neighbour with: its kind and its one pair, at its place in the text. */
export interface CleanNeighbour {
  kind: RegionSpan['kind'];
  pair: Pair<Scalar, unknown>;
}

export interface Region {
  kind: 'region';
  /** `entity`: the region's pairs are entities of `section`; `top`: top-level pairs. */
  mode: 'top' | 'entity';
  section: string | undefined;
  start: number;
  end: number;
  /** The index after the region's last span. */
  next: number;
  pairs: Pair[];
  /** Errors and warnings, at their places in the text. */
  errors: ParseProblem[];
  warnings: ParseProblem[];
  duplicates: DuplicateKey[];
  /** The range of the map the pairs are in (the root or the section), as the region's parse ends it. */
  mapRange: [number, number, number];
  docRange: [number, number, number];
  docComment: string | null;
  docCommentBefore: string | null;
}

/** A region grows at most to this many characters (about a few hundred lines): beyond, the whole text is parsed. */
const MAX_REGION_LENGTH = 16_384;
/** Nodes compared at most per comparison (deeper or larger structures are not proved: the whole text is parsed). */
const MAX_COMPARED = 200_000;

/**
 * The region that starts at the broken span `first`, or `undefined` when its locality cannot be proved.
 * `clean(i)` is span `i`'s clean chunk, at its place in the text, or `undefined` when it does not parse
 * cleanly alone.
 */
export function parseRegion(
  text: string,
  spans: readonly RegionSpan[],
  clean: (index: number) => CleanNeighbour | undefined,
  first: number,
  options: Parameters<typeof parseDocument>[1],
): Region | undefined {
  const span = spans[first];
  if (span.kind === 'head') return undefined;
  const mode = span.kind;
  const prefix = prefixOf(text, spans, clean, first);
  if (!prefix) return undefined;
  const windowStart = span.start - prefix.text.length;
  for (let next = first + 1; ; next++) {
    const end = spans[next - 1].end;
    if (end - windowStart > MAX_REGION_LENGTH) return undefined;
    const body = prefix.text + text.slice(span.start, end);
    const budget = { left: MAX_COMPARED };
    // A state the region leaves behind can show only on the line after the next: the span after the region,
    // and the one after that too when the first has one line of content (a section's key, a one-line entity).
    // None at the end of the text.
    const after = next === spans.length ? [] : spans.slice(next, next + (contentLines(text, spans[next], 2) < 2 ? 2 : 1));
    const neighbours = after.map((_, i) => clean(next + i));
    if (neighbours.every((n) => n)) {
      const window = after.length ? body + text.slice(after[0].start, after[after.length - 1].end) : body;
      const found = provedLocal(parseDocument(window, options), body.length, mode, prefix, neighbours as CleanNeighbour[], windowStart, budget);
      if (found === 'unprovable') return undefined;
      if (found) return finish(text, found.doc, found.pairs, mode, span.section, next, windowStart, span.start, end);
    }
    // The region reaches into the next span (or that span is broken too): take it in, if it is of the region's kind.
    const following = spans[next];
    if (following.kind !== mode || following.section !== span.section) return undefined;
  }
}

interface Prefix {
  /** The text parsed before the region: the clean span before it, after its section's key when it is an entity. */
  text: string;
  /** That span's clean chunk; none at the start of the text. */
  before: CleanNeighbour | undefined;
  /** The section of `before` when it is an entity. */
  section: string | undefined;
  /** Whether the text stands in for `before`: one empty entity (`STAND_IN`) at its indentation. */
  standIn?: boolean;
}

/** The key of the entity that stands in for the one before an entity region. */
const STAND_IN = 'x';

/**
 * What puts the parser where it is at the region's first line in the whole text: the span before the
 * region, which is clean (a region ends only before a clean span), parsed as it is, after its
 * section's key when it is an entity (the parser's state at a line depends on how deep the line before
 * it nests); an empty entity at its indentation when the region is an entity whose first line sets
 * that state alone (`resetsIndentation`).
 */
function prefixOf(text: string, spans: readonly RegionSpan[], clean: (index: number) => CleanNeighbour | undefined, first: number): Prefix | undefined {
  if (first === 0) return { text: '', before: undefined, section: undefined };
  const span = spans[first - 1];
  const before = clean(first - 1);
  if (!before || span.end - span.start > MAX_REGION_LENGTH) return undefined;
  const region = spans[first];
  if (span.kind === 'entity' && region.kind === 'entity' && region.section === span.section && resetsIndentation(text, region.start)) {
    return { text: `${span.section}:\n${' '.repeat(indentationAt(text, span.start))}${STAND_IN}:\n`, before, section: span.section, standIn: true };
  }
  const own = text.slice(span.start, span.end);
  return span.kind === 'entity' ? { text: `${span.section}:\n${own}`, before, section: span.section } : { text: own, before, section: undefined };
}

/**
 * Whether the line at `start` (an entity's line) begins with two characters of content: then the YAML
 * lexer sets its indentation state from that line alone, whatever the lines before it left (a line of
 * one character keeps what they left, which tells whether the next lines continue it), and the parser
 * closes every collection the lines before it opened deeper. So an empty entity at the same indentation
 * puts the parser where the clean entity before it does, for a fraction of its text.
 */
function resetsIndentation(text: string, start: number): boolean {
  const at = start + indentationAt(text, start);
  return text.charCodeAt(at) !== 35 && /\S/.test(text.charAt(at)) && /\S/.test(text.charAt(at + 1));
}

/**
 * The region's pairs in a parse of prefix + region (+ more): the pairs after the prefix's in the map
 * the region starts in (a section for an entity region), and the top-level pairs after that section;
 * `undefined` when the prefix did not come out exactly as its clean chunk (the region changed its meaning).
 */
function regionPairs(doc: Document.Parsed, mode: 'top' | 'entity', prefix: Prefix, windowStart: number, budget: { left: number }): { inSection: Pair[]; after: Pair[] } | undefined {
  const root = doc.contents;
  if (!isMap(root) || root.flow) return undefined;
  const { before } = prefix;
  if (!before) return mode === 'top' ? { inSection: [], after: [...root.items] } : undefined;
  const [head, ...rest] = root.items;
  if (!head) return undefined;
  if (before.kind === 'top') return mode === 'top' && sameNode(head, before.pair, windowStart, budget) ? { inSection: [], after: rest } : undefined;
  // The section's key: the head chunk's (its value is the section, built from the chunks), or the section line before an entity.
  if (before.kind === 'head' ? !sameNode(head.key, before.pair.key, windowStart, budget) : !(isScalar(head.key) && head.key.value === prefix.section && head.key.range![0] === 0)) return undefined;
  const section = head.value;
  if (!isMap(section) || section.flow) return undefined;
  if (before.kind === 'head') return mode === 'entity' ? { inSection: [...section.items], after: rest } : undefined;
  if (!section.items.length || !(prefix.standIn ? isStandIn(section.items[0]) : sameNode(section.items[0], before.pair, windowStart, budget))) return undefined;
  if (mode === 'top') return section.items.length === 1 ? { inSection: [], after: rest } : undefined;
  return { inSection: section.items.slice(1), after: rest };
}

/**
 * The region's pairs in its window (the region with the one or two spans after it, none at the end of
 * the text), when the region ends where it is: those spans come out exactly as their clean chunks
 * (same nodes, values and ranges) and every error and warning is the region's. After the prefix the window is the text itself, so
 * the region's pairs and problems in it are those of a full parse: the spans after it parsed as they
 * are alone, so nothing the region leaves open reaches past them. `undefined`: the region reaches into
 * them; `unprovable`: the prefix did not come out as its chunk, or an entity region ends its section.
 */
function provedLocal(
  doc: Document.Parsed,
  bodyLength: number,
  mode: 'top' | 'entity',
  prefix: Prefix,
  neighbours: CleanNeighbour[],
  windowStart: number,
  budget: { left: number },
): { doc: Document.Parsed; pairs: Pair[] } | 'unprovable' | undefined {
  const found = regionPairs(doc, mode, prefix, windowStart, budget);
  // A second document in the window (a `...` or `---` the region's open flow collection let through): only a whole parse reads it.
  if (!found || problemsIn(doc, 0, prefix.text.length) || doc.errors.some((e) => e.code === 'MULTIPLE_DOCS')) return 'unprovable';
  const [first, second] = neighbours;
  // A problem in the spans after the region: it reaches into them (at the end of the text, every problem is the region's).
  if (first && problemsIn(doc, bodyLength, Infinity)) return undefined;
  const pairs = [...found.inSection, ...found.after];
  // A section's key followed by its first entity holds it; each span is otherwise a pair of its own.
  const nested = first?.kind === 'head' && second?.kind === 'entity';
  const own = pairs.length - (nested ? 1 : neighbours.length);
  if (own < 0) return undefined;
  // An entity region's pairs are entities: one that reaches the top level ended its section.
  if (mode === 'entity' && own > found.inSection.length) return 'unprovable';
  if (!first) return { doc, pairs };
  const [next, afterNext] = pairs.slice(own);
  if (nested) {
    const section = next.value;
    const same = sameNode(next.key, first.pair.key, windowStart, budget) && isMap(section) && !section.flow && section.items.length === 1 && sameNode(section.items[0], second.pair, windowStart, budget);
    return same ? { doc, pairs: pairs.slice(0, own) } : undefined;
  }
  const same = sameNeighbour(next, first, windowStart, budget) && (!second || sameNeighbour(afterNext, second, windowStart, budget));
  return same ? { doc, pairs: pairs.slice(0, own) } : undefined;
}

/** How many lines of a span hold more than spaces and a comment, counted up to `enough`. */
function contentLines(text: string, span: RegionSpan, enough: number): number {
  let count = 0;
  for (let at = span.start; at < span.end && count < enough; ) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 || newline > span.end ? span.end : newline;
    let first = at;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 13)) first++;
    if (first < end && text.charCodeAt(first) !== 35) count++;
    at = end + 1;
  }
  return count;
}

/** Whether a pair is the stand-in entity: its key with nothing after it. */
function isStandIn(pair: Pair): boolean {
  return isScalar(pair.key) && pair.key.value === STAND_IN && (pair.value === null || (isScalar(pair.value) && pair.value.value === null));
}

/** Whether the parse found an error or a warning that starts in [from, to). */
function problemsIn(doc: Document.Parsed, from: number, to: number): boolean {
  return doc.errors.some((e) => e.pos[0] >= from && e.pos[0] < to) || doc.warnings.some((e) => e.pos[0] >= from && e.pos[0] < to);
}

/** Whether a pair of the window is a clean chunk's pair; a section's key alone (its entities are chunks of their own) has a null value in both. */
function sameNeighbour(pair: Pair, neighbour: CleanNeighbour, windowStart: number, budget: { left: number }): boolean {
  if (neighbour.kind !== 'head') return sameNode(pair, neighbour.pair, windowStart, budget);
  return sameNode(pair.key, neighbour.pair.key, windowStart, budget) && isScalar(pair.value) && pair.value.value === null;
}

/** Whether two node trees are the same, `b`'s ranges `delta` further in the text than `a`'s (without recursion: nesting can be deep). */
function sameNode(a: unknown, b: unknown, delta: number, budget: { left: number }): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length) {
    if (--budget.left < 0) return false;
    const [x, y] = pending.pop()!;
    if (x === null || x === undefined || y === null || y === undefined) {
      if ((x ?? null) !== (y ?? null)) return false;
      continue;
    }
    if (isPair(x)) {
      if (!isPair(y)) return false;
      pending.push([x.key, y.key], [x.value, y.value]);
      continue;
    }
    if (isAlias(x) || isAlias(y)) return false;
    const [nx, ny] = [x as Node, y as Node];
    if (!nx.range || !ny.range || nx.range.some((offset, i) => offset + delta !== ny.range![i])) return false;
    if (nx.tag !== ny.tag || nx.anchor !== ny.anchor) return false;
    if (isScalar(nx)) {
      if (!isScalar(ny) || nx.type !== ny.type || (nx as { source?: unknown }).source !== (ny as { source?: unknown }).source) return false;
      const [vx, vy] = [nx.value, ny.value];
      if (!Object.is(vx, vy) && !(typeof vx === 'object' && typeof vy === 'object' && String(vx) === String(vy))) return false;
    } else if (isMap(nx)) {
      if (!isMap(ny) || !!nx.flow !== !!ny.flow || nx.constructor !== ny.constructor || nx.items.length !== ny.items.length) return false;
      nx.items.forEach((pair, i) => pending.push([pair, ny.items[i]]));
    } else if (isSeq(nx)) {
      if (!isSeq(ny) || !!nx.flow !== !!ny.flow || nx.constructor !== ny.constructor || nx.items.length !== ny.items.length) return false;
      nx.items.forEach((item, i) => pending.push([item, ny.items[i]]));
    } else return false;
  }
  return true;
}

/** The region's pairs, problems and ranges moved to their place in the text; `undefined` for what a region cannot hold. */
function finish(
  text: string,
  doc: Document.Parsed,
  pairs: Pair[],
  mode: 'top' | 'entity',
  section: string | undefined,
  next: number,
  windowStart: number,
  start: number,
  end: number,
): Region | undefined {
  // Merge keys take pairs from elsewhere, aliases name anchors elsewhere: only a whole parse tells.
  if (pairs.some((pair) => isMergeKey(pair))) return undefined;
  const nodes: Node[] = [];
  if (!collectNodes(pairs, nodes)) return undefined;
  const map = (mode === 'top' ? doc.contents : (doc.contents as YAMLMap<unknown, unknown>).items[0].value) as YAMLMap;
  // Ranges shared by several nodes (a map and its first key) are moved once.
  const moved = new Set<number[]>();
  for (const range of [...nodes.map((node) => node.range!), map.range!, doc.range]) {
    if (moved.has(range)) continue;
    moved.add(range);
    for (let i = 0; i < 3; i++) range[i] += windowStart;
  }
  const place = (e: YAMLError, kind: ParseProblem['kind']) => problemOf(kind, e.message, [e.pos[0] + windowStart, e.pos[1] + windowStart], text);
  return {
    kind: 'region',
    mode,
    section,
    start,
    end,
    next,
    pairs,
    errors: doc.errors.map((e) => place(e, 'error')),
    warnings: doc.warnings.map((e) => place(e, 'warning')),
    duplicates: pairs.flatMap((pair) => duplicateKeysBelow(pair.value, mode === 'entity' ? 2 : 1)),
    mapRange: [...map.range!] as [number, number, number],
    docRange: [...doc.range] as [number, number, number],
    docComment: doc.comment,
    docCommentBefore: doc.commentBefore,
  };
}

