import { circuitIssues } from '../../deployed/health';
import { communityName, communityValue } from '../../deployed/spelling';
import { allowedCommunities, deployedOf, deploymentOf } from '../../facts';
import { listWords } from '../../text/words';
import { Rule } from '../rule';

/** "West Europe (12076:51002)", "12076:59999" for a value the catalog does not name. */
function communityWords(value: string): string {
  const name = communityName(value);
  return name ? `${name} (${value})` : value;
}

export const driftRouteFilter: Rule = {
  code: 'drift-route-filter',
  defaultSeverity: 'error',
  title: "A community of the design's route filter that the deployed filter does not allow (error), or one the deployed filter allows that the design does not list (warning).",
  source: 'routefilter',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    const deployment = deploymentOf(topology, deployed);
    for (const circuit of topology.circuits.values()) {
      const resource = deployedOf(deployment, circuit);
      const routeFilter = circuit.microsoftPeering?.routeFilter;
      const filter = resource?.microsoftPeering?.routeFilter;
      // Without the deployed filter there is nothing to compare; a circuit not provisioned, or a filter
      // that allows nothing, is said by its own finding and not again here.
      if (!resource || !routeFilter || !filter || circuitIssues(resource).some((issue) => issue.code === 'circuit-not-provisioned' || issue.code === 'route-filter-no-allow')) continue;
      const allowed = allowedCommunities(filter);
      const designed = new Set<string>();
      const shown = allowed.length ? listWords(allowed.map(communityWords)) : 'nothing';
      for (const item of routeFilter.items) {
        const value = communityValue(item.text);
        if (value === undefined) continue;
        designed.add(value);
        if (allowed.includes(value)) continue;
        report({
          at: item.node,
          message:
            `Route filter ${filter.name} of circuit ${circuit.id} does not allow ${item.text}${item.text.trim() === value ? '' : ` (${value})`} in Azure; it allows ${shown}: ` +
            `Microsoft advertises no routes of that community over the circuit, so the design's routes over it hold on paper only. Add an Allow rule with ${value} to the filter, or remove the entry from the design.`,
        });
      }
      for (const value of allowed.filter((v) => !designed.has(v))) {
        report({
          at: routeFilter.key,
          message:
            `Route filter ${filter.name} of circuit ${circuit.id} allows ${communityWords(value)} in Azure, which the design's routeFilter does not list: ` +
            'Microsoft advertises that community\'s routes over the circuit, so traffic the design sends elsewhere may take it. Add it to the design, or remove it from the filter.',
          severity: 'warning',
        });
      }
    }
  },
};
