import { MAX_VNET_LINKS, MIN_PREMIUM_VNET_LINKS, vnetLinkLimit } from '../../catalog/catalog';
import { ListItem } from '../../model/model';
import { replaceNode } from './shared/edits';
import { bandwidthMbps, skuOf } from '../../facts';
import { circuitOfData } from './shared/circuitFix';
import { eachOf, Rule } from '../rule';

/** The items of a list, each virtual network once (Azure names them without regard to case). */
function distinct(items: readonly ListItem[]): ListItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.text.trim().toLowerCase();
    return !seen.has(key) && (seen.add(key), true);
  });
}

export const privatePeeringVnetLimit: Rule = {
  code: 'private-peering-vnet-limit',
  defaultSeverity: 'error',
  title: "A circuit's private peering links more virtual networks than its SKU and bandwidth allow (10 on Standard and Local, 20 to 100 on Premium).",
  source: 'faq',
  eachEntity: eachOf('circuits', (circuit, { report }) => {
    const vnets = distinct(circuit.privatePeering?.vnets?.items ?? []);
    const sku = skuOf(circuit);
    const mbps = bandwidthMbps(circuit);
    const known = sku ? vnetLinkLimit(sku, mbps) : undefined;
    // The limit ppnet is sure of: the SKU's (and bandwidth's), else the most any circuit may link.
    const limit = known ?? MAX_VNET_LINKS;
    const n = vnets.length;
    const head = `Circuit ${circuit.id} links ${n} virtual networks over private peering`;
    const hub = ' Networks peered to a hub need no link of their own: link the hub and name it with hub: on their delegated subnets.';
    if (n > limit) {
      const premium = vnetLinkLimit('premium', mbps);
      const fits = sku === 'standard' && circuit.sku && premium !== undefined && n <= premium;
      report({
        at: vnets[limit].node,
        message:
          `${head}, but ${known !== undefined ? `a ${sku} circuit${sku === 'premium' ? ` of ${circuit.bandwidth!.text}` : ''} can link at most ${limit}` : `no circuit can link more than ${limit} (Premium at 10 Gbps or more)`}:` +
          ` each link beyond that is refused (Global Reach connections count against the same limit).` +
          (fits ? ` A premium circuit of ${circuit.bandwidth!.text} links up to ${premium} (sku: premium).` : ` Link the others through another circuit${sku !== 'premium' ? ', or use a premium circuit (20 to 100 links by bandwidth)' : ''}.`) +
          hub,
        related: circuit.sku ? [{ at: circuit.sku.node, message: `Circuit ${circuit.id} is ${circuit.sku.text}.` }] : [],
        data: fits ? { circuitId: circuit.id } : undefined,
      });
    } else if (known === undefined && n > (sku === 'premium' ? MIN_PREMIUM_VNET_LINKS : 10)) {
      report({
        at: circuit.privatePeering!.vnets!.key,
        message:
          `${head}: ${sku === 'premium' ? `a premium circuit links ${MIN_PREMIUM_VNET_LINKS} to ${MAX_VNET_LINKS} by bandwidth, and ppnet cannot read this circuit's bandwidth` : `Standard and Local circuits link at most 10, Premium ones ${MIN_PREMIUM_VNET_LINKS} to ${MAX_VNET_LINKS} by bandwidth, and the circuit's sku is not written`},` +
          ` so ppnet cannot check the limit. Write ${sku === 'premium' ? 'bandwidth (such as 1Gbps)' : 'sku (and bandwidth, such as 1Gbps)'} on the circuit.`,
        severity: 'info',
      });
    }
  }),
  fixes({ topology, document, diagnostic }) {
    const circuit = circuitOfData(topology, diagnostic.data);
    if (!circuit?.sku) return [];
    return [{ title: `Set sku: premium on circuit ${circuit.id}`, edits: [replaceNode(document, circuit.sku.node, 'premium')], isPreferred: true }];
  },
};
