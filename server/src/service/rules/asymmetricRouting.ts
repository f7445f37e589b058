import { Cidr, formatCidr, overlaps, parseCidr } from '../cidr';
import { Circuit, ListField, ListItem } from '../model';
import { Rule } from '../rule';
import { notRoutable } from './advertisedPrefixPrivate';

interface Prefix {
  item: ListItem;
  cidr: Cidr;
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

export const asymmetricRouting: Rule = {
  code: 'asymmetric-routing',
  defaultSeverity: 'warning',
  title: "An advertised prefix is also the site's internet egress, or is advertised by another circuit.",
  source: 'nat',
  reads: ['circuit', 'site'],
  check({ topology, report }) {
    const earlier: { circuit: Circuit; prefixes: Prefix[] }[] = [];
    for (const circuit of topology.circuits.values()) {
      const advertised = prefixesOf(circuit.microsoftPeering?.advertisedPrefixes);
      const site = circuit.site && topology.sites.get(circuit.site.text);
      const egress = prefixesOf(site?.internetEgress);
      for (const prefix of advertised) {
        const text = prefix.item.text.trim();
        const edge = egress.find((e) => overlaps(e.cidr, prefix.cidr));
        if (site && edge) {
          const shared = formatCidr(edge.cidr) === formatCidr(prefix.cidr) ? 'is also' : `overlaps ${edge.item.text.trim()},`;
          report({
            at: prefix.item.node,
            message:
              `${text}, advertised over Microsoft peering by circuit ${circuit.id}, ${shared} the internet egress of its site ${site.id}:` +
              ' Microsoft then reaches those addresses both ways, so answers to traffic that left through the internet edge can come back over ExpressRoute (or the reverse),' +
              ' and the firewall or NAT that did not see the request drops them. Use separate NAT pools for the internet edge and the ExpressRoute edge.',
            related: [{ at: edge.item.node, message: `The internet egress of site ${site.id}.` }],
          });
        }
        for (const other of earlier) {
          const match = other.prefixes.find((p) => overlaps(p.cidr, prefix.cidr));
          if (!match) continue;
          report({
            at: prefix.item.node,
            message:
              (formatCidr(match.cidr) === formatCidr(prefix.cidr)
                ? `${text} is advertised over Microsoft peering by both circuit ${other.circuit.id} and circuit ${circuit.id}:`
                : `${text}, advertised over Microsoft peering by circuit ${circuit.id}, overlaps ${match.item.text.trim()}, which circuit ${other.circuit.id} advertises:`) +
              ' Microsoft sends the answers for those addresses over the circuit it prefers, not necessarily the one the traffic came in on,' +
              ' and a firewall or NAT that saw only one direction drops them. Give each circuit its own NAT pool.',
            related: [{ at: match.item.node, message: `Advertised by circuit ${other.circuit.id}.` }],
          });
        }
      }
      earlier.push({ circuit, prefixes: advertised });
    }
  },
};
