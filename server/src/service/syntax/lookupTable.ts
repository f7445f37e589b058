/**
 * Tables that keys and values from the file are looked up in, without Object's prototype: a key such
 * as `__proto__`, `constructor` or `toString` in a topology finds nothing, where a plain object
 * literal answered with an inherited property (and completion threw on `__proto__:` as a field).
 */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** A table of tables (`field` then `value`), both levels without Object's prototype. */
export function lookupTables<T>(entries: Record<string, Record<string, T>>): Record<string, Record<string, T>> {
  return lookupTable(Object.fromEntries(Object.entries(entries).map(([key, inner]) => [key, lookupTable(inner)])));
}
