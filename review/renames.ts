/**
 * Renames between two versions of a file: an entity gone from the base whose content comes back in the
 * head under another id of the same kind. Content is compared as data (key order, comments and layout
 * aside), and again after each round with the renames found so far applied to the references in it, so
 * that renaming a site and the gateway at it (whose `site:` changes with it) is two renames.
 */
import type { EntityDigest } from '../protocol/review';

/** Base node id to head node id, for every entity renamed. */
export function renamesOf(base: readonly EntityDigest[], head: readonly EntityDigest[]): Map<string, string> {
  const headIds = new Set(head.map((e) => e.node));
  const baseIds = new Set(base.map((e) => e.node));
  let gone = base.filter((e) => !headIds.has(e.node));
  let fresh = head.filter((e) => !baseIds.has(e.node));
  const renames = new Map<string, string>();
  for (let found = true; found && gone.length && fresh.length; ) {
    found = false;
    const ids = new Map([...renames].map(([from, to]) => [idOf(from), idOf(to)]));
    const freshByContent = new Map<string, EntityDigest[]>();
    for (const entity of fresh) {
      const key = `${entity.kind}\u0000${canonical(entity.content)}`;
      freshByContent.set(key, [...(freshByContent.get(key) ?? []), entity]);
    }
    for (const entity of gone) {
      // The first of several with the same content: the order of the file.
      const match = freshByContent.get(`${entity.kind}\u0000${canonical(renamed(entity.content, ids))}`)?.shift();
      if (!match) continue;
      renames.set(entity.node, match.node);
      found = true;
    }
    gone = gone.filter((e) => !renames.has(e.node));
    const taken = new Set(renames.values());
    fresh = fresh.filter((e) => !taken.has(e.node));
  }
  return renames;
}

const idOf = (node: string) => node.slice(node.indexOf(':') + 1);

/** JSON with every map's keys sorted: the same text for the same data. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The content with every string value that is a renamed id replaced by the new id (keys stay). */
function renamed(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (ids.size === 0) return value;
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => renamed(item, ids));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, ids)]));
  return value;
}
