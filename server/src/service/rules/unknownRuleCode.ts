import { Rule } from '../rule';
import { closest } from '../suggest';
import { replaceWithSuggestion } from '../suggestionFix';

/** The codes of every rule, filled in by the registry (a rule file cannot import the registry). */
export const KNOWN_CODES = new Set<string>();

export function unknownCodeMessage(code: string, where: string): { message: string; replacement?: string } {
  const suggestion = closest(code, KNOWN_CODES);
  return {
    message: `"${code}" is not a ppnet rule code, so ${where} has no effect for it.${suggestion ? ` Did you mean ${suggestion}?` : ' The README lists the rules.'}`,
    replacement: suggestion,
  };
}

export const unknownRuleCode: Rule = {
  code: 'unknown-rule-code',
  defaultSeverity: 'warning',
  title: 'A disable comment or ppnet.config.yaml names a code that does not exist.',
  source: 'arch',
  phase: 'suppression',
  reads: ['document'],
  check({ suppression, report }) {
    for (const directive of suppression?.directives ?? []) {
      for (const { code, span } of directive.codes) {
        if (KNOWN_CODES.has(code)) continue;
        const { message, replacement } = unknownCodeMessage(code, 'this disable comment');
        report({ at: span, message, data: replacement ? { replacement } : undefined });
      }
    }
  },
  fixes: replaceWithSuggestion,
};
