import { DiagnosticTag } from 'vscode-languageserver-types';
import { Rule } from '../rule';

export const unusedDisable: Rule = {
  code: 'unused-disable',
  defaultSeverity: 'hint',
  title: 'A disable comment that silenced nothing.',
  source: 'arch',
  phase: 'suppression',
  check({ suppression, ruleCodes, idleCodes, report }) {
    for (const directive of suppression?.directives ?? []) {
      const used = suppression!.used.get(directive);
      // Unknown codes are unknown-rule-code's to report; a rule that did not run (drift without an estate) cannot have been silenced.
      const codes = directive.codes.map((c) => c.code).filter((c) => ruleCodes.has(c) && !idleCodes.has(c));
      if (directive.codes.length > 0 && codes.length === 0) continue;
      const unused = directive.codes.length === 0 ? (used ? [] : ['']) : codes.filter((c) => !used?.has(c));
      if (unused.length === 0) continue;
      const what = directive.codes.length === 0 ? 'any diagnostic' : unused.map((c) => `"${c}"`).join(', ');
      const where = directive.scope === 'file' ? 'in this file' : 'on the next line';
      report({
        at: directive.comment.span,
        message: `This disable comment silences nothing: there is no ${what} ${where}. Remove it (or the codes it no longer needs) so that it does not hide a future problem.`,
        tags: [DiagnosticTag.Unnecessary],
      });
    }
  },
};
