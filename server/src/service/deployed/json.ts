/**
 * Reading exported JSON without regard to its spelling: keys matched in any case (`peerASN` and
 * `peerAsn`, PowerShell's `Properties`), properties read from the ARM envelope (`properties: {...}`)
 * or from the flattened object the `az` CLI prints, and ARM resource ids taken apart.
 */

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each object's keys by their lower-case spelling, made once per object the first time a key is missed. */
const lowerKeys = new WeakMap<JsonObject, Map<string, string>>();

/** The value of `key` in any case; the exact spelling first. */
export function field(object: unknown, key: string): unknown {
  if (!isObject(object)) return undefined;
  if (Object.prototype.hasOwnProperty.call(object, key)) return object[key];
  let keys = lowerKeys.get(object);
  if (!keys) {
    keys = new Map();
    for (const name of Object.keys(object)) if (!keys.has(name.toLowerCase())) keys.set(name.toLowerCase(), name);
    lowerKeys.set(object, keys);
  }
  const name = keys.get(key.toLowerCase());
  return name === undefined ? undefined : object[name];
}

/** A property of a resource: in its `properties` envelope (ARM) or on the object itself (`az`, PowerShell). */
export function prop(resource: unknown, key: string): unknown {
  const inside = field(field(resource, 'properties'), key);
  return inside !== undefined && inside !== null ? inside : field(resource, key);
}

/** A non-empty string, or a number said as one. */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The strings of a list (a lone string counts as a list of one). */
export function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  return asArray(value)
    .map(asString)
    .filter((s): s is string => s !== undefined);
}

/** `{ "id": "..." }` (a reference), or a bare id string. */
export function referenceId(value: unknown): string | undefined {
  return typeof value === 'string' ? asString(value) : asString(field(value, 'id'));
}

/** Ids compare without regard to case (ARM ids are case-insensitive) or a trailing slash. */
export function idKey(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase();
}

/** The last segment of an id: the resource's name. */
export function lastSegment(id: string): string {
  const parts = id.replace(/\/+$/, '').split('/');
  return parts[parts.length - 1];
}

/**
 * The resource type an ARM id names, lower-cased (`microsoft.network/expressroutecircuits/peerings`),
 * or `undefined` when it is no ARM id.
 */
export function typeOfId(id: string): string | undefined {
  const lower = id.toLowerCase();
  const at = lower.lastIndexOf('/providers/');
  if (at < 0) return undefined;
  const segments = lower.slice(at + '/providers/'.length).replace(/\/+$/, '').split('/');
  if (segments.length < 3) return undefined;
  const types = [segments[0]];
  for (let i = 1; i < segments.length; i += 2) types.push(segments[i]);
  return types.join('/');
}

/** The id of the resource an id's last two segments hang below: a peering's circuit, a subnet's network. */
export function parentId(id: string, levels = 1): string {
  const parts = id.replace(/\/+$/, '').split('/');
  return parts.slice(0, parts.length - 2 * levels).join('/');
}
