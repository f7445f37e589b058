import { ENTITY_KINDS, entitiesOf, SECTION_OF } from '../../model/model';
import { referencesIn, resolveReference } from '../../model/references';
import type { TrackedSection } from '../../model/reads';
import { Rule } from '../rule';
import { closest, didYouMean } from '../../text/suggest';
import { replaceWithSuggestion } from './shared/suggestionFix';
import { entityNoun, withArticle } from '../../text/words';

export const unknownReference: Rule = {
  code: 'unknown-reference',
  defaultSeverity: 'error',
  title: 'A reference names no entity of the expected kind.',
  source: 'arch',
  eachEntity: {
    sections: ENTITY_KINDS.map((kind) => SECTION_OF[kind] as TrackedSection),
    check(entity, { topology, report }) {
      for (const reference of referencesIn(entity)) {
        if (resolveReference(topology, reference)) continue;
        const kind = entityNoun(reference.targetKind);
        const ids = [...entitiesOf(topology, reference.targetKind).keys()];
        const suggestion = closest(reference.text, ids);
        const hint = didYouMean(suggestion, ids.length ? ` The ${kind}s are ${ids.join(', ')}.` : ` The file defines no ${kind}; add one or fix the name.`);
        report({
          at: reference.node,
          message: `"${reference.text}" is not ${withArticle(kind)} of this file, so ${entityNoun(reference.from.kind)} ${reference.from.id} cannot be checked against it.${hint}`,
          data: suggestion ? { replacement: suggestion } : undefined,
        });
      }
    },
  },
  fixes: replaceWithSuggestion,
};
