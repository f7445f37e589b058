/**
 * `ppnet.config.yaml`: per-rule levels for every topology file below its folder. The library parses
 * the text; finding the nearest file on disk is the caller's business (server and CLI share it).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import configSchema from '../../../../schemas/ppnet-config.schema.json';
import { Level, LEVELS, LSP_SEVERITY, ruleUrl } from './rule';
import { resolveNode } from '../syntax/parse';
import { RULE_CODES, ruleByCode } from './rules';
import { unknownCodeMessage } from './ruleCodes';
import { closest } from '../text/suggest';
import { rangeOf } from '../text/ranges';
import { DIAGNOSTIC_SOURCE } from './engine';

export const CONFIG_FILE_NAME = 'ppnet.config.yaml';

export interface PpnetConfig {
  ruleLevels: Record<string, Level>;
  /** `deployed:`: the folder of exports the editor compares the design with, as written (relative to the config's folder), and where. */
  deployed?: { folder: string; range: Range };
}

export interface ParsedConfig {
  config: PpnetConfig;
  /** Problems in the config file itself, with ranges in it. */
  diagnostics: Diagnostic[];
}

const SETTINGS = Object.keys(configSchema.properties);
const SHAPE = 'rules: { <code>: off | hint | info | warning | error }';
const KEYS = `two keys, ${SHAPE}, and deployed: <folder of exports>`;

/** What a YAML node holds, in words: "a list", "text", "empty". */
function kindOf(node: unknown): string {
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return 'empty';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return typeof node.value === 'string' ? 'text' : typeof node.value === 'boolean' ? 'true or false' : `a ${typeof node.value}`;
  return 'not a map';
}

export function parseConfig(document: TextDocument): ParsedConfig {
  const diagnostics: Diagnostic[] = [];
  const ruleLevels: Record<string, Level> = {};
  const doc = parseDocument(document.getText(), { prettyErrors: false });
  const problem = (at: { range?: [number, number, number] | null } | { start: number; end: number }, message: string, code = 'schema', severity: DiagnosticSeverity = DiagnosticSeverity.Error) => {
    const rule = ruleByCode(code);
    diagnostics.push({
      range: rangeOf(document, at),
      severity: rule ? LSP_SEVERITY[rule.defaultSeverity] : severity,
      code,
      codeDescription: rule ? { href: ruleUrl(rule) } : undefined,
      source: DIAGNOSTIC_SOURCE,
      message,
    });
  };
  for (const error of doc.errors) {
    problem({ start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }, `YAML syntax error: ${error.message.split('\n')[0]}`, 'yaml-syntax');
  }
  if (doc.errors.length) return { config: { ruleLevels }, diagnostics };
  const root = resolveNode(doc, doc.contents);
  if (root === undefined || root === null || (isScalar(root) && root.value === null)) return { config: { ruleLevels }, diagnostics }; // empty: no settings
  if (!isMap(root)) {
    const start = root.range?.[0] ?? 0;
    const end = Math.min(root.range?.[1] ?? start, ...[document.getText().indexOf('\n', start)].filter((i) => i >= 0));
    problem({ start, end }, `${CONFIG_FILE_NAME} must be a map, but it is ${kindOf(root)}. It holds ${KEYS}.`);
    return { config: { ruleLevels }, diagnostics };
  }
  let rules: unknown;
  let deployed: PpnetConfig['deployed'];
  for (const pair of root.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (name === 'rules') {
      rules = resolveNode(doc, pair.value);
      if (!isMap(rules)) {
        const empty = kindOf(rules) === 'empty';
        problem(
          (empty ? pair.key : rules) as Scalar,
          `"rules" must be a map from rule code to level, but it is ${kindOf(rules)}: write ${SHAPE}${empty ? ', or remove the key' : ''}.`,
        );
      }
      continue;
    }
    if (name === 'deployed') {
      const folder = resolveNode(doc, pair.value);
      if (isScalar(folder) && typeof folder.value === 'string' && folder.value.trim() !== '') {
        deployed = { folder: folder.value, range: rangeOf(document, folder) };
      } else {
        problem((kindOf(folder) === 'empty' ? pair.key : folder) as Scalar, `"deployed" must be the path of a folder of exported JSON, relative to this file, but it is ${kindOf(folder)}: write deployed: <folder>, or remove the key.`);
      }
      continue;
    }
    const suggestion = name === undefined ? undefined : closest(name, SETTINGS);
    problem(
      (pair.key ?? root) as Scalar,
      `${name === undefined ? 'This key' : `"${name}"`} is not a setting of ${CONFIG_FILE_NAME}, so ppnet ignores it: the file holds ${KEYS}. ` +
        (suggestion ? `Did you mean ${suggestion}?` : 'Remove it.'),
    );
  }
  if (isMap(rules)) {
    for (const pair of rules.items) {
      if (!isScalar(pair.key)) {
        problem((pair.key ?? rules) as Scalar, `A rule code here is ${kindOf(pair.key)}; each key under "rules" is a rule code such as gateway-tls.`);
        continue;
      }
      const code = String(pair.key.value);
      const levelNode = resolveNode(doc, pair.value) as Scalar | null | undefined;
      const level = isScalar(levelNode) && levelNode.value !== null ? String(levelNode.value) : '';
      if (!ruleByCode(code)) {
        problem(pair.key, unknownCodeMessage(code, 'this setting', RULE_CODES).message, 'unknown-rule-code');
        continue;
      }
      if (!(LEVELS as readonly string[]).includes(level)) {
        const written = pair.value as Scalar | null;
        const what = kindOf(levelNode);
        problem(
          what === 'empty' ? pair.key : (written ?? pair.key),
          what === 'empty'
            ? `Rule ${code} has no level: give it one of off, hint, info, warning or error.`
            : isScalar(levelNode)
              ? `"${level}" is not a level for rule ${code}: use off, hint, info, warning or error.`
              : `The level of rule ${code} must be one word, off, hint, info, warning or error, but it is ${what}.`,
        );
        continue;
      }
      ruleLevels[code] = level as Level;
    }
  }
  return { config: deployed ? { ruleLevels, deployed } : { ruleLevels }, diagnostics };
}
