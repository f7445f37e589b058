/**
 * Facts are derived once per topology version, and carried over to the next version when what they
 * read did not change (`model/reads.ts`): a keystroke in one entity recomputes the facts that read that
 * entity, not every fact of the file. Each fact keeps its values in WeakMaps keyed by the topology
 * (and the entity), dropped with them.
 */
import type { Topology } from '../model/model';
import { isRecording, Read, readsHold, realTopology, recordReads, replayReads, trackedView } from '../model/reads';

/** A value and what computing it read. */
interface Recorded<V> {
  value: V;
  reads: Read[];
}

/**
 * The value of a fact for one topology: its own memo first; then the value the fact had on an earlier
 * version, when that version's reads hold on this one; computed (on the tracked view) otherwise.
 */
function carried<V>(topology: Topology, memo: Recorded<V> | undefined, last: Recorded<V> | undefined, compute: (view: Topology) => V): Recorded<V> {
  if (memo) {
    replayReads(memo.reads);
    return memo;
  }
  if (last && readsHold(topology, last.reads)) {
    replayReads(last.reads);
    return last;
  }
  const view = trackedView(topology);
  return recordReads(() => compute(view));
}

/** A fact of a whole topology, computed once per topology version. */
export function topologyFact<V>(compute: (topology: Topology) => V): (topology: Topology) => V {
  const values = new WeakMap<Topology, Recorded<V>>();
  let last: Recorded<V> | undefined;
  return (given) => {
    const topology = realTopology(given);
    const memo = values.get(topology);
    const recorded = carried(topology, memo, last, compute);
    if (!memo) values.set(topology, (last = recorded));
    return recorded.value;
  };
}

/** A fact of one entity of a topology (the entity is read with the rest of its version), computed once per topology version. */
export function entityFact<E extends object, V>(compute: (topology: Topology, entity: E) => V): (topology: Topology, entity: E) => V {
  const values = new WeakMap<Topology, Map<E, Recorded<V>>>();
  // The entity's value on the last version computed: an entity carried over unchanged finds it here.
  const last = new WeakMap<E, Recorded<V>>();
  return (given, entity) => {
    const topology = realTopology(given);
    let ofTopology = values.get(topology);
    if (!ofTopology) values.set(topology, (ofTopology = new Map()));
    const memo = ofTopology.get(entity);
    const recorded = carried(topology, memo, last.get(entity), (view) => compute(view, entity));
    if (!memo) {
      ofTopology.set(entity, recorded);
      last.set(entity, recorded);
    }
    return recorded.value;
  };
}

/**
 * A fact that reads one entity alone (its own fields, the catalog), computed once per entity object:
 * an entity the incremental parser carries over unchanged to the next version keeps its value.
 */
export function ownFact<E extends object, V>(compute: (entity: E) => V): (entity: E) => V {
  const values = new WeakMap<E, V>();
  return (entity) => {
    if (values.has(entity)) return values.get(entity) as V;
    const value = compute(entity);
    values.set(entity, value);
    return value;
  };
}

/** A fact of each entity of a section: every entity's value (in file order) and one entity's. */
export interface SectionFact<E, V> {
  all(topology: Topology): Iterable<V>;
  of(topology: Topology, entity: E): V;
}

/**
 * A fact of every entity of a section, computed together once per topology version (rules read them
 * all, so one pass and one lookup per topology beats one lookup per entity), each entity's value
 * carried over on its own.
 */
export function sectionFact<E extends object, V>(entities: (topology: Topology) => Iterable<E>, compute: (topology: Topology, entity: E) => V): SectionFact<E, V> {
  const ofEntity = entityFact(compute);
  // Gathered once per version from the entities' values, each carried on its own: not recorded as one
  // fact, whose reads would be every entity's.
  const values = new WeakMap<Topology, Map<E, V>>();
  return {
    all: (given) => {
      const topology = realTopology(given);
      let byEntity = values.get(topology);
      if (!byEntity) {
        byEntity = new Map();
        for (const entity of entities(topology)) byEntity.set(entity, ofEntity(topology, entity));
        values.set(topology, byEntity);
      }
      // Inside another fact: the section and every entity's reads are its reads.
      if (isRecording()) for (const entity of entities(trackedView(topology))) ofEntity(topology, entity);
      return byEntity.values();
    },
    of: (topology, entity) => ofEntity(topology, entity),
  };
}
