import { CIRCUITS_PER_VNET, findPeeringLocation } from '../../catalog/catalog';
import { Circuit, ListItem } from '../../model/model';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

interface Link {
  circuit: Circuit;
  item: ListItem;
  /** The circuit's peering location id, when the catalog knows it. */
  location?: string;
}

/** Each virtual network's links over private peering, in file order, one per circuit. */
function linksByVnet(circuits: Iterable<Circuit>): Map<string, Link[]> {
  const byVnet = new Map<string, Link[]>();
  for (const circuit of circuits) {
    const location = circuit.peeringLocation && findPeeringLocation(circuit.peeringLocation.text)?.id;
    for (const item of circuit.privatePeering?.vnets?.items ?? []) {
      const key = item.text.trim().toLowerCase(); // Azure names virtual networks without regard to case
      const links = byVnet.get(key) ?? [];
      if (!links.some((l) => l.circuit === circuit)) links.push({ circuit, item, location });
      byVnet.set(key, links);
    }
  }
  return byVnet;
}

export const vnetCircuitLimit: Rule = {
  code: 'vnet-circuit-limit',
  defaultSeverity: 'error',
  title: 'A virtual network is linked by more circuits than it can be: 4 at one peering location, 16 in all.',
  source: 'faq',
  check({ topology, report }) {
    const { samePeeringLocation, differentPeeringLocations } = CIRCUITS_PER_VNET;
    for (const links of linksByVnet(topology.circuits.values()).values()) {
      const name = links[0].item.text.trim();
      const reported = new Set<Link>();
      const atLocation = new Map<string, Link[]>();
      for (const link of links) {
        if (!link.location) continue;
        const same = [...(atLocation.get(link.location) ?? []), link];
        atLocation.set(link.location, same);
        if (same.length !== samePeeringLocation + 1) continue;
        reported.add(link);
        report({
          at: link.item.node,
          message:
            `Virtual network ${name} is linked by ${same.length} circuits at ${link.circuit.peeringLocation!.text} (${listWords(same.map((l) => l.circuit.id))}), but at most ${samePeeringLocation} circuits of one peering location can link the same virtual network.` +
            ` Link it from a circuit at another peering location, or drop a link.`,
          related: same.slice(0, -1).map((l) => ({ at: l.item.node, message: `Circuit ${l.circuit.id} links ${name}.` })),
        });
      }
      const over = links[differentPeeringLocations];
      if (!over || reported.has(over)) continue;
      report({
        at: over.item.node,
        message:
          `Virtual network ${name} is linked by ${links.length} circuits, but no virtual network can be linked by more than ${differentPeeringLocations} (and only with an Ultra Performance or ErGw3Az gateway; 4 with a Standard one, 8 with High Performance).` +
          ` Drop the links beyond ${differentPeeringLocations}.`,
      });
    }
  },
};
