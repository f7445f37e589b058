import { addEntry, appendListItems, listNode } from './shared/edits';
import { policyHubs, policyLinkTargets, policyVnets } from '../../facts';
import { connectorRoutes } from '../../traffic';
import { Rule } from '../rule';
import { listWords } from '../../text/words';

export const vnetRouteMissing: Rule = {
  code: 'vnet-route-missing',
  defaultSeverity: 'error',
  title: "A connector goes through the virtual network to an on-premises source, but no circuit's private peering links the policy's virtual networks to a site.",
  source: 'vnet-support',
  check({ topology, report }) {
    const circuits = [...topology.circuits.values()].filter((c) => c.site && topology.sites.has(c.site.text)).map((c) => c.id);
    for (const { connector, unlinkedSubnet: policy } of connectorRoutes(topology)) {
      if (!policy || !connector.via) continue;
      const vnets = policyVnets(policy);
      const hubs = policyHubs(policy);
      const targets = policyLinkTargets(policy);
      report({
        at: connector.via.node,
        message:
          `Connector ${connector.id} is expected to reach its on-premises source through the delegated subnet (via: vnet), but no circuit's private peering links ${listWords(vnets, 'or')}, the virtual network${vnets.length > 1 ? 's' : ''} of enterprise policy ${policy.id}` +
          `${hubs.length ? `, or the hub ${listWords(hubs, 'or')} they are peered to,` : ','} to a site:` +
          ` from the delegated subnet, on-premises networks are reached only through your virtual network's own connection to them.` +
          ` List ${listWords(targets)} under privatePeering.vnets of the circuit at the source's site` +
          `${hubs.length ? '' : ` (where ${vnets.length > 1 ? 'they are' : 'it is'} peered to a hub the circuit links, name the hub with hub: on the subnet instead)`},` +
          ` or name a data gateway and drop via: vnet.`,
        data: { vnets: targets, circuits },
      });
    }
  },
  fixes({ topology, document, diagnostic }) {
    const { vnets, circuits } = diagnostic.data as { vnets: string[]; circuits: string[] };
    return circuits.flatMap((id, index) => {
      const circuit = topology.circuits.get(id);
      if (!circuit) return [];
      const items = vnets.map((text) => ({ text }));
      const list = listNode(circuit.privatePeering?.vnets);
      const edit = list
        ? appendListItems(document, list, items)
        : circuit.privatePeering?.map
          ? addEntry(document, { key: circuit.privatePeering.key, map: circuit.privatePeering.map }, { key: 'vnets', value: { list: items } })
          : circuit.privatePeering
            ? undefined
            : addEntry(document, circuit, { key: 'privatePeering', value: { map: [{ key: 'vnets', value: { list: items } }] } });
      return edit ? [{ title: `Add ${listWords(vnets)} to the private peering of circuit ${id}`, edits: [edit], isPreferred: index === 0 && circuits.length === 1 }] : [];
    });
  },
};
