/** Regions: the Power Platform region an environment is in and the Azure datacenter regions it runs in. */
import { findPowerPlatformRegion, PowerPlatformRegion } from '../catalog';
import type { Environment } from '../model';

/** The catalog's Power Platform region of an environment, when its `region` names one. */
export function environmentRegion(environment: Environment): PowerPlatformRegion | undefined {
  return environment.region ? findPowerPlatformRegion(environment.region.text) : undefined;
}

/** The Azure datacenter regions an environment's scale groups run in (empty when its region is unknown). */
export function datacenterRegionsOf(environment: Environment): readonly string[] {
  return environmentRegion(environment)?.datacenterRegions ?? [];
}
