/** Circuits: which give a site Microsoft peering. */
import { Circuit, circuitsAtSite, Topology } from '../model/model';

/** Circuits at a site that have a `microsoftPeering` section. */
export function microsoftPeeringCircuitsAtSite(topology: Topology, siteId: string): Circuit[] {
  return circuitsAtSite(topology, siteId).filter((c) => c.microsoftPeering !== undefined);
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
