import { deployedNameOf, deploymentOf } from '../../facts';
import { entityNoun } from '../../text/words';
import { Rule } from '../rule';

/** Where each kind is exported from, for the message. */
const EXPORTED_FROM = { circuit: 'Azure', environment: 'Power Platform', gateway: 'Power Platform', enterprisePolicy: 'Azure' } as const;

export const driftMissing: Rule = {
  code: 'drift-missing',
  defaultSeverity: 'error',
  title: 'An entity of the design that is not deployed (said only for the kinds the deployed inputs cover).',
  source: 'checklist',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    for (const { entity, sameId } of deploymentOf(topology, deployed).missing) {
      const noun = entityNoun(entity.kind);
      const where = EXPORTED_FROM[entity.kind as keyof typeof EXPORTED_FROM];
      const by = entity.azureId ? `azureId ${entity.azureId.text}` : `a name that ppnet import would give id ${entity.id}${entity.name ? ` or name ${entity.name.text}` : ''}`;
      const hint = sameId
        ? ` A deployed ${noun} is named ${deployedNameOf(sameId)} with id ${sameId.azureId}: if it is this one, write that azureId.`
        : ' Deploy it, or remove it from the design (or give it the azureId of the deployed one).';
      report({
        at: entity.key,
        message: `The design's ${noun} ${entity.id} is not deployed: the ${where} inputs hold ${noun}s, but none with ${by}, so the routes the design gives it do not exist.${hint}`,
      });
    }
  },
};
