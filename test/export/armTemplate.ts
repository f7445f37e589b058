/**
 * An evaluator of ARM templates for the tests: the template expression language (function calls,
 * string literals with '' escapes, numbers, member access) over the functions ppnet's export uses,
 * applied to every value of the template, gives what the template deploys. An unknown function, a
 * missing parameter or a malformed expression is an error, so a template ppnet writes wrongly fails.
 */
import { DeployedResource, Deployment, ExistingProperties, RESOURCE_GROUP, RESOURCE_GROUP_LOCATION, resourceIdOf, SUBSCRIPTION, union } from './deployment';

type Expr = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'call'; name: string; args: Expr[] } | { kind: 'member'; of: Expr; name: string };

/** Parses the text of an expression (without its brackets). */
export function parseArmExpression(text: string): Expr {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`ARM expression "${text}": ${what} at ${at}`);
  };
  const space = () => {
    while (text[at] === ' ') at++;
  };
  const primary = (): Expr => {
    space();
    if (text[at] === "'") {
      let value = '';
      at++;
      for (;;) {
        if (at >= text.length) fail('unterminated string');
        if (text[at] === "'") {
          if (text[at + 1] === "'") {
            value += "'";
            at += 2;
            continue;
          }
          at++;
          break;
        }
        value += text[at++];
      }
      return { kind: 'string', value };
    }
    const number = /^-?\d+/.exec(text.slice(at));
    if (number) {
      at += number[0].length;
      return { kind: 'number', value: Number(number[0]) };
    }
    const name = /^[A-Za-z][A-Za-z0-9]*/.exec(text.slice(at));
    if (!name) fail('expected a value');
    at += name![0].length;
    space();
    if (text[at] !== '(') fail(`expected ( after ${name![0]}`);
    at++;
    const args: Expr[] = [];
    space();
    if (text[at] === ')') at++;
    else {
      for (;;) {
        args.push(expression());
        space();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === ')') {
          at++;
          break;
        }
        fail('expected , or )');
      }
    }
    return { kind: 'call', name: name![0], args };
  };
  const expression = (): Expr => {
    let expr = primary();
    for (;;) {
      space();
      if (text[at] !== '.') return expr;
      at++;
      const name = /^[A-Za-z][A-Za-z0-9]*/.exec(text.slice(at));
      if (!name) fail('expected a property name');
      at += name![0].length;
      expr = { kind: 'member', of: expr, name: name![0] };
    }
  };
  const result = expression();
  space();
  if (at !== text.length) fail('unexpected text');
  return result;
}

interface Context {
  parameters: Record<string, unknown>;
  existing: ExistingProperties;
}

const FUNCTIONS: Record<string, (context: Context, args: unknown[]) => unknown> = {
  parameters: (context, [name]) => {
    if (typeof name !== 'string' || !(name in context.parameters)) throw new Error(`parameters('${String(name)}'): no such parameter`);
    const value = context.parameters[name];
    if (value === undefined) throw new Error(`parameters('${name}'): no value given`);
    return value;
  },
  resourceId: (_, [type, ...names]) => resourceIdOf(String(type), names.map(String)),
  reference: (context, [id, apiVersion, full]) => {
    if (typeof id !== 'string' || typeof apiVersion !== 'string' || full !== undefined) throw new Error('reference(id, apiVersion) expected');
    const type = typeFromId(id);
    return context.existing(type, id);
  },
  union: (_, args) => union(...args),
  createObject: (_, args) => {
    if (args.length % 2) throw new Error('createObject needs pairs');
    const out: Record<string, unknown> = {};
    for (let i = 0; i < args.length; i += 2) out[String(args[i])] = args[i + 1];
    return out;
  },
  format: (_, [template, ...args]) => String(template).replace(/\{(\d+)\}/g, (_m, n: string) => String(args[Number(n)])),
  resourceGroup: (_, args) => {
    if (args.length) throw new Error('resourceGroup() takes no argument here');
    return { name: RESOURCE_GROUP, location: RESOURCE_GROUP_LOCATION, id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}` };
  },
};

/** The resource type of an id: `Microsoft.Network/expressRouteCircuits/peerings`. */
export function typeFromId(id: string): string {
  const [, path] = id.split('/providers/');
  const parts = path.split('/');
  return [parts[0], ...parts.slice(1).filter((_, i) => i % 2 === 0)].join('/');
}

function evaluate(expr: Expr, context: Context): unknown {
  switch (expr.kind) {
    case 'string':
    case 'number':
      return expr.value;
    case 'member': {
      const of = evaluate(expr.of, context) as Record<string, unknown>;
      if (typeof of !== 'object' || of === null || !(expr.name in of)) throw new Error(`no property ${expr.name}`);
      return of[expr.name];
    }
    case 'call': {
      const fn = FUNCTIONS[expr.name];
      if (!fn) throw new Error(`function ${expr.name}() is not one the export uses`);
      return fn(context, expr.args.map((a) => evaluate(a, context)));
    }
  }
}

/** A template value with its expressions evaluated (`[[` is a literal `[`). */
export function evaluateValue(value: unknown, context: Context): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return value.slice(1);
    if (value.startsWith('[') && value.endsWith(']')) return evaluate(parseArmExpression(value.slice(1, -1)), context);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => evaluateValue(v, context));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateValue(v, context)]));
  return value;
}

const TEMPLATE_KEYS = new Set(['$schema', 'contentVersion', 'metadata', 'parameters', 'resources', 'outputs']);
const RESOURCE_KEYS = new Set(['type', 'apiVersion', 'name', 'location', 'kind', 'comments', 'properties', 'dependsOn']);

/** What the template deploys with the given parameter values (the others take their defaults). */
export function deployArm(template: Record<string, unknown>, given: Record<string, string>, existing: ExistingProperties): Deployment {
  for (const key of Object.keys(template)) if (!TEMPLATE_KEYS.has(key)) throw new Error(`unexpected template key ${key}`);
  const declared = (template.parameters ?? {}) as Record<string, { type: string; defaultValue?: unknown }>;
  const context: Context = { parameters: {}, existing };
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declared)) {
    if (spec.type !== 'string') throw new Error(`parameter ${name}: type ${spec.type}`);
    defaults[name] = spec.defaultValue === undefined ? undefined : evaluateValue(spec.defaultValue, context);
    context.parameters[name] = name in given ? given[name] : defaults[name];
  }
  for (const name of Object.keys(given)) if (!(name in declared)) throw new Error(`no parameter ${name}`);
  const resources: DeployedResource[] = ((template.resources ?? []) as Record<string, unknown>[]).map((resource) => {
    for (const key of Object.keys(resource)) if (!RESOURCE_KEYS.has(key)) throw new Error(`unexpected resource key ${key}`);
    const type = String(resource.type);
    const name = String(evaluateValue(resource.name, context));
    const deployed: DeployedResource = {
      type,
      apiVersion: String(resource.apiVersion),
      name,
      id: resourceIdOf(type, name.split('/')),
      dependsOn: ((resource.dependsOn ?? []) as unknown[]).map((d) => String(evaluateValue(d, context))).sort(),
    };
    for (const key of ['location', 'kind', 'properties'] as const) if (key in resource) deployed[key] = evaluateValue(resource[key], context);
    return deployed;
  });
  const outputs = Object.fromEntries(
    Object.entries((template.outputs ?? {}) as Record<string, { value: unknown }>).map(([name, output]) => [name, evaluateValue(output.value, context)]),
  );
  return { parameters: defaults, resources, outputs };
}
