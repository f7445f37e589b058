/** Whether a prefix can be advertised over Microsoft peering: the internet must route it. */
import { Cidr, containsCidr, overlaps, parseCidr } from '../syntax/cidr';

/**
 * Prefixes Microsoft peering does not accept because the internet does not route them. Documentation
 * prefixes (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) are left out on purpose,
 * so that examples can use them.
 */
const NOT_ROUTABLE: readonly { prefix: Cidr; text: string; kind: string }[] = [
  ['10.0.0.0/8', 'a private range (RFC 1918)'],
  ['172.16.0.0/12', 'a private range (RFC 1918)'],
  ['192.168.0.0/16', 'a private range (RFC 1918)'],
  ['100.64.0.0/10', 'the shared address space of carrier-grade NAT (RFC 6598)'],
  ['127.0.0.0/8', 'the loopback range'],
  ['169.254.0.0/16', 'the link-local range'],
  ['198.18.0.0/15', 'the range reserved for network benchmarks (RFC 2544)'],
  ['224.0.0.0/4', 'the multicast range'],
  ['240.0.0.0/4', 'the reserved range 240.0.0.0/4'],
  ['fc00::/7', 'the IPv6 unique local (private) range'],
  ['fe80::/10', 'the IPv6 link-local range'],
  ['::1/128', 'the IPv6 loopback address'],
].map(([text, kind]) => ({ prefix: (parseCidr(text) as { cidr: Cidr }).cidr, text, kind }));

/** Why a prefix is not routable on the internet ("is a default route"), or `undefined` when it is. */
export function notRoutable(cidr: Cidr): string | undefined {
  if (cidr.length === 0) return 'is a default route';
  const range = NOT_ROUTABLE.find((r) => overlaps(r.prefix, cidr));
  if (!range) return undefined;
  return containsCidr(range.prefix, cidr) ? `lies in ${range.kind}` : `covers ${range.text}, ${range.kind}`;
}
