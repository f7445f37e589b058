import { circuitIssues } from '../../deployed/health';
import { deployedOf, deploymentOf } from '../../facts';
import { Rule } from '../rule';

export const circuitNotProvisioned: Rule = {
  code: 'circuit-not-provisioned',
  defaultSeverity: 'error',
  title: 'A deployed circuit that its connectivity provider has not provisioned, so it carries no traffic yet.',
  source: 'circuit-cli',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    const deployment = deploymentOf(topology, deployed);
    for (const circuit of topology.circuits.values()) {
      const resource = deployedOf(deployment, circuit);
      for (const issue of resource ? circuitIssues(resource) : []) {
        if (issue.code !== 'circuit-not-provisioned') continue;
        report({
          at: circuit.key,
          message:
            `Circuit ${circuit.id}'s provider status is ${issue.state} in Azure: until the connectivity provider provisions the circuit, it carries no traffic and its peerings cannot be used, so every route the design sends over it fails.` +
            " Give the provider the circuit's service key and wait for the status Provisioned.",
        });
      }
    }
  },
};
