/** Circuits: which give a site Microsoft peering, and the circuit a fix's diagnostic names. */
import { Circuit, circuitsAtSite, Topology } from '../model/model';

/** Circuits at a site that have a `microsoftPeering` section. */
export function microsoftPeeringCircuitsAtSite(topology: Topology, siteId: string): Circuit[] {
  return circuitsAtSite(topology, siteId).filter((c) => c.microsoftPeering !== undefined);
}

/** The circuit a fix's diagnostic names in its data. */
export function circuitOfData(topology: Topology, data: unknown): Circuit | undefined {
  const id = (data as { circuitId?: unknown } | undefined)?.circuitId;
  return typeof id === 'string' ? topology.circuits.get(id) : undefined;
}
