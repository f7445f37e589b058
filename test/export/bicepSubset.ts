/**
 * A parser and evaluator of the Bicep subset ppnet's export writes, for the tests (no Bicep compiler
 * runs here, and npm has no Bicep parser): `//` comments, decorators, `param <name> string [= value]`,
 * `resource <symbol> '<type>@<api>' [existing] = { ... }` (with `parent`, `name`, `location`, `kind`,
 * `properties`, `dependsOn`), `output <name> string = <value>`, objects and arrays one item a line,
 * strings with Bicep's escapes, function calls (`union`, `resourceGroup`) and member access. Anything
 * else is an error: a file outside the subset fails, never passes unread.
 *
 * Evaluated, it gives what the file deploys in the shape of armTemplate.ts, with the dependencies Bicep
 * infers (a reference to a resource the file deploys, a deployed parent, `dependsOn`).
 */
import { DeployedResource, Deployment, ExistingProperties, RESOURCE_GROUP, RESOURCE_GROUP_LOCATION, resourceIdOf, SUBSCRIPTION, union } from './deployment';

type Token = { kind: 'word' | 'string' | 'number' | 'punct' | 'newline' | 'decorator'; text: string; value?: string; line: number };

export type BicepExpr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'ref'; name: string }
  | { kind: 'call'; name: string; args: BicepExpr[] }
  | { kind: 'member'; of: BicepExpr; name: string }
  | { kind: 'object'; entries: [string, BicepExpr][] }
  | { kind: 'array'; items: BicepExpr[] };

export type BicepStatement =
  | { kind: 'param'; name: string; type: string; default?: BicepExpr; decorators: BicepExpr[] }
  | { kind: 'resource'; symbol: string; type: string; apiVersion: string; existing: boolean; body: BicepExpr; decorators: BicepExpr[] }
  | { kind: 'output'; name: string; type: string; value: BicepExpr };

const ESCAPES: Record<string, string> = { "'": "'", '\\': '\\', n: '\n', r: '\r', t: '\t', $: '$' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  let line = 1;
  const fail = (what: string): never => {
    throw new Error(`Bicep line ${line}: ${what}`);
  };
  while (at < text.length) {
    const c = text[at];
    if (c === '\n') {
      tokens.push({ kind: 'newline', text: c, line });
      line++;
      at++;
    } else if (c === ' ' || c === '\r') at++;
    else if (text.startsWith('//', at)) while (at < text.length && text[at] !== '\n') at++;
    else if (text.startsWith('/*', at)) fail('block comments are not in the subset');
    else if (c === "'") {
      if (text.startsWith("'''", at)) fail('multi-line strings are not in the subset');
      let value = '';
      at++;
      for (;;) {
        const d = text[at];
        if (d === undefined || d === '\n') fail('unterminated string');
        if (d === "'") break;
        if (d === '\\' && text[at + 1] === 'u') {
          const code = /^\\u\{([0-9A-Fa-f]{1,6})\}/.exec(text.slice(at));
          if (!code) fail('malformed \\u{...} escape');
          value += String.fromCodePoint(parseInt(code![1], 16));
          at += code![0].length;
          continue;
        }
        if (d === '\\') {
          const escaped = ESCAPES[text[at + 1]];
          if (escaped === undefined) fail(`unknown escape \\${text[at + 1]}`);
          value += escaped;
          at += 2;
          continue;
        }
        if (d === '$' && text[at + 1] === '{') fail('string interpolation is not in the subset');
        value += d;
        at++;
      }
      at++;
      tokens.push({ kind: 'string', text: 'string', value, line });
    } else if (/\d/.test(c)) {
      const m = /^\d+/.exec(text.slice(at))!;
      tokens.push({ kind: 'number', text: m[0], line });
      at += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at))!;
      tokens.push({ kind: 'word', text: m[0], line });
      at += m[0].length;
    } else if (c === '@') {
      tokens.push({ kind: 'decorator', text: c, line });
      at++;
    } else if ('{}[](),.:='.includes(c)) {
      tokens.push({ kind: 'punct', text: c, line });
      at++;
    } else fail(`unexpected character ${JSON.stringify(c)}`);
  }
  return tokens;
}

/** Parses a file of the subset into its statements. */
export function parseBicep(text: string): BicepStatement[] {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const fail = (what: string): never => {
    throw new Error(`Bicep line ${peek()?.line ?? 'end'}: ${what}, found ${peek() ? JSON.stringify(peek().text) : 'the end'}`);
  };
  const take = (kind: Token['kind'], text?: string): Token => {
    const token = peek();
    if (!token || token.kind !== kind || (text !== undefined && token.text !== text)) fail(`expected ${text ?? kind}`);
    at++;
    return token;
  };
  const is = (kind: Token['kind'], text?: string) => peek()?.kind === kind && (text === undefined || peek().text === text);
  const newlines = () => {
    while (is('newline')) at++;
  };

  const expression = (): BicepExpr => {
    let expr = primary();
    while (is('punct', '.')) {
      at++;
      expr = { kind: 'member', of: expr, name: take('word').text };
    }
    return expr;
  };
  const primary = (): BicepExpr => {
    const token = peek();
    if (token?.kind === 'string') {
      at++;
      return { kind: 'string', value: token.value! };
    }
    if (token?.kind === 'number') {
      at++;
      return { kind: 'number', value: Number(token.text) };
    }
    if (is('punct', '{')) return object();
    if (is('punct', '[')) return array();
    const word = take('word').text;
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true' };
    if (!is('punct', '(')) return { kind: 'ref', name: word };
    at++;
    const args: BicepExpr[] = [];
    if (is('punct', ')')) at++;
    else {
      for (;;) {
        args.push(expression());
        if (is('punct', ',')) {
          at++;
          continue;
        }
        take('punct', ')');
        break;
      }
    }
    return { kind: 'call', name: word, args };
  };
  const object = (): BicepExpr => {
    take('punct', '{');
    take('newline');
    newlines();
    const entries: [string, BicepExpr][] = [];
    while (!is('punct', '}')) {
      const key = take('word').text;
      if (entries.some(([k]) => k === key)) fail(`key ${key} twice`);
      take('punct', ':');
      entries.push([key, expression()]);
      take('newline');
      newlines();
    }
    take('punct', '}');
    return { kind: 'object', entries };
  };
  const array = (): BicepExpr => {
    take('punct', '[');
    take('newline');
    newlines();
    const items: BicepExpr[] = [];
    while (!is('punct', ']')) {
      items.push(expression());
      take('newline');
      newlines();
    }
    take('punct', ']');
    return { kind: 'array', items };
  };

  const statements: BicepStatement[] = [];
  newlines();
  while (at < tokens.length) {
    const decorators: BicepExpr[] = [];
    while (is('decorator')) {
      at++;
      decorators.push(primary());
      take('newline');
    }
    const keyword = take('word').text;
    if (keyword === 'param') {
      const name = take('word').text;
      const type = take('word').text;
      let value: BicepExpr | undefined;
      if (is('punct', '=')) {
        at++;
        value = expression();
      }
      statements.push({ kind: 'param', name, type, default: value, decorators });
    } else if (keyword === 'resource') {
      const symbol = take('word').text;
      const typeToken = take('string').value!;
      const [type, apiVersion, ...rest] = typeToken.split('@');
      if (!apiVersion || rest.length) fail(`resource type ${typeToken} needs one @version`);
      const existing = is('word', 'existing');
      if (existing) at++;
      take('punct', '=');
      statements.push({ kind: 'resource', symbol, type, apiVersion, existing, body: object(), decorators });
    } else if (keyword === 'output') {
      const name = take('word').text;
      const type = take('word').text;
      take('punct', '=');
      statements.push({ kind: 'output', name, type, value: expression() });
    } else fail(`${keyword} is not in the subset`);
    if (at < tokens.length) take('newline');
    newlines();
  }
  return statements;
}

interface Symbol {
  statement: Extract<BicepStatement, { kind: 'resource' }>;
  resource?: DeployedResource;
  /** The resource's own name (a child's last segment). */
  ownName?: string;
}

/** What a file of the subset deploys with the given parameter values (the others take their defaults). */
export function deployBicep(text: string, given: Record<string, string>, existing: ExistingProperties): Deployment {
  const statements = parseBicep(text);
  const parameters: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  const symbols = new Map<string, Symbol>();
  const names = new Set<string>();
  for (const statement of statements) {
    const name = statement.kind === 'resource' ? statement.symbol : statement.name;
    if (statement.kind !== 'output' && names.has(name)) throw new Error(`${name} declared twice`);
    names.add(name);
  }
  let dependencies: Set<string> | undefined;

  const evaluate = (expr: BicepExpr): unknown => {
    switch (expr.kind) {
      case 'string':
      case 'number':
      case 'bool':
        return expr.value;
      case 'object':
        return Object.fromEntries(expr.entries.map(([k, v]) => [k, evaluate(v)]));
      case 'array':
        return expr.items.map(evaluate);
      case 'ref': {
        if (expr.name in values) {
          if (values[expr.name] === undefined) throw new Error(`parameter ${expr.name} has no value`);
          return values[expr.name];
        }
        throw new Error(`${expr.name} is not a parameter (resources are used through a property)`);
      }
      case 'call':
        if (expr.name === 'union') return union(...expr.args.map(evaluate));
        if (expr.name === 'resourceGroup' && expr.args.length === 0) return { name: RESOURCE_GROUP, location: RESOURCE_GROUP_LOCATION, id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}` };
        throw new Error(`function ${expr.name}() is not in the subset`);
      case 'member': {
        if (expr.of.kind === 'ref' && symbols.has(expr.of.name)) return resourceProperty(symbols.get(expr.of.name)!, expr.name);
        const of = evaluate(expr.of) as Record<string, unknown>;
        if (typeof of !== 'object' || of === null || !(expr.name in of)) throw new Error(`no property ${expr.name}`);
        return of[expr.name];
      }
    }
  };
  const resourceProperty = (symbol: Symbol, property: string): unknown => {
    if (!symbol.resource) throw new Error(`${symbol.statement.symbol} is used before it is declared`);
    if (!symbol.statement.existing) dependencies?.add(symbol.resource.id);
    if (property === 'id') return symbol.resource.id;
    if (property === 'name') return symbol.ownName;
    if (property === 'properties' && symbol.statement.existing) return existing(symbol.resource.type, symbol.resource.id);
    throw new Error(`${symbol.statement.symbol}.${property} is not in the subset`);
  };

  const resources: DeployedResource[] = [];
  const outputs: Record<string, unknown> = {};
  for (const statement of statements) {
    if (statement.kind === 'param') {
      if (statement.type !== 'string') throw new Error(`param ${statement.name}: type ${statement.type}`);
      for (const decorator of statement.decorators) {
        if (decorator.kind !== 'call' || decorator.name !== 'description' || decorator.args.length !== 1 || decorator.args[0].kind !== 'string') throw new Error(`param ${statement.name}: only @description('...')`);
      }
      parameters[statement.name] = statement.default === undefined ? undefined : evaluate(statement.default);
      values[statement.name] = statement.name in given ? given[statement.name] : parameters[statement.name];
    } else if (statement.kind === 'output') {
      outputs[statement.name] = evaluate(statement.value);
    } else {
      if (statement.decorators.length) throw new Error(`resource ${statement.symbol}: decorators are not in the subset`);
      if (statement.body.kind !== 'object') throw new Error(`resource ${statement.symbol}: body is not an object`);
      dependencies = new Set();
      const body = new Map(statement.body.entries);
      const allowed = statement.existing ? ['name', 'parent'] : ['name', 'parent', 'location', 'kind', 'properties', 'dependsOn'];
      for (const key of body.keys()) if (!allowed.includes(key)) throw new Error(`resource ${statement.symbol}: ${key} is not in the subset`);
      const parentExpr = body.get('parent');
      let parent: Symbol | undefined;
      if (parentExpr) {
        if (parentExpr.kind !== 'ref' || !symbols.has(parentExpr.name)) throw new Error(`resource ${statement.symbol}: parent must name a resource`);
        parent = symbols.get(parentExpr.name)!;
        if (!statement.type.startsWith(`${parent.statement.type}/`) || statement.type.split('/').length !== parent.statement.type.split('/').length + 1) {
          throw new Error(`resource ${statement.symbol}: type ${statement.type} is no child of ${parent.statement.type}`);
        }
        if (!parent.statement.existing) dependencies.add(parent.resource!.id);
      } else if (statement.type.split('/').length !== 2) throw new Error(`resource ${statement.symbol}: a child type needs a parent`);
      if (!body.has('name')) throw new Error(`resource ${statement.symbol}: no name`);
      const ownName = String(evaluate(body.get('name')!));
      const name = parent ? `${parent.resource!.name}/${ownName}` : ownName;
      const resource: DeployedResource = { type: statement.type, apiVersion: statement.apiVersion, name, id: resourceIdOf(statement.type, name.split('/')), dependsOn: [] };
      for (const key of ['location', 'kind', 'properties'] as const) if (body.has(key)) resource[key] = evaluate(body.get(key)!);
      const explicit = body.get('dependsOn');
      if (explicit) {
        if (explicit.kind !== 'array' || explicit.items.some((i) => i.kind !== 'ref' || !symbols.has(i.name))) throw new Error(`resource ${statement.symbol}: dependsOn must list resources`);
        for (const item of explicit.items) dependencies.add(symbols.get((item as { name: string }).name)!.resource!.id);
      }
      resource.dependsOn = [...dependencies].sort();
      dependencies = undefined;
      symbols.set(statement.symbol, { statement, resource, ownName });
      if (!statement.existing) resources.push(resource);
    }
  }
  return { parameters, resources, outputs };
}
