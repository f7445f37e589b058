/** Circuits: which give a site Microsoft peering. */
import { Circuit, Topology } from '../model/model';
import { keyedIndex } from '../model/reads';

/** The circuits with a `microsoftPeering` section, by the site they name, in file order. */
const microsoftPeeringCircuitsBySite = keyedIndex((topology: Topology): ReadonlyMap<string, readonly Circuit[]> => {
  const bySite = new Map<string, Circuit[]>();
  for (const circuit of topology.circuits.values()) {
    const siteId = circuit.site?.text;
    if (siteId === undefined || !circuit.microsoftPeering) continue;
    const circuits = bySite.get(siteId);
    if (circuits) circuits.push(circuit);
    else bySite.set(siteId, [circuit]);
  }
  return bySite;
}, 'circuits');

/** Circuits at a site that have a `microsoftPeering` section. */
export function microsoftPeeringCircuitsAtSite(topology: Topology, siteId: string): readonly Circuit[] {
  return microsoftPeeringCircuitsBySite.lookup(topology, siteId);
}

/**
 * A circuit's written bandwidth in Mbps ("1Gbps", "500 Mbps", "10 Gbit/s"); `undefined` when it is not
 * written or not read as a bandwidth with its unit (a bare number could be Mbps or Gbps).
 */
export function bandwidthMbps(circuit: Circuit): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([mg])(?:bps|bit\/s|b\/s)?\s*$/i.exec(circuit.bandwidth?.text ?? '');
  if (!match) return undefined;
  const mbps = Number(match[1]) * (match[2].toLowerCase() === 'g' ? 1000 : 1);
  return Number.isFinite(mbps) ? mbps : undefined;
}
