import { deployedNameOf, deploymentOf, DeployedEntity } from '../../facts';
import { Rule } from '../rule';

const KIND_WORDS: Record<DeployedEntity['kind'], string> = {
  circuit: 'ExpressRoute circuit',
  environment: 'environment',
  gatewayCluster: 'gateway cluster',
  enterprisePolicy: 'enterprise policy',
};

export const driftUndesigned: Rule = {
  code: 'drift-undesigned',
  defaultSeverity: 'info',
  title: 'A deployed circuit, environment, gateway cluster or enterprise policy that the design does not have.',
  source: 'checklist',
  deployment: true,
  check({ topology, deployed, document, report }) {
    if (!deployed) return;
    const firstLine = document.getText().split(/\r?\n/, 1)[0];
    for (const resource of deploymentOf(topology, deployed).undesigned) {
      report({
        at: { start: 0, end: firstLine.length },
        message:
          `The ${KIND_WORDS[resource.kind]} ${deployedNameOf(resource)} (${resource.azureId}, in ${resource.source.file}) is deployed but not in the design, so ppnet checks no route through it.` +
          ' Add it to the design (ppnet import writes it), or leave it out if it serves nothing here.',
      });
    }
  },
};
