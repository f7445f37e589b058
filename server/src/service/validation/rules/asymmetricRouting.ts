import { Cidr, formatCidr, overlappingPairs, overlaps, parseCidr } from '../../syntax/cidr';
import { Circuit, ListField, ListItem } from '../../model/model';
import { Rule } from '../rule';
import { notRoutable } from '../../facts';

interface Prefix {
  item: ListItem;
  cidr: Cidr;
}

interface Advertised extends Prefix {
  circuit: Circuit;
  /** Document order of the entry, so that the later of two is the one reported. */
  order: number;
}

/** The valid entries of a prefix list; invalid and non-routable ones have their own rules. */
function prefixesOf(list: ListField | undefined): Prefix[] {
  const prefixes: Prefix[] = [];
  for (const item of list?.items ?? []) {
    const parsed = parseCidr(item.text);
    if (parsed.ok && !notRoutable(parsed.cidr)) prefixes.push({ item, cidr: parsed.cidr });
  }
  return prefixes;
}

const WHY =
  ' Microsoft sends the answers for those addresses over the circuit it prefers, not necessarily the one the traffic came in on,' +
  ' and a firewall or NAT that saw only one direction drops them. Give each circuit its own NAT pool.';

export const asymmetricRouting: Rule = {
  code: 'asymmetric-routing',
  defaultSeverity: 'warning',
  title: "An advertised prefix is also the site's internet egress, or is advertised by another circuit.",
  source: 'nat',
  check({ topology, report }) {
    const all: Advertised[] = [];
    for (const circuit of topology.circuits.values()) {
      const advertised = prefixesOf(circuit.microsoftPeering?.advertisedPrefixes);
      for (const prefix of advertised) all.push({ ...prefix, circuit, order: all.length });
      const site = circuit.site && topology.sites.get(circuit.site.text);
      const egress = prefixesOf(site?.internetEgress);
      for (const prefix of advertised) {
        const edge = egress.find((e) => overlaps(e.cidr, prefix.cidr));
        if (!site || !edge) continue;
        const shared = formatCidr(edge.cidr) === formatCidr(prefix.cidr) ? 'is also' : `overlaps ${edge.item.text.trim()},`;
        report({
          at: prefix.item.node,
          message:
            `${prefix.item.text.trim()}, advertised over Microsoft peering by circuit ${circuit.id}, ${shared} the internet egress of its site ${site.id}:` +
            ' Microsoft then reaches those addresses both ways, so answers to traffic that left through the internet edge can come back over ExpressRoute (or the reverse),' +
            ' and the firewall or NAT that did not see the request drops them. Use separate NAT pools for the internet edge and the ExpressRoute edge.',
          related: [{ at: edge.item.node, message: `The internet egress of site ${site.id}.` }],
        });
      }
    }
    // For each later entry, the first entry of each earlier circuit it overlaps.
    const matches = new Map<Advertised, Map<Circuit, Advertised>>();
    for (const [a, b] of overlappingPairs(all)) {
      if (a.circuit === b.circuit) continue;
      const [first, later] = a.order < b.order ? [a, b] : [b, a];
      const byCircuit = matches.get(later) ?? new Map<Circuit, Advertised>();
      matches.set(later, byCircuit);
      const known = byCircuit.get(first.circuit);
      if (!known || first.order < known.order) byCircuit.set(first.circuit, first);
    }
    for (const later of all) {
      for (const match of [...(matches.get(later)?.values() ?? [])].sort((x, y) => x.order - y.order)) {
        const text = later.item.text.trim();
        report({
          at: later.item.node,
          message:
            (formatCidr(match.cidr) === formatCidr(later.cidr)
              ? `${text} is advertised over Microsoft peering by both circuit ${match.circuit.id} and circuit ${later.circuit.id}:`
              : `${text}, advertised over Microsoft peering by circuit ${later.circuit.id}, overlaps ${match.item.text.trim()}, which circuit ${match.circuit.id} advertises:`) + WHY,
          related: [{ at: match.item.node, message: `Advertised by circuit ${match.circuit.id}.` }],
        });
      }
    }
  },
};
