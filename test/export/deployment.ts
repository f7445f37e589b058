/**
 * What a template deploys, concretely: the shared shape the ARM evaluator (armTemplate.ts) and the
 * Bicep evaluator (bicepSubset.ts) both give, so that a Bicep file and an ARM template can be compared
 * resource by resource, and each resource's body checked against the REST specifications.
 */
export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';
export const RESOURCE_GROUP = 'rg-ppnet-test';
export const RESOURCE_GROUP_LOCATION = 'westeurope';

export interface DeployedResource {
  type: string;
  apiVersion: string;
  /** The full name: `circuit/MicrosoftPeering` for a child. */
  name: string;
  id: string;
  location?: unknown;
  kind?: unknown;
  properties?: unknown;
  /** The ids of the resources it waits for, sorted. */
  dependsOn: string[];
}

export interface Deployment {
  /** Each parameter's default, `undefined` when it has none. */
  parameters: Record<string, unknown>;
  resources: DeployedResource[];
  outputs: Record<string, unknown>;
}

/** The id of a resource of the test's resource group: `resourceId(type, ...names)`. */
export function resourceIdOf(type: string, names: string[]): string {
  const [namespace, ...types] = type.split('/');
  if (types.length !== names.length) throw new Error(`resourceId(${type}) needs ${types.length} names, got ${names.length}`);
  const path = types.map((t, i) => `${t}/${names[i]}`).join('/');
  return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/${namespace}/${path}`;
}

/** The properties Azure returns for an existing resource (`reference()`), from the test's fixtures. */
export type ExistingProperties = (type: string, id: string) => unknown;

/** ARM's union(): objects merged deeply (the last value wins), arrays joined without repeats. */
export function union(...values: unknown[]): unknown {
  if (values.every(Array.isArray)) {
    const out: unknown[] = [];
    for (const value of values as unknown[][]) for (const item of value) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(item))) out.push(item);
    return out;
  }
  if (values.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
    const out: Record<string, unknown> = {};
    for (const value of values as Record<string, unknown>[]) {
      for (const [key, v] of Object.entries(value)) out[key] = key in out ? union(out[key], v) : v;
    }
    return out;
  }
  return values[values.length - 1];
}
