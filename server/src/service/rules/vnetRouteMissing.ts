import { addEntry, appendListItems, listNode } from '../edits';
import { connectorPolicy, connectorTarget, connectorVnetSupport, policyVnets, privatePeeringLinks } from '../facts';
import { Rule } from '../rule';
import { listWords } from '../text/words';

export const vnetRouteMissing: Rule = {
  code: 'vnet-route-missing',
  defaultSeverity: 'error',
  title: "A connector goes through the virtual network to an on-premises source, but no circuit's private peering links the policy's virtual networks to a site.",
  source: 'vnet-support',
  check({ topology, report }) {
    const circuits = [...topology.circuits.values()].filter((c) => c.site && topology.sites.has(c.site.text)).map((c) => c.id);
    for (const connector of topology.connectors.values()) {
      if (connector.via?.text !== 'vnet' || connectorVnetSupport(connector) === 'unsupported' || connectorTarget(connector) !== 'on-premises') continue;
      const policy = connectorPolicy(topology, connector);
      if (!policy || privatePeeringLinks(topology, policy).length > 0) continue;
      const vnets = policyVnets(policy);
      if (vnets.length === 0) continue;
      report({
        at: connector.via.node,
        message:
          `Connector ${connector.id} is expected to reach its on-premises source through the delegated subnet (via: vnet), but no circuit's private peering links ${listWords(vnets, 'or')}, the virtual network${vnets.length > 1 ? 's' : ''} of enterprise policy ${policy.id}, to a site:` +
          ` from the delegated subnet, on-premises networks are reached only through your virtual network's own connection to them.` +
          ` List ${listWords(vnets)} under privatePeering.vnets of the circuit at the source's site.`,
        data: { vnets, circuits },
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
