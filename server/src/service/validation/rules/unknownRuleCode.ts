import { Rule } from '../rule';
import { unknownCodeMessage } from '../ruleCodes';
import { replaceWithSuggestion } from './shared/suggestionFix';

export const unknownRuleCode: Rule = {
  code: 'unknown-rule-code',
  defaultSeverity: 'warning',
  title: 'A disable comment or ppnet.config.yaml names a code that does not exist.',
  source: 'arch',
  phase: 'suppression',
  check({ suppression, ruleCodes, report }) {
    for (const directive of suppression?.directives ?? []) {
      for (const { code, span } of directive.codes) {
        if (ruleCodes.has(code)) continue;
        const { message, replacement } = unknownCodeMessage(code, 'this disable comment', ruleCodes);
        report({ at: span, message, data: replacement ? { replacement } : undefined });
      }
    }
  },
  fixes: replaceWithSuggestion,
};
