/**
 * Where an enterprise policy must be created: its `location` is the Power Platform region of the
 * environments it serves, spelled as Microsoft's Virtual Network support page gives it.
 */
import { EnterprisePolicy, Topology } from '../model/model';
import { virtualNetworkRegion } from '../catalog/catalog';
import { environmentRegion } from './regions';
import { policyEnvironments } from './vnet';

/**
 * The policy's location when every linked environment is in one Power Platform region whose policy
 * location the catalog gives; `undefined` when no environment is linked, their regions differ or are
 * unknown, or no page gives the location.
 */
export function policyLocation(topology: Topology, policy: EnterprisePolicy): string | undefined {
  const locations = new Set<string | undefined>();
  for (const environment of policyEnvironments(topology, policy)) {
    const region = environmentRegion(environment);
    locations.add((region && virtualNetworkRegion(region)?.policyLocation) ?? undefined);
  }
  const [only] = locations;
  return locations.size === 1 ? only : undefined;
}
