import { azureRegionById, azureRegions, findAzureRegion, findPowerPlatformRegion, powerPlatformRegions, powerPlatformRegionsContaining } from '../../catalog/catalog';
import { Entity, EnterprisePolicy, ScalarField } from '../../model/model';
import { Rule } from '../rule';
import { closest, didYouMean } from '../../text/suggest';
import { replaceWithSuggestion } from './shared/suggestionFix';
import { entityNoun, listWords } from '../../text/words';

/** Which kind of region each entity's `region` names. */
export function expectedRegionKind(entity: Entity): 'power-platform' | 'azure' {
  return entity.kind === 'environment' || entity.kind === 'circuit' ? 'power-platform' : 'azure';
}

function regionField(entity: Entity): ScalarField | undefined {
  return 'region' in entity ? entity.region : undefined;
}

/** The `region` of each subnet of an enterprise policy: an Azure region, named with the policy in messages. */
function subnetRegions(policy: EnterprisePolicy): { region: ScalarField; owner: string }[] {
  return (policy.subnets?.items ?? []).flatMap((s) =>
    s.region ? [{ region: s.region, owner: `the subnet${s.vnet ? ` in ${s.vnet.text}` : ''} of enterprise policy ${policy.id}` }] : [],
  );
}

export const unknownRegion: Rule = {
  code: 'unknown-region',
  defaultSeverity: 'error',
  title: 'A region value is not a region of the expected kind (Power Platform region or Azure region).',
  source: 'pa-regions',
  publicCloudOnly: true,
  eachEntity: {
    sections: ['environments', 'circuits', 'gateways', 'azureServices', 'enterprisePolicies'],
    check(entity, { report }) {
      const region = regionField(entity);
      const regions =
        entity.kind === 'enterprisePolicy'
          ? subnetRegions(entity).map((r) => ({ ...r, kind: 'azure' as const }))
          : region
            ? [{ region, owner: `${entityNoun(entity.kind)} ${entity.id}`, kind: expectedRegionKind(entity) }]
            : [];
      for (const { region, owner, kind } of regions) {
        if (kind === 'power-platform') {
          if (findPowerPlatformRegion(region.text)) continue;
          const azure = findAzureRegion(region.text);
          if (azure) {
            const geographies = powerPlatformRegionsContaining(azure.id);
            const suggestion = geographies[0]?.id;
            report({
              at: region.node,
              message:
                `"${region.text}" is an Azure region (${azure.displayName}), but the region of ${owner} is a Power Platform region: a geography whose scale groups run in a pair of Azure datacenter regions.` +
                (suggestion ? ` ${azure.displayName} belongs to ${geographies[0].displayName}: did you mean ${suggestion}?` : ' Write the Power Platform region the environment was created in.'),
              data: suggestion ? { replacement: suggestion } : undefined,
            });
            continue;
          }
          const suggestion = closest(region.text, powerPlatformRegions.map((r) => r.id));
          report({
            at: region.node,
            message: `"${region.text}" is not a Power Platform region, which the region of ${owner} must be.${didYouMean(suggestion, ` The Power Platform regions are ${powerPlatformRegions.map((r) => r.id).join(', ')}.`)}`,
            data: suggestion ? { replacement: suggestion } : undefined,
          });
        } else {
          if (findAzureRegion(region.text)) continue;
          const pp = findPowerPlatformRegion(region.text);
          if (pp) {
            const candidates = pp.datacenterRegions.map((id) => azureRegionById(id)?.id ?? id);
            report({
              at: region.node,
              message:
                `"${region.text}" is a Power Platform region (${pp.displayName}), but the region of ${owner} is one Azure datacenter region.` +
                ` Did you mean ${listWords(candidates, 'or')}, the datacenter regions of ${pp.displayName}?`,
              data: { replacement: candidates[0], alternatives: candidates.slice(1) },
            });
            continue;
          }
          const suggestion = closest(region.text, azureRegions.map((r) => r.id));
          report({
            at: region.node,
            message: `"${region.text}" is not an Azure region, which the region of ${owner} must be (an id such as westeurope or a name such as West Europe).${didYouMean(suggestion)}`,
            data: suggestion ? { replacement: suggestion } : undefined,
          });
        }
      }
    },
  },
  fixes: replaceWithSuggestion,
};
