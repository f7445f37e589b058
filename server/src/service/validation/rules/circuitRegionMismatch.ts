import { findPowerPlatformRegion, mainRegionOf } from '../../catalog/catalog';
import { environmentRegion, reachBasis } from '../../facts';
import { eachOf, Rule } from '../rule';

export const circuitRegionMismatch: Rule = {
  code: 'circuit-region-mismatch',
  defaultSeverity: 'error',
  title: "A circuit without a known peering location and SKU has a region that differs from the region of an environment it serves.",
  source: 'arch',
  publicCloudOnly: true,
  eachEntity: eachOf('circuits', (circuit, { topology, report }) => {
    const circuitRegion = circuit.region && findPowerPlatformRegion(circuit.region.text);
    if (!circuit.region || !circuitRegion) return;
    // Where the peering location and SKU are known, they decide what the circuit reaches (circuit-sku-reach).
    if (reachBasis(circuit)) return;
    for (const item of circuit.environments?.items ?? []) {
      const environment = topology.environments.get(item.text);
      const region = environment && environmentRegion(environment);
      if (!environment?.region || !region) continue;
      // An early-release region runs in the datacenters of its main region.
      if (mainRegionOf(region) === mainRegionOf(circuitRegion)) continue;
      report({
        at: circuit.region.node,
        message:
          `Circuit ${circuit.id} is set to region ${circuitRegion.id} (${circuitRegion.displayName}), but it serves environment ${environment.id} in region ${region.id} (${region.displayName}).` +
          ` The region selected for a circuit must be the region of the environments it serves. Set region: ${region.id}, or serve ${environment.id} from a circuit in ${region.displayName}` +
          `, or write the circuit's peeringLocation and sku so that ppnet can check what it reaches.`,
        related: [{ at: environment.region.node, message: `Environment ${environment.id} is in ${region.displayName}.` }],
        data: { replacement: region.id },
      });
    }
  }),
};
