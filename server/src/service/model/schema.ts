/**
 * Structural validation: the file's value is checked against `schemas/ppnet.schema.json` with ajv,
 * and each ajv error is mapped to the smallest YAML node it concerns, in our own words.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Document, isAlias, isMap, isScalar, isSeq, Node, Scalar } from 'yaml';
import topologySchema from '../../../../schemas/ppnet.schema.json';
import { KIND_OF_SECTION } from './model';
import { MAX_ALIAS_EXPANSIONS, mapPairs, resolveNode, scalarText, Span } from '../syntax/parse';
import type { Locatable } from '../text/ranges';
import { closest, didYouMean } from '../text/suggest';
import { capitalize, entityNoun } from '../text/words';

export interface SchemaFinding {
  code: 'schema' | 'unknown-key';
  at: Locatable;
  message: string;
  /** For fixes: the replacement a "did you mean" proposes. */
  data?: { replacement?: string };
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  description?: string;
  $ref?: string;
};

export const TOPOLOGY_SCHEMA = topologySchema as JsonSchema & { definitions: Record<string, JsonSchema> };

let ajv: Ajv | undefined;
/** The validator of the whole file, or of one section's map (`sections/<name>` of the schema). */
function validator(section?: string): ValidateFunction {
  if (!ajv) {
    // Compiled on the first validation of a process, so kept cheap: the schema is not checked against
    // the meta-schema here (a test does), and each definition is compiled once for the whole-file and
    // the section validators instead of inlined into each.
    ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: false, inlineRefs: false });
    ajv.addSchema(topologySchema);
  }
  return ajv.getSchema(`${topologySchema.$id}${section ? `#/properties/${section}` : ''}`)!;
}

/** Resolves a local `$ref` of the topology schema. */
export function deref(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  return TOPOLOGY_SCHEMA.definitions[name];
}

/** The schema that applies to a property of an object schema. */
export function propertySchema(schema: JsonSchema | undefined, name: string): JsonSchema | undefined {
  const object = deref(schema);
  if (!object) return undefined;
  // Own properties only: a key written `__proto__` or `constructor` is not a property the schema names.
  if (object.properties && Object.prototype.hasOwnProperty.call(object.properties, name)) return deref(object.properties[name]);
  return typeof object.additionalProperties === 'object' ? deref(object.additionalProperties) : undefined;
}

function allows(schema: JsonSchema | undefined, type: string): boolean {
  const types = schema?.type;
  if (types === undefined) return schema?.enum ? schema.enum.some((v) => typeof v === type) : true;
  return Array.isArray(types) ? types.includes(type) : types === type;
}

interface Located {
  key?: Scalar;
  node?: Node;
}

class ExpansionLimit extends Error {
  constructor(readonly alias: Node) {
    super('alias expansion limit');
  }
}

interface Instance {
  value: unknown;
  /** Where each JSON pointer lives in the YAML: only read for an invalid instance, so found on demand. */
  locations: () => Map<string, Located>;
}

type InstanceRoot = { schema: JsonSchema; pointer: string; key?: Scalar; depth: number };

/**
 * The file (or a node of it at `pointer`) as a plain value for ajv. A number or boolean where the
 * schema wants a string is read as written (`tls: 1.2` is "1.2"). Nodes in `placeholders` become
 * empty maps (their content is checked separately).
 */
function toInstance(doc: Document, root: unknown, at: InstanceRoot, placeholders?: ReadonlySet<unknown>): Instance {
  const locations = () => {
    const found = new Map<string, Located>();
    convertNode(doc, root, at, placeholders, found);
    return found;
  };
  return { value: convertNode(doc, root, at, placeholders), locations };
}

/** `root` as a plain value for ajv, and with `locations`, where each JSON pointer lives in the YAML. */
function convertNode(doc: Document, root: unknown, at: InstanceRoot, placeholders: ReadonlySet<unknown> | undefined, locations?: Map<string, Located>): unknown {
  let expansions = 0;
  // `entry` is the first alias on the way down: the one written where the expansion blows up.
  const convert = (raw: unknown, schema: JsonSchema | undefined, pointer: string, key: Scalar | undefined, depth: number, entry?: Node): unknown => {
    if (isAlias(raw)) {
      entry ??= raw as Node;
      if (++expansions > MAX_ALIAS_EXPANSIONS) throw new ExpansionLimit(entry);
    }
    const node = resolveNode(doc, raw);
    locations?.set(pointer, { key, node: isAlias(raw) ? (raw as Node) : node });
    if (depth > 200) return null;
    if (placeholders?.has(node)) return {};
    if (isScalar(node)) {
      const value = node.value;
      if ((typeof value === 'number' || typeof value === 'boolean') && !allows(schema, typeof value) && allows(schema, 'string')) {
        return scalarText(node);
      }
      return value ?? null;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of mapPairs(doc, node)) {
        const name = String((pair.key as Scalar).value);
        const value = convert(pair.value, propertySchema(schema, name), locations ? `${pointer}/${escapePointer(name)}` : '', pair.key as Scalar, depth + 1, entry);
        setData(out, name, value);
      }
      return out;
    }
    if (isSeq(node)) {
      const itemSchema = deref(deref(schema)?.items);
      return node.items.map((item, index) => convert(item, itemSchema, locations ? `${pointer}/${index}` : '', undefined, depth + 1, entry));
    }
    return null;
  };
  return convert(root, at.schema, at.pointer, at.key, at.depth);
}

/** Sets a property as data: a "__proto__" key is not the object's prototype (the one inherited setter). */
function setData(object: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  else object[name] = value;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** "environment contoso-prod", "the file", "microsoftPeering of circuit er-ams". */
function describeOwner(pointer: string): string {
  const segments = pointer.split('/').slice(1).map(unescapePointer);
  if (segments.length === 0) return 'the file';
  const kind = KIND_OF_SECTION[segments[0]];
  if (!kind) return `"${segments.join('.')}"`;
  if (segments.length === 1) return `the ${segments[0]} section`;
  const entity = `${entityNoun(kind)} ${segments[1]}`;
  if (segments.length === 2) return entity;
  // An entry of a list of maps (a subnet of an enterprise policy): "subnet 1 of enterprise policy ep-eu".
  const item = segments.findIndex((s, i) => i >= 2 && /^\d+$/.test(s));
  if (item === 3 && segments[2] === 'subnets') {
    const rest = segments.slice(4);
    const subnet = `subnet ${Number(segments[3]) + 1} of ${entity}`;
    return rest.length ? `"${rest.join('.')}" of ${subnet}` : subnet;
  }
  return `"${segments.slice(2).join('.')}" of ${entity}`;
}

function jsonType(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

function expectedType(schema: JsonSchema): string {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const words: Record<string, string> = { string: 'text', array: 'a list', object: 'a map', boolean: 'true or false', number: 'a number', integer: 'a whole number' };
  return types.map((t) => words[t] ?? t).join(' or ');
}

export function validateSchema(doc: Document, text: string): SchemaFinding[] {
  return validateSchemaOutside(doc, text, new Set());
}

/**
 * The whole-file check, except inside the section maps in `splitSections`: those are taken as empty
 * here and their entities are checked one by one with `entitySchemaFindings`, which together give
 * the same findings as `validateSchema`.
 */
export function validateSchemaOutside(doc: Document, text: string, splitSections: ReadonlySet<unknown>): SchemaFinding[] {
  let instance: Instance;
  try {
    instance = toInstance(doc, doc.contents, { schema: TOPOLOGY_SCHEMA, pointer: '', depth: 0 }, splitSections);
  } catch (error) {
    if (error instanceof ExpansionLimit) {
      return [{
        code: 'schema',
        at: error.alias,
        message: `Aliases in this file expand to more than ${MAX_ALIAS_EXPANSIONS} nodes, so ppnet stops expanding them and skips the structural check. Write the repeated parts out, or use fewer nested aliases.`,
      }];
    }
    throw error;
  }
  return findingsOf(validator(), instance, '', text);
}

/** The findings of one entity of a section (its id key and value), as `validateSchema` reports them. */
export function entitySchemaFindings(doc: Document, section: string, key: Scalar, value: unknown, text: string): SchemaFinding[] {
  const id = String(key.value);
  const pointer = `/${escapePointer(section)}`;
  const schema = propertySchema(propertySchema(TOPOLOGY_SCHEMA, section), id);
  const entity = toInstance(doc, value, { schema: schema ?? {}, pointer: `${pointer}/${escapePointer(id)}`, key, depth: 2 });
  return findingsOf(validator(section), { value: { [id]: entity.value }, locations: entity.locations }, pointer, text);
}

/**
 * Whether every one of these entities of a section is valid, checked with one call of the validator
 * instead of one each: a section's schema checks each entity on its own, so then none has findings.
 */
export function entitiesValid(doc: Document, section: string, entities: readonly { key: Scalar; value: unknown }[]): boolean {
  const sectionSchema = propertySchema(TOPOLOGY_SCHEMA, section);
  const value: Record<string, unknown> = {};
  for (const entity of entities) {
    const id = String(entity.key.value);
    const at = { schema: propertySchema(sectionSchema, id) ?? {}, pointer: '', key: entity.key, depth: 2 };
    // Each entity converted on its own, as entitySchemaFindings does (its own alias budget).
    let converted: unknown;
    try {
      converted = convertNode(doc, entity.value, at, undefined);
    } catch (error) {
      if (error instanceof ExpansionLimit) return false;
      throw error;
    }
    setData(value, id, converted);
  }
  return validator(section)(value) === true;
}

/** Validates an instance; `pointer` is where the validator's root is in the file. */
function findingsOf(validate: ValidateFunction, instance: Instance, pointer: string, text: string): SchemaFinding[] {
  if (validate(instance.value)) return [];
  const errors = validate.errors ?? [];
  const locations = instance.locations();
  const findings: SchemaFinding[] = [];
  const firstLine: Span = { start: 0, end: Math.max(1, text.search(/\r?\n|$/)) };
  for (const error of errors) {
    const finding = mapError({ ...error, instancePath: pointer + error.instancePath }, locations, firstLine);
    if (finding) findings.push(finding);
  }
  return dedupe(findings);
}

export function dedupe(findings: SchemaFinding[]): SchemaFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${JSON.stringify('start' in f.at ? f.at : (f.at as Node).range)}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mapError(error: ErrorObject, locations: Map<string, Located>, firstLine: Span): SchemaFinding | undefined {
  const pointer = error.instancePath;
  const here = locations.get(pointer);
  const owner = describeOwner(pointer);
  const parentSchema = (error.parentSchema ?? {}) as JsonSchema;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const key = locations.get(`${pointer}/${escapePointer(name)}`)?.key;
      const allowed = Object.keys(parentSchema.properties ?? {});
      const suggestion = closest(name, allowed);
      const hint = didYouMean(suggestion, ` The keys here are ${allowed.join(', ')}.`).trimStart();
      return {
        code: 'unknown-key',
        at: key ?? here?.node ?? firstLine,
        message: `Unknown key "${name}" in ${owner}: the format does not define it, so ppnet ignores it. ${hint}`,
        data: suggestion ? { replacement: suggestion } : undefined,
      };
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const description = deref(parentSchema.properties?.[missing])?.description;
      return {
        code: 'schema',
        at: pointer === '' ? firstLine : (here?.key ?? here?.node ?? firstLine),
        message: `${capitalize(owner)} has no "${missing}", which is required.${description ? ` ${description}` : ''} Add "${missing}:".`,
      };
    }
    case 'type': {
      const node = here?.node;
      const isEmpty = error.data === null;
      const expected = expectedType(parentSchema);
      if (isEmpty && parentSchema.required?.length) {
        return {
          code: 'schema',
          at: here?.key ?? node ?? firstLine,
          message: `${capitalize(owner)} is empty; it needs ${parentSchema.required.map((k) => `"${k}"`).join(' and ')}.`,
        };
      }
      return {
        code: 'schema',
        at: (isEmpty ? here?.key : node) ?? firstLine,
        message: `${capitalize(owner)} must be ${expected}, but it is ${jsonType(error.data)}.${parentSchema.description ? ` ${parentSchema.description}` : ''}`,
      };
    }
    case 'enum': {
      if (typeof error.data === 'object' && error.data !== null) return undefined; // a list or map: its type error says what is wrong
      const allowed = (parentSchema.enum ?? []).map(String);
      const written = String(error.data);
      const suggestion = closest(written, allowed);
      return {
        code: 'schema',
        at: here?.node ?? firstLine,
        message: `${capitalize(owner)} cannot be "${written}": it is one of ${allowed.join(', ')}.${didYouMean(suggestion)}`,
        data: suggestion ? { replacement: suggestion } : undefined,
      };
    }
    case 'pattern': {
      const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
      if (propertyName === undefined) break;
      const key = locations.get(`${pointer}/${escapePointer(propertyName)}`)?.key;
      return {
        code: 'schema',
        at: key ?? here?.node ?? firstLine,
        message: `"${propertyName}" is not a valid id: an id starts with a letter and holds only letters, digits, "-" and "_", so that references can name it. Rename it.`,
      };
    }
    case 'propertyNames':
      return undefined; // reported by its inner `pattern` error
    case 'minItems':
      return {
        code: 'schema',
        at: here?.node ?? here?.key ?? firstLine,
        message: `${capitalize(owner)} is an empty list; list at least one entry or remove the key.`,
      };
    case 'uniqueItems': {
      return {
        code: 'schema',
        at: here?.node ?? firstLine,
        message: `${capitalize(owner)} lists the same entry twice; list each once.`,
      };
    }
  }
  return {
    code: 'schema',
    at: here?.node ?? firstLine,
    message: `${capitalize(owner)} ${error.message ?? 'is not valid'}.`,
  };
}

