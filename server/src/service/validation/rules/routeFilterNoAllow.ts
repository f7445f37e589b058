import { circuitIssues } from '../../deployed/health';
import { deployedOf, deploymentOf } from '../../facts';
import { Rule } from '../rule';

export const routeFilterNoAllow: Rule = {
  code: 'route-filter-no-allow',
  defaultSeverity: 'error',
  title: 'The deployed Microsoft peering has no route filter, or one with no Allow rule, so Microsoft advertises no routes over it.',
  source: 'routefilter',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    const deployment = deploymentOf(topology, deployed);
    for (const circuit of topology.circuits.values()) {
      const peering = circuit.microsoftPeering;
      const resource = deployedOf(deployment, circuit);
      if (!peering || !resource) continue;
      for (const issue of circuitIssues(resource)) {
        if (issue.code !== 'route-filter-no-allow') continue;
        const what = issue.reason === 'no-allow-rule' ? `route filter ${issue.filter} has no rule that allows a community` : 'no route filter is attached to it';
        report({
          at: (peering.routeFilter ?? peering).key,
          message:
            `Circuit ${circuit.id}'s Microsoft peering in Azure advertises nothing: ${what}, and Microsoft sends no routes over Microsoft peering until a filter allows some communities.` +
            " Attach a route filter with an Allow rule holding the design's communities.",
        });
      }
    }
  },
};
