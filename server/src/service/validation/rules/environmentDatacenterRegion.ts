import { azureRegions, findAzureRegion, findPowerPlatformRegion, geographyOf, geopoliticalRegionOf } from '../../catalog/catalog';
import { datacenterRegionFit, environmentRegion, homeGeopoliticalRegion, regionNames } from '../../facts';
import { eachOf, Rule } from '../rule';
import { closest, didYouMean } from '../../text/suggest';
import { replaceWithSuggestion } from './shared/suggestionFix';
import { listWords } from '../../text/words';

/**
 * An environment's `datacenterRegions` must be Azure regions of its own geography. Only a region on
 * another continent (another ExpressRoute geopolitical region) is surely wrong; a region of the same
 * geopolitical region that the catalog does not list for the geography is catalog-gap's (info).
 */
export const environmentDatacenterRegion: Rule = {
  code: 'environment-datacenter-region',
  defaultSeverity: 'error',
  title: "An environment's datacenterRegions names something that is not an Azure region of its Power Platform region's geography.",
  source: 'vnet-support',
  publicCloudOnly: true,
  eachEntity: eachOf('environments', (environment, { report }) => {
    const region = environmentRegion(environment);
    if (!region || !environment.datacenterRegions) return; // unknown-region speaks of the region
    const geography = geographyOf(region);
    const pair = listWords(regionNames(region.datacenterRegions));
    const written = new Set(environment.datacenterRegions.items.map((item) => findAzureRegion(item.text)?.id));
    // Suggest the datacenter regions the list does not name yet, so that a fix adds no duplicate.
    const unnamed = region.datacenterRegions.filter((id) => !written.has(id));
    for (const item of environment.datacenterRegions.items) {
      const azure = findAzureRegion(item.text);
      if (!azure) {
        const pp = findPowerPlatformRegion(item.text);
        const suggestion = pp ? unnamed[0] : closest(item.text, [...geography, ...azureRegions.map((r) => r.id)]);
        report({
          at: item.node,
          message:
            `"${item.text}" is ${pp ? `a Power Platform region (${pp.displayName})` : 'not an Azure region'}, but datacenterRegions lists the Azure datacenter regions environment ${environment.id} runs in,` +
            ` such as ${listWords(region.datacenterRegions, 'or')} for ${region.displayName}.${didYouMean(suggestion)}`,
          data: { replacement: suggestion },
        });
        continue;
      }
      if (datacenterRegionFit(region, azure.id) !== 'elsewhere') continue; // unconfirmed: catalog-gap says so
      report({
        at: item.node,
        message:
          `Environment ${environment.id} is in ${region.displayName}, whose datacenters are in the ${homeGeopoliticalRegion(region)} geopolitical region, but ${azure.displayName} is in ${geopoliticalRegionOf(azure.id)}:` +
          ` an environment runs and keeps its data in its own region's geography, so its scale groups are never there. Write the datacenter regions of ${region.displayName} (${pair}), or correct the environment's region.`,
        related: environment.region ? [{ at: environment.region.node, message: `Environment ${environment.id} is in ${region.displayName}.` }] : [],
        data: { replacement: unnamed[0], alternatives: unnamed.slice(1) },
      });
    }
  }),
  fixes: replaceWithSuggestion,
};
