import { Rule } from '../rule';
import { listWords } from '../text/words';
import { connectorsUsing, displayNames, gatewayUseFinding, gatewayUses, regionFixes } from '../facts';

export const gatewayRegion: Rule = {
  code: 'gateway-region',
  defaultSeverity: 'warning',
  title: "A gateway is in an environment's geography but not in one of its datacenter regions.",
  source: 'gw-region',
  publicCloudOnly: true,
  check({ topology, report }) {
    for (const use of gatewayUses(topology)) {
      if (use.fit !== 'geography') continue;
      const datacenters = displayNames(use.region.datacenterRegions);
      report(
        gatewayUseFinding(
          use,
          `Gateway ${use.gateway.id} connects to ${use.azure.displayName}, which is in the ${use.region.displayName} geography of environment ${use.environment.id} (${connectorsUsing(use)}) but is not one of its datacenter regions, ${listWords(datacenters)}:` +
            ` every request between the environment and the gateway then crosses from one Azure region to another, which adds latency.` +
            ` Connect the gateway to the datacenter region nearest its site, ${listWords(datacenters, 'or')} (region: ${use.region.datacenterRegions[0]}).`,
        ),
      );
    }
  },
  fixes: regionFixes,
};
