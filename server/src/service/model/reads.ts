/**
 * What a derived fact read of a topology, so that its value carries over to the next version when
 * none of it changed. A keystroke changes one entity: the incremental parser hands the others to the
 * next version as the same objects, and a fact that read only those (by id, or a whole section that
 * kept all its objects in order) has the same value there.
 *
 * A fact computes on a *tracked view* of the topology: its sections are maps that log each lookup
 * into the reads being recorded. Entity objects are values: the parser makes a new object whenever
 * an entity's text changes, so reading the fields of an object found by a logged lookup needs no
 * log of its own. Anything else of the topology a fact reads (the parsed document, its sections'
 * nodes) makes its value one that never carries over.
 */

/** The entity sections of a topology, which views track. */
export const TRACKED_SECTIONS = ['environments', 'sites', 'circuits', 'gateways', 'connectors', 'desktopFlows', 'azureServices', 'enterprisePolicies'] as const;
export type TrackedSection = (typeof TRACKED_SECTIONS)[number];

/** What a view tracks of a topology (`model.ts`'s `Topology`, which imports this file): its sections and its cloud. */
export type ReadableTopology = { readonly [S in TrackedSection]: ReadonlyMap<string, object> } & { readonly cloud?: { readonly text: string } };
type Topology = ReadableTopology;
type Entity = object;

/** One read, checked again on another version: does that version answer it the same? */
export type Read = (
  | { kind: 'get'; section: TrackedSection; id: string; entity: Entity | undefined }
  | { kind: 'has'; section: TrackedSection; id: string; present: boolean }
  | { kind: 'section'; section: TrackedSection; token: object }
  | { kind: 'cloud'; text: string | undefined }
  | { kind: 'index'; lookup: (topology: Topology, key: string) => readonly object[]; key: string; values: readonly object[] }
  | { kind: 'opaque' }
) & {
  /**
   * The last version it was checked on (`versionNumber`), negative when that version answered it
   * differently: a read is shared by the many facts and findings that made it, and each version
   * checks it once for all of them.
   */
  checked: number;
};

/** The reads of the fact being computed; `undefined` outside any. */
let recording: Read[] | undefined;

/** Runs `compute` recording its reads; they are also reads of the fact that asked (nested facts). */
export function recordReads<V>(compute: () => V): { value: V; reads: Read[] } {
  const outer = recording;
  let reads: Read[] = [];
  recording = reads;
  try {
    const value = compute();
    reads = distinct(reads);
    return { value, reads };
  } finally {
    recording = outer;
    if (outer) for (const read of reads) outer.push(read);
  }
}

/**
 * Each read once, in an array of its own size (a recording grew with spare room that thousands of
 * kept records would hold): facts read the same entities again and again (every connector reads the
 * cloud), and a version makes one object per read (see `TrackedMap`), so the same read is the same object.
 */
function distinct(reads: Read[]): Read[] {
  if (reads.length === 0) return NO_READS;
  return reads.length === 1 ? [reads[0]] : Array.from(new Set(reads));
}

const NO_READS: Read[] = [];

/** Runs `compute` with no recording: what it reads is nobody's read. */
function unrecorded<V>(compute: () => V): V {
  const outer = recording;
  recording = undefined;
  try {
    return compute();
  } finally {
    recording = outer;
  }
}

/** Whether a fact is being computed (its reads recorded). */
export function isRecording(): boolean {
  return recording !== undefined;
}

/** A value found without computing it (a memo): its reads are reads of the fact that asked. */
export function replayReads(reads: readonly Read[]): void {
  if (recording) for (const read of reads) recording.push(read);
}

/** Whether `topology` answers every read as the version they were recorded on did. */
export function readsHold(topology: Topology, reads: readonly Read[]): boolean {
  const version = versionNumber(topology);
  for (const read of reads) {
    if (read.checked === version) continue;
    if (read.checked === -version) return false;
    // Checking a read is no read of the fact being computed: an index looked up again logs nothing.
    const same = unrecorded(() => answersSame(topology, read));
    read.checked = same ? version : -version;
    if (!same) return false;
  }
  return true;
}

function answersSame(topology: Topology, read: Read): boolean {
  switch (read.kind) {
    case 'get':
      return topology[read.section].get(read.id) === read.entity;
    case 'has':
      return topology[read.section].has(read.id) === read.present;
    case 'section':
      return sectionToken(topology, read.section) === read.token;
    case 'cloud':
      return topology.cloud?.text === read.text;
    case 'index':
      return sameItems(read.lookup(topology, read.key), read.values);
    case 'opaque':
      return false;
  }
}

const versionNumbers = new WeakMap<Topology, number>();
let lastVersionNumber = 0;

/** A number for each topology (from 1), which reads note instead of the topology itself: they must not keep it alive. */
function versionNumber(topology: Topology): number {
  let number = versionNumbers.get(topology);
  if (number === undefined) versionNumbers.set(topology, (number = ++lastVersionNumber));
  return number;
}

function sameItems(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const realOfView = new WeakMap<object, Topology>();
const views = new WeakMap<Topology, Topology>();

/** The topology behind a view (or the topology itself): facts keep their values by it. */
export function realTopology<T extends Topology>(topology: T): T {
  return (realOfView.get(topology) as T | undefined) ?? topology;
}

/** The tracked view of a topology, made once per version. */
export function trackedView<T extends Topology>(topology: T): T {
  const real = realTopology(topology);
  let view = views.get(real);
  if (!view) {
    view = makeView(real);
    views.set(real, view);
    realOfView.set(view, real);
  }
  return view as T;
}

function log(read: Read): void {
  recording?.push(read);
}

/** Logs the read of `key`, made once per version and kept in `reads`. */
function logOnce(reads: Map<string, Read>, key: string, make: () => Read): void {
  let read = reads.get(key);
  if (!read) reads.set(key, (read = make()));
  recording?.push(read);
}

/** A section map that logs its lookups; iterating it or asking its size reads the whole section. */
class TrackedMap<V extends object> extends Map<string, V> {
  /** One object per read of this version: records share them, and `distinct` compares them as objects. */
  private readonly gets = new Map<string, Read>();
  private readonly hases = new Map<string, Read>();
  private wholeRead: Read | undefined;
  constructor(
    private readonly real: Topology,
    private readonly section: TrackedSection,
  ) {
    super();
  }
  private get map(): Map<string, V> {
    return this.real[this.section] as unknown as Map<string, V>;
  }
  private whole(): Map<string, V> {
    log((this.wholeRead ??= { kind: 'section', section: this.section, token: sectionToken(this.real, this.section), checked: 0 }));
    return this.map;
  }
  override get(id: string): V | undefined {
    const entity = this.map.get(id);
    if (recording) logOnce(this.gets, id, () => ({ kind: 'get', section: this.section, id, entity, checked: 0 }));
    return entity;
  }
  override has(id: string): boolean {
    const present = this.map.has(id);
    if (recording) logOnce(this.hases, id, () => ({ kind: 'has', section: this.section, id, present, checked: 0 }));
    return present;
  }
  override get size(): number {
    return this.whole().size;
  }
  override values(): MapIterator<V> {
    return this.whole().values();
  }
  override keys(): MapIterator<string> {
    return this.whole().keys();
  }
  override entries(): MapIterator<[string, V]> {
    return this.whole().entries();
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.whole()[Symbol.iterator]();
  }
  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.whole().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  override set(): this {
    throw new Error('a tracked section is read-only');
  }
  override delete(): boolean {
    throw new Error('a tracked section is read-only');
  }
  override clear(): void {
    throw new Error('a tracked section is read-only');
  }
}

function makeView(real: Topology): Topology {
  const view = {};
  for (const section of TRACKED_SECTIONS) {
    const map = new TrackedMap(real, section);
    Object.defineProperty(view, section, { get: () => map, enumerable: true });
  }
  const cloudRead: Read = { kind: 'cloud', text: real.cloud?.text, checked: 0 };
  Object.defineProperty(view, 'cloud', {
    get: () => {
      log(cloudRead);
      return real.cloud;
    },
    enumerable: true,
  });
  for (const key of ['parsed', 'sections', 'version', 'name'] as const) {
    Object.defineProperty(view, key, {
      get: () => {
        log(OPAQUE);
        return (real as Record<string, unknown>)[key];
      },
      enumerable: true,
    });
  }
  return view as Topology;
}

/**
 * A token per section content: two versions whose section holds the same entity objects under the
 * same ids in the same order share it (an entity's id is its key, so the same objects in order are
 * the same ids). The last few sections seen are kept to compare with.
 */
const tokens = new WeakMap<ReadonlyMap<string, Entity>, object>();
const recentSections: { section: TrackedSection; entities: readonly Entity[]; token: object }[] = [];
const RECENT_SECTIONS = 2 * TRACKED_SECTIONS.length;

/** Each section's entities in order, once per version (the engine walks them too). */
const lists = new WeakMap<ReadonlyMap<string, Entity>, readonly Entity[]>();

export function sectionEntities(topology: Topology, section: TrackedSection): readonly Entity[] {
  const map = realTopology(topology)[section];
  let entities = lists.get(map);
  if (!entities) lists.set(map, (entities = [...map.values()]));
  return entities;
}

function sectionToken(topology: Topology, section: TrackedSection): object {
  const map = topology[section];
  let token = tokens.get(map);
  if (token) return token;
  const entities = sectionEntities(topology, section);
  const same = recentSections.find((r) => r.section === section && sameItems(r.entities, entities));
  token = same?.token ?? {};
  if (!same) {
    recentSections.unshift({ section, entities, token });
    recentSections.length = Math.min(recentSections.length, RECENT_SECTIONS);
  }
  tokens.set(map, token);
  return token;
}

/**
 * An index of a topology by key (entities naming an id, circuits at a site), built from one section,
 * once per content of that section. A fact that looks one key up depends on that key's items only,
 * not on the whole section.
 */
export interface KeyedIndex<T extends Topology, V extends object> {
  lookup(topology: T, key: string): readonly V[];
}

export function keyedIndex<T extends Topology, V extends object>(build: (topology: T) => ReadonlyMap<string, readonly V[]>, section: TrackedSection): KeyedIndex<T, V> {
  const built = new WeakMap<T, { byKey: ReadonlyMap<string, readonly V[]>; reads: Map<string, Read> }>();
  // The index of the last version built: a version whose section holds the same entities has it too.
  let last: { token: object; byKey: ReadonlyMap<string, readonly V[]> } | undefined;
  const recheck = (topology: Topology, key: string) => index.lookup(topology as T, key);
  const index: KeyedIndex<T, V> = {
    lookup(topology, key) {
      const real = realTopology(topology);
      let version = built.get(real);
      if (!version) {
        const token = sectionToken(real, section);
        if (last?.token !== token) {
          // Built on the real topology: its scan is not a read of whoever asked first.
          last = { token, byKey: unrecorded(() => build(real)) };
        }
        built.set(real, (version = { byKey: last.byKey, reads: new Map() }));
      }
      const values = version.byKey.get(key) ?? NONE;
      if (recording) logOnce(version.reads, key, () => ({ kind: 'index', lookup: recheck, key, values, checked: 0 }));
      return values;
    },
  };
  return index;
}

const NONE: readonly never[] = [];
const OPAQUE: Read = { kind: 'opaque', checked: 0 };
