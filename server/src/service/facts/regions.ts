/** Regions: the Power Platform region an environment is in and the Azure datacenter regions it runs in. */
import { findAzureRegion, findPowerPlatformRegion, PowerPlatformRegion } from '../catalog';
import type { Environment } from '../model';

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
