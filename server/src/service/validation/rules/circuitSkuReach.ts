import { replaceNode } from './shared/edits';
import { outOfReach, skuReaching, regionNames } from '../../facts';
import { circuitOfData } from './shared/circuitFix';
import { eachOf, Rule } from '../rule';
import { listWords } from '../../text/words';

const SKU_SCOPE = {
  local: 'reaches only the local Azure regions of its peering location',
  standard: "reaches only the Azure regions of its peering location's geopolitical region",
  premium: 'reaches every Azure region',
};

export const circuitSkuReach: Rule = {
  code: 'circuit-sku-reach',
  defaultSeverity: 'error',
  title: 'An environment a circuit serves runs in a datacenter region the circuit cannot reach from its peering location with its SKU.',
  source: 'faq',
  publicCloudOnly: true,
  eachEntity: eachOf('circuits', (circuit, { topology, report }) => {
    for (const { environment, item, regions, basis } of outOfReach(topology, circuit)) {
      const { location, sku } = basis;
      const names = regionNames(regions);
      const needed = skuReaching(location, regions);
      const where =
        sku === 'local'
          ? location.localAzureRegions.length > 0
            ? `${location.displayName}'s local ${location.localAzureRegions.length > 1 ? 'regions are' : 'region is'} ${listWords(regionNames(location.localAzureRegions))}`
            : `ExpressRoute Local is not offered at ${location.displayName}`
          : `${location.displayName} is in the ${location.geopoliticalRegion} geopolitical region`;
      report({
        at: item.node,
        message:
          `Circuit ${circuit.id} is a ${sku} circuit at ${location.displayName}, which ${SKU_SCOPE[sku]} (${where}), but environment ${environment.id} runs in ${listWords(names)}:` +
          ` Microsoft never advertises ${names.length > 1 ? 'those regions' : 'that region'} on this circuit, whatever its route filter allows.` +
          ` A ${needed} circuit at ${location.displayName} reaches ${names.length > 1 ? 'them' : 'it'} (sku: ${needed}), or serve ${environment.id} from another circuit.`,
        related: circuit.sku ? [{ at: circuit.sku.node, message: `Circuit ${circuit.id} is ${sku}.` }] : [],
        data: { sku: needed, circuitId: circuit.id },
      });
    }
  }),
  fixes({ topology, document, diagnostic }) {
    const circuit = circuitOfData(topology, diagnostic.data);
    const sku = (diagnostic.data as { sku?: string } | undefined)?.sku;
    if (!circuit?.sku || !sku) return [];
    return [{ title: `Set sku: ${sku} on circuit ${circuit.id}`, edits: [replaceNode(document, circuit.sku.node, sku)], isPreferred: true }];
  },
};
