/**
 * The map of `ppnet import --map`: YAML that says what no export holds (sites, the environments a
 * circuit serves, connectors...), checked against `schemas/ppnet-map.schema.json` with ajv. A map
 * with a problem is not used at all: each problem is a finding on its node.
 */
import Ajv, { ValidateFunction } from 'ajv';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { isMap, isScalar, Node, Pair, parseDocument } from 'yaml';
import mapSchema from '../../../../../schemas/ppnet-map.schema.json';
import topologySchema from '../../../../../schemas/ppnet.schema.json';

/** One entry of the map's circuits, environments, enterprisePolicies or gateways. */
export interface MapEntry {
  /** The key as written: an imported id or an Azure name. */
  key: string;
  fields: Record<string, unknown>;
  /** Where its key is, for `map-unmatched`. */
  range: Range;
}

export const MAPPED_SECTIONS = ['circuits', 'environments', 'enterprisePolicies', 'gateways'] as const;
export type MappedSection = (typeof MAPPED_SECTIONS)[number];
export const VERBATIM_SECTIONS = ['sites', 'connectors', 'desktopFlows', 'azureServices'] as const;
export type VerbatimSection = (typeof VERBATIM_SECTIONS)[number];

export interface ImportMap {
  name?: string;
  cloud?: string;
  entries: Record<MappedSection, MapEntry[]>;
  /** Written into the topology as they are (references to imported entities resolved). */
  verbatim: Partial<Record<VerbatimSection, Record<string, unknown>>>;
}

export interface MapFinding {
  code: 'map-invalid';
  severity: 'error';
  message: string;
  range: Range;
}

export function emptyMap(): ImportMap {
  return { entries: { circuits: [], environments: [], enterprisePolicies: [], gateways: [] }, verbatim: {} };
}

let validate: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
    ajv.addSchema(topologySchema);
    validate = ajv.compile(mapSchema);
  }
  return validate;
}

export function parseImportMap(text: string): { map: ImportMap; findings: MapFinding[] } {
  const document = TextDocument.create('file:///map.yaml', 'yaml', 0, text);
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(Math.max(end, start)) });
  const findings: MapFinding[] = [];
  const invalid = (at: Range, message: string) => findings.push({ code: 'map-invalid', severity: 'error', message, range: at });
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) invalid(range(error.pos[0], error.pos[1]), `The map is not valid YAML: ${error.message.split('\n')[0]}.`);
  if (doc.errors.length) return { map: emptyMap(), findings };
  const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const check = validator();
  if (!check(value)) {
    for (const error of check.errors ?? []) {
      const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const where = path.length ? `The map's ${path.join('.')}` : 'The map';
      const extra = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty?: string }).additionalProperty) : undefined;
      const node = extra !== undefined ? keyNodeAt(doc.contents as Node | null, path, extra) : nodeAt(doc.contents as Node | null, path);
      const at = node?.range ? range(node.range[0], node.range[1]) : range(0, 0);
      const what = extra !== undefined ? `takes no key ${extra}` : error.keyword === 'enum' ? `must be one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}` : (error.message ?? 'is not valid');
      invalid(at, `${where} ${what}: the map follows schemas/ppnet-map.schema.json, and is not used.`);
    }
    return { map: emptyMap(), findings };
  }
  const object = value as Record<string, unknown>;
  const map = emptyMap();
  if (typeof object.name === 'string') map.name = object.name;
  if (typeof object.cloud === 'string') map.cloud = object.cloud;
  for (const section of MAPPED_SECTIONS) {
    const entries = object[section] as Record<string, Record<string, unknown>> | undefined;
    for (const [key, fields] of Object.entries(entries ?? {})) {
      const keyNode = keyNodeAt(doc.contents as Node | null, [section], key);
      map.entries[section].push({ key, fields: fields ?? {}, range: keyNode?.range ? range(keyNode.range[0], keyNode.range[1]) : range(0, 0) });
    }
  }
  for (const section of VERBATIM_SECTIONS) {
    if (object[section] && typeof object[section] === 'object') map.verbatim[section] = object[section] as Record<string, unknown>;
  }
  return { map, findings };
}

function nodeAt(root: Node | null, path: string[]): Node | undefined {
  let node: Node | null | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (isMap(node)) {
      const pair: Pair | undefined = (node.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === segment);
      node = (pair?.value as Node | null) ?? (pair?.key as Node | undefined);
    } else if ('items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      node = (node as { items: Node[] }).items[Number(segment)];
    } else return node;
  }
  return node ?? undefined;
}

function keyNodeAt(root: Node | null, path: string[], key: string): Node | undefined {
  const parent = nodeAt(root, path);
  if (!isMap(parent)) return undefined;
  const pair = (parent.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair?.key as Node | undefined;
}
