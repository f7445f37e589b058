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
