/** The registry of every rule, in the order of the spec's table. */
import { Rule } from '../rule';
import { circuitRegionMismatch } from './circuitRegionMismatch';
import { duplicateKey } from './duplicateKey';
import { routeFilterMissingRegion } from './routeFilterMissingRegion';
import { schema } from './schema';
import { unknownKey } from './unknownKey';
import { unknownReference } from './unknownReference';
import { unknownRegion } from './unknownRegion';
import { KNOWN_CODES, unknownRuleCode } from './unknownRuleCode';
import { unusedDisable } from './unusedDisable';
import { yamlSyntax } from './yamlSyntax';
import { yamlWarning } from './yamlWarning';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  yamlWarning,
  duplicateKey,
  schema,
  unknownKey,
  unknownReference,
  unknownRegion,
  unusedDisable,
  unknownRuleCode,
  circuitRegionMismatch,
  routeFilterMissingRegion,
];

for (const rule of RULES) KNOWN_CODES.add(rule.code);

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((rule) => rule.code === code);
}
