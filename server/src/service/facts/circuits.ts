/** Circuits: which give a site Microsoft peering. */
import { Circuit, circuitsAtSite, Topology } from '../model/model';

/** Circuits at a site that have a `microsoftPeering` section. */
export function microsoftPeeringCircuitsAtSite(topology: Topology, siteId: string): Circuit[] {
  return circuitsAtSite(topology, siteId).filter((c) => c.microsoftPeering !== undefined);
}

