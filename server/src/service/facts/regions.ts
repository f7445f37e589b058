/** Regions: the Power Platform region an environment is in and the Azure datacenter regions it runs in. */
import { azureRegionById, findAzureRegion, findPowerPlatformRegion, geographyOf, geopoliticalRegionOf, knownDatacenterRegions, PowerPlatformRegion } from '../catalog/catalog';
import type { Environment } from '../model/model';

/** The catalog's Power Platform region of an environment, when its `region` names one. */
export function environmentRegion(environment: Environment): PowerPlatformRegion | undefined {
  return environment.region ? findPowerPlatformRegion(environment.region.text) : undefined;
}

/**
 * The Azure datacenter regions an environment's scale groups run in: the ones its `datacenterRegions`
 * names (known Azure regions only), else the pair the catalog gives for its region; empty when neither is known.
 */
export function datacenterRegionsOf(environment: Environment): readonly string[] {
  const written = environment.datacenterRegions?.items
    .map((item) => findAzureRegion(item.text)?.id)
    .filter((id): id is string => id !== undefined);
  if (written && written.length > 0) return [...new Set(written)];
  return environmentRegion(environment)?.datacenterRegions ?? [];
}

/**
 * Where an Azure region an environment names as a datacenter region stands against its Power Platform
 * region: `known` (a pair Microsoft's pages or tools give), `elsewhere` (another ExpressRoute geopolitical region,
 * outside the region's geography: surely not one of its datacenters), else `unconfirmed` (the region may
 * have more pairs than the pages give, so ppnet cannot tell).
 */
export type DatacenterRegionFit = 'known' | 'unconfirmed' | 'elsewhere';

export function datacenterRegionFit(region: PowerPlatformRegion, azureRegionId: string): DatacenterRegionFit {
  if (knownDatacenterRegions(region).includes(azureRegionId)) return 'known';
  if (geographyOf(region).includes(azureRegionId)) return 'unconfirmed';
  const home = homeGeopoliticalRegion(region);
  const there = geopoliticalRegionOf(azureRegionId);
  return home && there && home !== there ? 'elsewhere' : 'unconfirmed';
}

/** The ExpressRoute geopolitical region of a Power Platform region's datacenters, when the pages state it. */
export function homeGeopoliticalRegion(region: PowerPlatformRegion): string | undefined {
  return geopoliticalRegionOf(region.datacenterRegions[0]);
}

/** An Azure region's display name, or its id when the catalog does not know it. */
export function regionName(azureRegionId: string): string {
  return azureRegionById(azureRegionId)?.displayName ?? azureRegionId;
}

/** The display names of Azure regions, in their order (ids the catalog does not know as written). */
export function regionNames(azureRegionIds: readonly string[]): string[] {
  return azureRegionIds.map(regionName);
}

/** Whether an environment is on the early release cycle: `releaseCycle: early`, or an early-release region (Preview (United States)). */
export function isEarlyRelease(environment: Environment): boolean {
  return environment.releaseCycle?.text === 'early' || environmentRegion(environment)?.firstReleaseOf !== undefined;
}
