/**
 * `ppnet.config.yaml`: per-rule levels for every topology file below its folder. The library parses
 * the text; finding the nearest file on disk is the caller's business (server and CLI share it).
 */
import Ajv from 'ajv';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import configSchema from '../../../schemas/ppnet-config.schema.json';
import { Level, LEVELS, LSP_SEVERITY, ruleUrl } from './rule';
import { rangeOf } from './text/ranges';
import { RULE_CODES, ruleByCode } from './rules';
import { unknownCodeMessage } from './ruleCodes';
import { DIAGNOSTIC_SOURCE } from './validation';

export const CONFIG_FILE_NAME = 'ppnet.config.yaml';

export interface PpnetConfig {
  ruleLevels: Record<string, Level>;
}

export interface ParsedConfig {
  config: PpnetConfig;
  /** Problems in the config file itself, with ranges in it. */
  diagnostics: Diagnostic[];
}

const validateConfig = new Ajv({ allErrors: true, strict: false }).compile(configSchema);

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
  const value = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  if (!validateConfig(value)) {
    for (const error of validateConfig.errors ?? []) {
      if (error.keyword === 'enum') continue; // levels are reported below, at their value
      problem({ start: 0, end: 0 }, `${CONFIG_FILE_NAME}: ${error.instancePath || 'the file'} ${error.message}. It holds one key, rules: { <code>: off | hint | info | warning | error }.`);
    }
  }
  const rules = doc.get('rules', true);
  if (isMap(rules)) {
    for (const pair of rules.items) {
      if (!isScalar(pair.key)) continue;
      const code = String(pair.key.value);
      const levelNode = pair.value as Scalar | null;
      const level = isScalar(levelNode) ? String(levelNode.value) : '';
      if (!ruleByCode(code)) {
        problem(pair.key, unknownCodeMessage(code, 'this setting', RULE_CODES).message, 'unknown-rule-code');
        continue;
      }
      if (!(LEVELS as readonly string[]).includes(level)) {
        problem(levelNode ?? pair.key, `"${level}" is not a level for rule ${code}: use off, hint, info, warning or error.`);
        continue;
      }
      ruleLevels[code] = level as Level;
    }
  }
  return { config: { ruleLevels }, diagnostics };
}
