import { Rule } from '../rule';

export const unknownKey: Rule = {
  code: 'unknown-key',
  defaultSeverity: 'warning',
  title: 'A key the format does not define.',
  source: 'arch',
  reads: ['document'],
  check({ schemaFindings, report }) {
    for (const finding of schemaFindings()) {
      if (finding.code === 'unknown-key') report({ at: finding.at, message: finding.message, data: finding.data });
    }
  },
};
