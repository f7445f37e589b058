/**
 * What an exported JSON value holds: the resources in it, from a single object, an array (`az ... list`,
 * PowerShell's pipeline), a REST list (`{ "value": [...] }`), a Resource Graph answer (`{ "data": [...] }`,
 * or its table form `{ "data": { "columns", "rows" } }`), or lists of those; and which kind each is,
 * from its `type`, its id, or, for PowerShell's objects that carry neither, its keys.
 */
import { asString, field, isObject, JsonObject, prop, typeOfId } from './json';

export type ResourceKind =
  | 'circuit'
  | 'peering'
  | 'routeFilter'
  | 'connection'
  | 'virtualNetworkGateway'
  | 'virtualNetwork'
  | 'expressRoutePort'
  | 'environment'
  | 'enterprisePolicy'
  | 'gatewayCluster';

const KIND_OF_TYPE: Record<string, ResourceKind> = {
  'microsoft.network/expressroutecircuits': 'circuit',
  'microsoft.network/expressroutecircuits/peerings': 'peering',
  'microsoft.network/routefilters': 'routeFilter',
  'microsoft.network/connections': 'connection',
  'microsoft.network/virtualnetworkgateways': 'virtualNetworkGateway',
  'microsoft.network/virtualnetworks': 'virtualNetwork',
  'microsoft.network/expressrouteports': 'expressRoutePort',
  'microsoft.powerplatform/enterprisepolicies': 'enterprisePolicy',
  'microsoft.businessappplatform/scopes/environments': 'environment',
  'microsoft.businessappplatform/environments': 'environment',
};

/** Lists inside lists deeper than this are no export's shape (and a hostile file's nesting ends here). */
export const MAX_LIST_DEPTH = 4;

export interface Unwrapped {
  items: unknown[];
  /** Lists nested deeper than `MAX_LIST_DEPTH` were met (their content is not read). */
  tooDeep: boolean;
}

/** The items of an exported value, lists opened to `MAX_LIST_DEPTH` without recursion. */
export function unwrap(root: unknown): Unwrapped {
  const items: unknown[] = [];
  let tooDeep = false;
  // A stack of (value, depth), popped in reverse so that items keep the file's order.
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    const list = listOf(value);
    if (list === undefined) {
      items.push(value);
      continue;
    }
    if (depth >= MAX_LIST_DEPTH) {
      tooDeep = true;
      continue;
    }
    for (let i = list.length - 1; i >= 0; i--) stack.push([list[i], depth + 1]);
  }
  return { items, tooDeep };
}

/** The list a value is, or wraps; `undefined` for anything else. */
function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return undefined;
  const list = field(value, 'value');
  if (Array.isArray(list) && !looksLikeResource(value)) return list;
  const data = field(value, 'data');
  if (Array.isArray(data) && !looksLikeResource(value)) return data;
  if (isObject(data) && Array.isArray(field(data, 'columns')) && Array.isArray(field(data, 'rows'))) return tableRows(data);
  return undefined;
}

function looksLikeResource(value: JsonObject): boolean {
  return field(value, 'id') !== undefined || field(value, 'type') !== undefined || field(value, 'properties') !== undefined;
}

/** Resource Graph's table form: each row an object of the columns' names. */
function tableRows(data: JsonObject): JsonObject[] {
  const names = (field(data, 'columns') as unknown[]).map((column) => asString(field(column, 'name')) ?? '');
  return (field(data, 'rows') as unknown[]).filter(Array.isArray).map((row) => {
    const object: JsonObject = {};
    names.forEach((name, i) => {
      if (name) object[name] = (row as unknown[])[i];
    });
    return object;
  });
}

/** The resource's id: `id`, or PowerShell's `ResourceId`. */
export function idOf(resource: unknown): string | undefined {
  return asString(field(resource, 'id')) ?? asString(field(resource, 'resourceId'));
}

/** The resource's type as written (`type`, PowerShell's `ResourceType`), else the one its id names. */
export function typeOf(resource: unknown): string | undefined {
  const written = asString(field(resource, 'type')) ?? asString(field(resource, 'resourceType'));
  if (written && written.includes('/')) return written.toLowerCase();
  const id = idOf(resource);
  return id ? typeOfId(id) : undefined;
}

/** Which kind of resource an item is, or `undefined` for a kind ppnet does not import. */
export function kindOf(item: unknown): ResourceKind | undefined {
  if (!isObject(item)) return undefined;
  const type = typeOf(item);
  if (type && KIND_OF_TYPE[type]) return KIND_OF_TYPE[type];
  if (type && type.endsWith('/environments') && type.startsWith('microsoft.businessappplatform')) return 'environment';
  if (type) return undefined;
  // PowerShell objects and hand-made exports with neither type nor id: by their keys.
  if (field(item, 'environmentName') !== undefined || prop(item, 'environmentSku') !== undefined) return 'environment';
  if (field(item, 'memberGateways') !== undefined) return 'gatewayCluster';
  if (prop(item, 'serviceProviderProperties') !== undefined || prop(item, 'bandwidthInGbps') !== undefined) return 'circuit';
  if (prop(item, 'peeringType') !== undefined) return 'peering';
  if (prop(item, 'networkInjection') !== undefined) return 'enterprisePolicy';
  return undefined;
}
