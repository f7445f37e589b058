/**
 * Incremental parsing. A text is cut into chunks: at each line that starts a top-level key, and inside
 * a block-style entity section (`environments:` ...) at each line that starts an entity. Every chunk is
 * parsed on its own and its nodes are moved to the chunk's offset in the text. On the next version only
 * the chunks whose text changed are parsed again (`chunkSpans.ts` cuts again only where the text
 * changed); the others are found by their text and moved. The chunks' nodes are assembled into the
 * document a full parse gives, an entity is rebuilt only when its chunk changed, a section whose
 * chunks all stayed keeps its entities, and structural findings are kept per entity.
 *
 * A chunk that does not parse cleanly alone (a YAML error or warning, an explicit `? ` key) is parsed
 * as a broken region with what it can reach (`regions.ts`), proved against the chunks around it. One
 * that was broken in the last version goes to its region at once, and is parsed alone when its region
 * comes out clean.
 * Whatever the chunking cannot reproduce exactly is parsed in full instead: aliases, merge keys at an
 * entity's level, tabs, a lone CR, control characters, directives or a second document, flow-style or
 * unevenly indented sections, and a region whose reach cannot be bounded. Both ways give the same
 * nodes, ranges and diagnostics (property tests check it). One
 * difference: comments and blank lines between two chunks stay on the node their chunk's parse put
 * them on (`comment`, `commentBefore`, `spaceBefore`), where a full parse may put them on the next
 * node. Nothing reads those: disable comments and folding read the text's comment lines.
 */
import { Document, isMap, isScalar, Node, Pair, parseDocument, Scalar, YAMLMap } from 'yaml';
import { buildEntity, buildTopology, Entity, EntityBuilder, EntityOfKind, Topology } from './model';
import { ChunkSpan, indentationAt, lastStartingAt, splitAfterChange, splitChunks } from './chunkSpans';
import type { TrackedSection } from './reads';
import { collectNodes, DuplicateKey, duplicateKeysBelow, finishProblems, withComments, hasControlCharacters, isMergeKey, mapPairs, ParsedDocument, ParseProblem, PARSE_OPTIONS, parseText } from '../syntax/parse';
import { dedupe, entitiesValid, entitySchemaFindings, SchemaFinding, validateSchema, validateSchemaOutside } from './schema';
import { parseRegion, Region } from './regions';
import { editScalarInPlace } from './scalarEdit';
import { commonPrefix, commonSuffix } from '../text/common';

interface Chunk extends ChunkSpan {
  text: string;
  /** The chunk's one pair: a top-level key, a section's key, or an entity. */
  pair: Pair<Scalar, unknown>;
  /** The chunk's own root map: its range is where the pair's content starts and ends. */
  root: YAMLMap;
  /** Every node of the chunk, to move them when the chunk moves. */
  nodes: Node[];
  /** The chunk document's range and comments, relative to the chunk. */
  docRange: [number, number, number];
  docComment: string | null;
  docCommentBefore: string | null;
  /** Repeated keys inside the chunk's value. */
  duplicates: DuplicateKey[];
  entity?: Entity;
  /** Structural findings of an entity, kept while they hold no offset of their own. */
  findings?: SchemaFinding[];
  /**
   * The range ends that reach the chunk's end because its last value is empty and comment lines follow
   * it: a full parse ends them where the next chunk's key starts, after its indentation (`openEnd`).
   */
  openEnds: [Node, 1 | 2][];
  /** How far past the chunk's end they reach now. */
  extension: number;
}

export interface ParseResult {
  parsed: ParsedDocument;
  topology: Topology;
  /** Whether the chunks were used (false: the whole text was parsed). */
  incremental: boolean;
  /** The structural findings of the JSON Schema, computed on first call (from the chunks when they were used). */
  schemaFindings: () => SchemaFinding[];
}

/** The schema findings of a document parsed whole; none for a file that is not text (its one diagnostic says why). */
export function schemaFindingsOfWhole(parsed: ParsedDocument): SchemaFinding[] {
  return parsed.notText ? [] : validateSchema(parsed.doc, parsed.text);
}

/** A function that computes once, on its first call. */
function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** Parses successive versions of one document, reusing the unchanged chunks of the previous one. */
export class IncrementalParser {
  /** The last version parsed in chunks, its spans, and its chunks in text order. */
  private previous: { text: string; spans: ChunkSpan[]; chunks: Chunk[] } = { text: '', spans: [], chunks: [] };
  /**
   * Where the spans of that version that did not parse alone start. While a key is typed its entity
   * stays broken keystroke after keystroke: a span that starts there, before the change, goes straight
   * to its region, and is parsed alone only once its region comes out clean.
   */
  private brokenStarts = new Set<number>();
  /**
   * The split sections of that version by name, with their entities: one whose chunks did not change
   * keeps them. Empty when that version was not assembled (a chunk may have been edited since).
   */
  private sections = new Map<string, SectionMemo>();

  update(text: string): ParseResult {
    const old = this.previous.text;
    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, prefix);
    const last = this.previous;
    const spans = refusedInChange(text, prefix, suffix) ? undefined : last.spans.length ? splitAfterChange(old, last.spans, text, prefix, suffix) : splitChunks(text);
    if (spans) {
      try {
        const result = this.parseInChunks(text, spans, prefix, suffix);
        if (result) return result;
      } catch {
        this.previous = { text: '', spans: [], chunks: [] }; // a chunk may be half moved: start afresh
        this.brokenStarts = new Set();
        this.sections = new Map();
      }
    }
    const parsed = parseText(text);
    return { parsed, topology: buildTopology(parsed), incremental: false, schemaFindings: once(() => schemaFindingsOfWhole(parsed)) };
  }

  /**
   * Chunks in the text both versions share at their start are reused where they are, chunks in the
   * text they share at their end are moved by the change in length, and chunks in between are looked
   * up by text before being parsed. A chunk that does not parse cleanly is parsed as a broken region
   * (`regions.ts`) with what it can reach; returns `undefined` when a region's locality cannot be
   * proved (the clean chunks are kept, so that they are still reused afterwards). `prefix` and
   * `suffix`: the lengths of the text the two versions share at their start and at their end.
   */
  private parseInChunks(text: string, spans: ChunkSpan[], prefix: number, suffix: number): ParseResult | undefined {
    const old = this.previous;
    const delta = text.length - old.text.length;
    const memos = this.sections;
    this.sections = new Map();
    let byText: Map<string, Chunk[]> | undefined;
    const used: (Chunk | undefined)[] = [];
    const taken = new Set<Chunk>();
    /** Chunks parsed (or edited) for this version. */
    const fresh = new Set<Chunk>();
    /** Spans not parsed alone: broken in the last version, where they still start. */
    const unparsed = new Set<number>();
    let next = 0; // the old chunks are in text order, and so are the places looked up in them
    spans.forEach((span, i) => {
      const oldStart = span.end <= prefix ? span.start : span.start >= text.length - suffix ? span.start - delta : -1;
      while (oldStart >= 0 && next < old.chunks.length && old.chunks[next].start < oldStart) next++;
      let chunk: Chunk | undefined = oldStart >= 0 ? old.chunks[next] : undefined;
      if (!chunk || chunk.start !== oldStart || !sameSpan(chunk, span)) {
        const source = text.slice(span.start, span.end);
        byText ??= indexByText(old.chunks.filter((c) => c.end > prefix && c.start < old.text.length - suffix));
        chunk = take(byText, source, span, taken);
        if (!chunk && span.start < prefix && this.brokenStarts.has(span.start)) unparsed.add(i);
        else if (!chunk) {
          chunk = editedChunk(old.chunks, span, source, delta, taken) ?? parseChunk(span, source);
          if (chunk) fresh.add(chunk);
        }
        if (chunk) taken.add(chunk);
      }
      used.push(chunk);
    });
    used.forEach((chunk, i) => chunk && moveChunk(chunk, spans[i].start));
    used.forEach((chunk, i) => chunk && openEnd(chunk, indentationAt(text, spans[i + 1]?.start)));
    // The clean chunks are kept even when a region fails below: they are right for this text.
    this.keep(text, spans, used);
    const parts: (Chunk | Region)[] = [];
    for (let i = 0; i < spans.length; ) {
      const chunk = used[i];
      if (chunk) {
        parts.push(chunk);
        i++;
        continue;
      }
      const region = parseRegion(text, spans, (j) => used[j], i, CHUNK_OPTIONS);
      // A span not parsed alone may be a chunk now: its region came out clean (a key's colon typed) or
      // could not be proved. Then it is parsed alone after all, and the region looked for again.
      const clean = region && region.errors.length === 0 && region.warnings.length === 0;
      if ((!region || clean) && this.parseUnparsed(text, spans, used, unparsed, fresh, i, region?.next ?? spans.length)) continue;
      if (!region) return undefined;
      parts.push(region);
      i = region.next;
    }
    return assemble(text, parts, memos, this.sections, fresh);
  }

  /** Notes the chunks of `text` for the next version, and where its spans without a chunk start. */
  private keep(text: string, spans: ChunkSpan[], used: (Chunk | undefined)[]): void {
    this.previous = { text, spans, chunks: used.filter((chunk): chunk is Chunk => !!chunk) };
    this.brokenStarts = new Set(spans.filter((_, i) => !used[i]).map((span) => span.start));
  }

  /** Parses alone the spans from `from` to `to` that were not: whether any of them is a chunk now. */
  private parseUnparsed(text: string, spans: ChunkSpan[], used: (Chunk | undefined)[], unparsed: Set<number>, fresh: Set<Chunk>, from: number, to: number): boolean {
    let parsed = false;
    for (let i = from; i < to; i++) {
      if (!unparsed.delete(i)) continue;
      const span = spans[i];
      const chunk = parseChunk(span, text.slice(span.start, span.end));
      if (!chunk) continue;
      used[i] = chunk;
      fresh.add(chunk);
      openEnd(chunk, indentationAt(text, spans[i + 1]?.start));
      parsed = true;
    }
    if (parsed) this.keep(text, spans, used);
    return parsed;
  }
}

/**
 * Whether the part of `text` that changed since the last version parsed in chunks holds what the chunks
 * cannot reproduce: a tab, a lone CR, a BOM after the first character, a control character. That
 * version held none (it was parsed in chunks; the first is empty), so a keystroke need not scan the
 * whole text. The part is read with a character of context on each side: a CR whose LF was deleted,
 * a CR typed before an LF. A CR that ends the part is the shared end's first character: an LF
 * followed it in the last version and follows it here.
 */
function refusedInChange(text: string, prefix: number, suffix: number): boolean {
  const from = Math.max(0, prefix - 1);
  let part = text.slice(from, text.length - suffix + 1);
  if (suffix > 0 && part.endsWith('\r')) part = part.slice(0, -1);
  const bom = part.indexOf('\uFEFF', from === 0 ? 1 : 0);
  return part.includes('\t') || /\r(?!\n)/.test(part) || bom >= 0 || hasControlCharacters(part);
}

/** Whether a chunk of the previous version in the shared text is this span (then it has its text). */
function sameSpan(chunk: Chunk, span: ChunkSpan): boolean {
  return chunk.kind === span.kind && chunk.section === span.section && chunk.end - chunk.start === span.end - span.start;
}

function indexByText(chunks: Chunk[]): Map<string, Chunk[]> {
  const index = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const list = index.get(chunk.text);
    if (list) list.push(chunk);
    else index.set(chunk.text, [chunk]);
  }
  return index;
}

/** An unused chunk of the previous version with this text, kind and section. */
function take(index: Map<string, Chunk[]>, source: string, span: ChunkSpan, taken: Set<Chunk>): Chunk | undefined {
  return index.get(source)?.find((c) => !taken.has(c) && c.kind === span.kind && c.section === span.section);
}

/**
 * One schema for every chunk, as a full parse has one for the whole text: each map and list keeps its
 * schema, and one per chunk was thousands of copies in a large file. The parser only ever adds a known
 * tag (`!!binary`, `!!set`...) to it, which then reads the same in every later chunk.
 */
const CHUNK_OPTIONS = { ...PARSE_OPTIONS, schema: new Document(undefined, PARSE_OPTIONS).schema };

/** A `?` that may start an explicit key. */
const EXPLICIT_KEY = /(?:^|[\s,[{-])\?(?:[ \r\n]|$)/m;

/** Parses one chunk at its offset; `undefined` when the chunk alone does not parse cleanly into one pair. */
function parseChunk(span: ChunkSpan, source: string): Chunk | undefined {
  // A copy, so that the chunk does not keep the whole text of this version alive.
  const text = (' ' + source).slice(1);
  // An explicit key (`? `) can end where the next chunk starts, not where the chunk's text does: such a
  // chunk is proved against its neighbours as a region.
  if (EXPLICIT_KEY.test(text)) return undefined;
  const doc = parseDocument(text, CHUNK_OPTIONS);
  if (doc.errors.length || doc.warnings.length || !isMap(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const root = doc.contents;
  const pair = root.items[0] as Pair<Scalar, unknown>;
  if (!isScalar(pair.key) || isMergeKey(pair)) return undefined;
  if (span.kind === 'head' && !(isScalar(pair.value) && pair.value.value === null)) return undefined;
  const nodes: Node[] = [];
  if (!collectNodes([root], nodes)) return undefined;
  const chunk: Chunk = {
    kind: span.kind,
    start: 0,
    end: span.end - span.start,
    section: span.section,
    text,
    pair,
    root,
    nodes,
    docRange: doc.range,
    docComment: doc.comment,
    docCommentBefore: doc.commentBefore,
    duplicates: duplicateKeysBelow(pair.value, span.kind === 'entity' ? 2 : 1),
    openEnds: openEndsOf(nodes, text.length),
    extension: 0,
  };
  moveChunk(chunk, span.start);
  chunkOfKey.set(pair.key, chunk);
  return chunk;
}

/** The last version's chunk of a span, with a plain value edited in it (`scalarEdit.ts`) instead of a parse. */
function editedChunk(chunks: readonly Chunk[], span: ChunkSpan, source: string, delta: number, taken: ReadonlySet<Chunk>): Chunk | undefined {
  const chunk = chunks[lastStartingAt(chunks, span.start)];
  if (chunk?.start !== span.start || taken.has(chunk) || !sameSpan(chunk, { ...span, end: span.end - delta }) || chunk.openEnds.length) return undefined;
  if (!editScalarInPlace(chunk.root, chunk.nodes, chunk.start, chunk.text, source)) return undefined;
  // Its keys are the same nodes (its duplicates too); its entity and structural findings are found again.
  const [docStart, docEnd, docNodeEnd] = chunk.docRange;
  Object.assign(chunk, { end: span.end, text: (' ' + source).slice(1), docRange: [docStart, docEnd + delta, docNodeEnd + delta], entity: undefined, findings: undefined });
  return chunk;
}

/** The chunk of each chunk's key node. */
const chunkOfKey = new WeakMap<Scalar, Chunk>();

/**
 * The range ends at the end of a chunk's text whose last value is empty (`p:` with comment lines after
 * it): YAML ends an empty value, and the collections it closes, at the next token, which is past the
 * chunk. Other values end where their text or line does, in the chunk as in the whole text.
 */
function openEndsOf(nodes: Node[], end: number): [Node, 1 | 2][] {
  const ending = nodes.filter((node) => node.range![1] === end || node.range![2] === end);
  const empty = ending.some((node) => isScalar(node) && node.value === null && node.range![0] === node.range![1]);
  if (!empty) return [];
  return ending.flatMap((node) => ([1, 2] as const).filter((k) => node.range![k] === end).map((k): [Node, 1 | 2] => [node, k]));
}

/** Ends a chunk's open range ends where a full parse does: at the next chunk's key, `extension` past the chunk. */
function openEnd(chunk: Chunk, extension: number): void {
  if (chunk.openEnds.length === 0 || chunk.extension === extension) return;
  for (const [node, k] of chunk.openEnds) node.range![k] += extension - chunk.extension;
  chunk.extension = extension;
}

function moveChunk(chunk: Chunk, start: number): void {
  const delta = start - chunk.start;
  if (delta === 0) return;
  for (const node of chunk.nodes) {
    const range = node.range!;
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  chunk.start = start;
  chunk.end += delta;
}

/** A split section of the last version: its entity chunks in order, the topology's entities of it, its repeated ids. */
interface SectionMemo {
  parts: readonly Chunk[];
  entities: Map<string, Entity>;
  duplicates: DuplicateKey[];
}

/**
 * The document of the chunks and broken regions, as a full parse of the text gives it. A section whose
 * entity chunks are the last version's (`memos`), in order, none of them `fresh` (parsed or edited for
 * this version), has the same entities and repeated ids: they are reused. `next` gets this version's.
 */
function assemble(text: string, parts: (Chunk | Region)[], memos: ReadonlyMap<string, SectionMemo>, next: Map<string, SectionMemo>, fresh: ReadonlySet<Chunk>): ParseResult {
  const doc = new Document(undefined, PARSE_OPTIONS) as unknown as Document.Parsed;
  const root = new YAMLMap(doc.schema);
  // A part's map range, its document's range and comments, where they are in the text.
  const mapRange = (part: Chunk | Region) => (part.kind === 'region' ? part.mapRange : part.root.range!);
  const docRange = (part: Chunk | Region) => (part.kind === 'region' ? part.docRange : (part.docRange.map((offset) => offset + part.start) as [number, number, number]));
  let section: YAMLMap | undefined;
  let sectionParts: (Chunk | Region)[] = [];
  const sections: { name: string; map: YAMLMap; parts: (Chunk | Region)[]; prior?: SectionMemo }[] = [];
  const closeSection = () => {
    if (!section) return;
    const [head, tail] = [mapRange(sectionParts[0]), mapRange(sectionParts[sectionParts.length - 1])];
    section.range = [head[0], tail[1], tail[2]];
    const name = sections[sections.length - 1].name;
    const prior = memos.get(name);
    const same = prior?.parts.length === sectionParts.length && sectionParts.every((part, i) => part === prior.parts[i] && !fresh.has(part as Chunk));
    if (same) sections[sections.length - 1].prior = prior;
    section = undefined;
  };
  const errors: ParseProblem[] = [];
  const warnings: ParseProblem[] = [];
  const duplicates: DuplicateKey[] = [];
  for (const part of parts) {
    if (part.kind === 'region') {
      errors.push(...part.errors);
      warnings.push(...part.warnings);
      duplicates.push(...part.duplicates);
    } else duplicates.push(...part.duplicates);
    if (part.kind === 'entity' || (part.kind === 'region' && part.mode === 'entity')) {
      if (part.kind === 'region') section!.items.push(...part.pairs);
      else section!.items.push(part.pair);
      sectionParts.push(part);
      continue;
    }
    closeSection();
    if (part.kind === 'head') {
      section = new YAMLMap(doc.schema);
      sectionParts = [];
      sections.push({ name: part.section!, map: section, parts: sectionParts });
      part.pair.value = section;
    }
    if (part.kind === 'region') root.items.push(...part.pairs);
    else root.items.push(part.pair);
  }
  closeSection();
  const [first, last] = [parts[0], parts[parts.length - 1]];
  root.range = [mapRange(first)[0], mapRange(last)[1], mapRange(last)[2]];
  doc.contents = root as unknown as Document.Parsed["contents"];
  doc.range = [docRange(first)[0], docRange(last)[1], docRange(last)[2]];
  doc.comment = last.docComment;
  doc.commentBefore = first.docCommentBefore;

  const splitSections = new Set(sections.map(({ map }) => map));
  duplicates.push(...duplicateKeysBelow(root, 0, true));
  const sectionDuplicates = sections.map(({ map, prior }) => prior?.duplicates ?? duplicateKeysBelow(map, 1, true));
  for (const list of sectionDuplicates) duplicates.push(...list);
  const problems = finishProblems([...errors, ...warnings]);
  const parsed = withComments({ text, doc, problems, duplicates });
  const reuseEntity: EntityBuilder = (document, kind, key, value) => {
    const chunk = chunkOfKey.get(key);
    if (chunk?.kind !== 'entity') return buildEntity(document, kind, key, value);
    return (chunk.entity ??= buildEntity(document, kind, key, value)) as EntityOfKind[typeof kind];
  };
  const topology = buildTopology(parsed, reuseEntity, (map) => sections.find((s) => s.map === map)?.prior?.entities);
  sections.forEach(({ name, map, parts }, i) => {
    // The section the topology read (the first of its name), of chunks only.
    if (next.has(name) || topology.sections.get(name)?.map !== map || parts.some((part) => part.kind === 'region')) return;
    next.set(name, { parts: parts as Chunk[], entities: topology[name as TrackedSection] as Map<string, Entity>, duplicates: sectionDuplicates[i] });
  });
  const schemaFindings = once(() => {
    const findings = validateSchemaOutside(doc, text, splitSections);
    for (const [name, { map }] of topology.sections) {
      if (!map || !splitSections.has(map)) continue;
      const pairs = mapPairs(doc, map);
      // On a first parse no entity has findings yet: all of them valid is checked in one go.
      const unchecked = pairs.map((pair) => chunkOfKey.get(pair.key as Scalar)).filter((chunk): chunk is Chunk => !!chunk && !chunk.findings);
      if (unchecked.length > 1 && entitiesValid(doc, name, unchecked.map((chunk) => chunk.pair))) for (const chunk of unchecked) chunk.findings = [];
      for (const pair of pairs) {
        const chunk = chunkOfKey.get(pair.key as Scalar);
        // An entity of a broken region is checked on each version: it lives as long as the region.
        if (!chunk) findings.push(...entitySchemaFindings(doc, name, pair.key as Scalar, pair.value, text));
        else findings.push(...(chunk.findings ?? entityFindings(chunk, doc, name, text)));
      }
    }
    return dedupe(findings);
  });
  return { parsed, topology, incremental: true, schemaFindings };
}

/** An entity's findings, kept on its chunk unless one of them is a plain span (it would not move). */
function entityFindings(chunk: Chunk, doc: Document, section: string, text: string): SchemaFinding[] {
  const findings = entitySchemaFindings(doc, section, chunk.pair.key, chunk.pair.value, text);
  if (findings.every((f) => !('start' in f.at))) chunk.findings = findings;
  return findings;
}
