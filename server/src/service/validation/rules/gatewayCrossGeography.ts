import { geographyOf } from '../../catalog/catalog';
import { regionNames, gatewayUses } from '../../facts';
import { connectorsUsing, gatewayUseFinding, regionFixes } from './shared/gatewayUse';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

export const gatewayCrossGeography: Rule = {
  code: 'gateway-cross-geography',
  defaultSeverity: 'error',
  title: "A gateway is outside the geography of an environment whose connectors use it.",
  source: 'pa-regions',
  publicCloudOnly: true,
  check({ topology, report }) {
    for (const use of gatewayUses(topology)) {
      if (use.fit !== 'outside') continue;
      const datacenters = listWords(regionNames(use.region.datacenterRegions), 'or');
      report(
        gatewayUseFinding(
          use,
          `Gateway ${use.gateway.id} connects to ${use.azure.displayName}, outside the ${use.region.displayName} geography of environment ${use.environment.id}, and ${connectorsUsing(use)}:` +
            ` a gateway serves environments of its own geography only (${listWords(regionNames(geographyOf(use.region)))}), and connections across a geographic boundary are not supported.` +
            ` Install the gateway in the datacenter region of ${use.region.displayName} nearest its site, ${datacenters} (region: ${use.region.datacenterRegions[0]}), or use a gateway of that geography.`,
        ),
      );
    }
  },
  fixes: regionFixes,
};
