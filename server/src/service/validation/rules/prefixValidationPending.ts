import { circuitIssues } from '../../deployed/health';
import { deployedOf, deploymentOf } from '../../facts';
import { listWords } from '../../text/words';
import { Rule } from '../rule';

export const prefixValidationPending: Rule = {
  code: 'prefix-validation-pending',
  defaultSeverity: 'warning',
  title: "Microsoft has not validated the Microsoft peering's advertised prefixes yet, so it advertises no routes for them.",
  source: 'routing-cli',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    const deployment = deploymentOf(topology, deployed);
    for (const circuit of topology.circuits.values()) {
      const peering = circuit.microsoftPeering;
      const resource = deployedOf(deployment, circuit);
      if (!peering || !resource) continue;
      for (const issue of circuitIssues(resource)) {
        if (issue.code !== 'prefix-validation-pending') continue;
        report({
          at: (peering.advertisedPrefixes ?? peering).key,
          message:
            `The advertised prefixes of circuit ${circuit.id}'s Microsoft peering (${listWords(issue.prefixes)}) are ${issue.state} in Azure, not Configured: until Microsoft validates that you own them, it advertises no routes over the peering.` +
            ' If the state stays ValidationNeeded, open a support request with proof that you own the prefixes.',
        });
      }
    }
  },
};
