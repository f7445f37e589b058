/**
 * The ids an import gives: from the resource's name (an environment's display name, a gateway
 * cluster's name), lower-cased, every character outside `a-z`, `0-9` and `-` made `-`; a name that
 * does not start with a letter gets the kind's prefix, and a second entity of a kind with the same id
 * gets `-2`, `-3`... in the order of their Azure ids.
 */

export function idFromName(name: string, prefix: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return /^[a-z]/.test(id) ? id : `${prefix}-${id}`;
}

/** Makes each id of a list unique, the first keeping its own. */
export function uniqueIds(ids: string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    return unique;
  });
}
