import { isMap } from 'yaml';
import { nodeAt, ownKeys } from '../../syntax/nodeAt';
import { Rule } from '../rule';
import { replaceWithSuggestion } from './shared/suggestionFix';

export const unknownKey: Rule = {
  code: 'unknown-key',
  defaultSeverity: 'warning',
  title: 'A key the format does not define.',
  source: 'arch',
  check({ schemaFindings, report }) {
    for (const finding of schemaFindings()) {
      if (finding.code === 'unknown-key') report({ at: finding.at, message: finding.message, data: finding.data });
    }
  },
  fixes(context) {
    // Renaming to a key the map already has would only trade this warning for a duplicate-key error.
    const { document, diagnostic, topology } = context;
    const at = nodeAt(topology.parsed.doc, document.offsetAt(diagnostic.range.start));
    const replacement = (diagnostic.data as { replacement?: string } | undefined)?.replacement;
    if (at?.isKey && isMap(at.parent) && replacement && ownKeys(at.parent).includes(replacement)) return [];
    return replaceWithSuggestion(context);
  },
};
