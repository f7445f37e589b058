import { circuitHealth, deployedOf, deploymentOf } from '../../facts';
import { Rule } from '../rule';

export const peeringDisabled: Rule = {
  code: 'peering-disabled',
  defaultSeverity: 'error',
  title: "The design's Microsoft peering is disabled in Azure, so no route is exchanged over it.",
  source: 'er-routing-config',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    const deployment = deploymentOf(topology, deployed);
    for (const circuit of topology.circuits.values()) {
      const resource = deployedOf(deployment, circuit);
      const issue = resource && circuit.microsoftPeering && circuitHealth(resource).find((i) => i.kind === 'peering-disabled');
      if (!issue) continue;
      report({
        at: circuit.microsoftPeering!.key,
        message:
          `Circuit ${circuit.id}'s Microsoft peering is ${issue.state} in Azure: a disabled peering exchanges no BGP routes, so the traffic the design sends over it takes the public internet or fails.` +
          ' Enable the peering in Azure.',
      });
    }
  },
};
