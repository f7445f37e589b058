/**
 * Facts are derived once per topology version: a topology object is one parsed version, so each walk
 * is cached on it and dropped with it.
 */
import type { Topology } from '../model/model';

const caches = new WeakMap<Topology, Map<string, Map<unknown, unknown>>>();

/** `compute(key)` once per topology, walk name and key (an entity, or `undefined` for whole-topology facts). */
export function memo<K, V>(topology: Topology, walk: string, key: K, compute: () => V): V {
  let walks = caches.get(topology);
  if (!walks) caches.set(topology, (walks = new Map()));
  let values = walks.get(walk);
  if (!values) walks.set(walk, (values = new Map()));
  if (values.has(key)) return values.get(key) as V;
  const value = compute();
  values.set(key, value);
  return value;
}
