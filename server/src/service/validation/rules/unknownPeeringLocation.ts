import { findPeeringLocation, peeringLocations } from '../../catalog/catalog';
import { eachOf, Rule } from '../rule';
import { closest, didYouMean } from '../../text/suggest';
import { replaceWithSuggestion } from './shared/suggestionFix';

export const unknownPeeringLocation: Rule = {
  code: 'unknown-peering-location',
  // Info, not an error: the location may be newer than the catalog; ppnet only says it cannot check it.
  defaultSeverity: 'info',
  title: 'A circuit names a peering location the catalog does not know, so ppnet cannot check which regions it reaches.',
  source: 'er-locations-providers',
  publicCloudOnly: true,
  eachEntity: eachOf('circuits', (circuit, { report }) => {
    const location = circuit.peeringLocation;
    if (!location || location.text.trim() === '' || findPeeringLocation(location.text)) return;
    const suggestion = closest(location.text, peeringLocations.map((p) => p.displayName));
    report({
      at: location.node,
      message:
        `ppnet does not know the ExpressRoute peering location "${location.text}", so it cannot check which Azure regions circuit ${circuit.id} reaches with its SKU` +
        ` (its region is checked against its environments instead).${didYouMean(suggestion, ` Write the location as Microsoft's ExpressRoute locations page names it, such as Amsterdam or Washington DC.`)}`,
      data: suggestion ? { replacement: suggestion } : undefined,
    });
  }),
  fixes: replaceWithSuggestion,
};
