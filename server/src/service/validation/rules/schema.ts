import { Rule } from '../rule';
import { replaceWithSuggestion } from './shared/suggestionFix';

export const schema: Rule = {
  code: 'schema',
  defaultSeverity: 'error',
  title: 'A value has the wrong type, a required key is missing, or a value is not in its set.',
  source: 'arch',
  check({ schemaFindings, report }) {
    for (const finding of schemaFindings()) {
      if (finding.code === 'schema') report({ at: finding.at, message: finding.message, data: finding.data });
    }
  },
  fixes: replaceWithSuggestion,
};
