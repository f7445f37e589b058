import { Rule } from '../rule';
import { listWords } from '../../text/words';
import { regionNames, gatewayUses } from '../../facts';
import { connectorsUsing, gatewayUseFinding, regionFixes } from './shared/gatewayUse';

export const gatewayRegion: Rule = {
  code: 'gateway-region',
  defaultSeverity: 'warning',
  title: "A gateway is in a datacenter region of an environment's geography that Power Automate does not list among the geography's gateway regions.",
  source: 'pa-regions',
  publicCloudOnly: true,
  check({ topology, report }) {
    for (const use of gatewayUses(topology)) {
      // A gateway in any region Power Automate lists for the geography is fine: the gateway docs say to
      // pick the region closest to the gateway. Only a datacenter region the list leaves out is reported.
      if (use.fit !== 'datacenter-unlisted') continue;
      const listed = use.region.gatewayRegions ?? [];
      report({
        ...gatewayUseFinding(
          use,
          `Gateway ${use.gateway.id} connects to ${use.azure.displayName}, a datacenter region of the ${use.region.displayName} geography of environment ${use.environment.id} (${connectorsUsing(use)}), but Power Automate's list of gateway regions for ${use.region.displayName} names only ${listWords(regionNames(listed))}:` +
            ` the gateway may not be offered in ${use.azure.displayName}. Register it in the listed region nearest its site, ${listWords(regionNames(listed), 'or')} (region: ${listed[0]}).`,
        ),
        data: { replacements: listed },
      });
    }
  },
  fixes: regionFixes,
};
