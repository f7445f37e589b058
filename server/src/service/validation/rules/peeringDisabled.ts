import { circuitIssues } from '../../deployed/health';
import { deployedOf, deploymentOf } from '../../facts';
import { Rule } from '../rule';

export const peeringDisabled: Rule = {
  code: 'peering-disabled',
  defaultSeverity: 'error',
  title: "A peering the design gives a circuit is disabled in Azure, so no route is exchanged over it.",
  source: 'reset-peering',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    const deployment = deploymentOf(topology, deployed);
    for (const circuit of topology.circuits.values()) {
      const resource = deployedOf(deployment, circuit);
      for (const issue of resource ? circuitIssues(resource) : []) {
        if (issue.code !== 'peering-disabled') continue;
        // A peering the design does not give the circuit carries nothing the design relies on.
        const designed = issue.peering === 'microsoft' ? circuit.microsoftPeering : circuit.privatePeering;
        if (!designed) continue;
        const name = issue.peering === 'microsoft' ? 'Microsoft peering' : 'private peering';
        report({
          at: designed.key,
          message:
            `Circuit ${circuit.id}'s ${name} is disabled in Azure: a disabled peering exchanges no BGP routes, so the traffic the design sends over it ${issue.peering === 'microsoft' ? 'takes the public internet or fails' : 'does not reach the virtual networks'}.` +
            ' Enable the peering in Azure, or remove it from the design.',
        });
      }
    }
  },
};
