/**
 * Facts are derived once per topology version: a topology object is one parsed version, so each fact
 * keeps its values in its own WeakMap keyed by the topology, dropped with it.
 */
import type { Topology } from '../model/model';

/** A fact of a whole topology, computed once per topology version. */
export function topologyFact<V>(compute: (topology: Topology) => V): (topology: Topology) => V {
  const values = new WeakMap<Topology, V>();
  return (topology) => {
    if (values.has(topology)) return values.get(topology) as V;
    const value = compute(topology);
    values.set(topology, value);
    return value;
  };
}

/** A fact of one entity of a topology (the entity is read with the rest of its version), computed once per topology version. */
export function entityFact<E extends object, V>(compute: (topology: Topology, entity: E) => V): (topology: Topology, entity: E) => V {
  const values = new WeakMap<Topology, Map<E, V>>();
  return (topology, entity) => {
    let ofTopology = values.get(topology);
    if (!ofTopology) values.set(topology, (ofTopology = new Map()));
    if (ofTopology.has(entity)) return ofTopology.get(entity) as V;
    const value = compute(topology, entity);
    ofTopology.set(entity, value);
    return value;
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
 * A fact of every entity of a section, computed together once per topology version: rules read them
 * all, so one pass and one lookup per topology beats one lookup per entity.
 */
export function sectionFact<E extends object, V>(entities: (topology: Topology) => Iterable<E>, compute: (topology: Topology, entity: E) => V): SectionFact<E, V> {
  const values = topologyFact((topology) => {
    const byEntity = new Map<E, V>();
    for (const entity of entities(topology)) byEntity.set(entity, compute(topology, entity));
    return byEntity;
  });
  return {
    all: (topology) => values(topology).values(),
    // An entity of another version is not in this one's values: computed on its own.
    of: (topology, entity) => (values(topology).has(entity) ? values(topology).get(entity)! : compute(topology, entity)),
  };
}
