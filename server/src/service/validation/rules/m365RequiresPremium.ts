import { replaceNode } from './shared/edits';
import { resolvedEntries, skuOf } from '../../facts';
import { circuitOfData } from './shared/circuitFix';
import { eachOf, Rule } from '../rule';
import { listWords } from '../../text/words';

export const m365RequiresPremium: Rule = {
  code: 'm365-requires-premium',
  defaultSeverity: 'warning',
  title: 'A route filter allows Microsoft 365 communities on a circuit whose written SKU is standard or local; Microsoft 365 over ExpressRoute needs the Premium add-on.',
  source: 'faq',
  publicCloudOnly: true,
  eachEntity: eachOf('circuits', (circuit, { report }) => {
    const sku = skuOf(circuit);
    if (!circuit.sku || (sku !== 'standard' && sku !== 'local')) return; // premium, or not written: nothing to say
    const m365 = resolvedEntries(circuit.microsoftPeering?.routeFilter).flatMap(({ item, entry }) => (entry.kind === 'service' && entry.service.microsoft365 ? [{ item, name: entry.service.name }] : []));
    if (m365.length === 0) return;
    const [first, ...rest] = m365;
    report({
      at: first.item.node,
      message:
        `The route filter of circuit ${circuit.id} allows ${listWords(m365.map((m) => m.name))}, Microsoft 365 communities, but the circuit is ${sku}:` +
        ` connectivity to Microsoft 365 over ExpressRoute is a feature of the Premium add-on, so Microsoft does not accept these communities on this circuit.` +
        ` Make it a premium circuit (sku: premium)${sku === 'local' ? ', as a Local circuit cannot have the add-on,' : ''} or remove ${m365.length > 1 ? 'them' : 'it'} and let Microsoft 365 take the internet, as Microsoft recommends for most organisations.`,
      related: [
        { at: circuit.sku.node, message: `Circuit ${circuit.id} is ${sku}.` },
        ...rest.map((m) => ({ at: m.item.node, message: `${m.name} is also a Microsoft 365 community.` })),
      ],
      data: { circuitId: circuit.id },
    });
  }),
  fixes({ topology, document, diagnostic }) {
    const circuit = circuitOfData(topology, diagnostic.data);
    if (!circuit?.sku) return [];
    return [{ title: `Set sku: premium on circuit ${circuit.id}`, edits: [replaceNode(document, circuit.sku.node, 'premium')], isPreferred: true }];
  },
};
