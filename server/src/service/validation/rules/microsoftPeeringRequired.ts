import { describeRegionCommunity } from '../../catalog/catalog';
import { addEntry, NewEntry } from './shared/edits';
import { eachOf, Rule } from '../rule';
import { neededInPublicCloud, servedEnvironments } from '../../facts';
import { circuitOfData, regionItem } from './shared/circuitFix';
import { listWords } from '../../text/words';

/** A documentation prefix the user replaces with the NAT pool they own. */
export const NAT_POOL_PLACEHOLDER = '203.0.113.0/29';

export const microsoftPeeringRequired: Rule = {
  code: 'microsoft-peering-required',
  defaultSeverity: 'error',
  title: 'A circuit serves environments but has no Microsoft peering, the only peering Power Platform traffic uses.',
  source: 'how',
  eachEntity: eachOf('circuits', (circuit, { topology, report }) => {
    const served = [...new Set(circuit.environments?.items.map((item) => item.text))];
    if (served.length === 0 || circuit.microsoftPeering) return;
    const needed = neededInPublicCloud(topology, circuit);
    const communities = needed.length
      ? listWords(needed.map((n) => describeRegionCommunity(n.region)))
      : 'the regional communities of the environments';
    const privateOnly = circuit.privatePeering
      ? ' Its private peering reaches Azure virtual networks only; Power Platform is not among them.'
      : '';
    report({
      at: circuit.key,
      message:
        `Circuit ${circuit.id} serves ${served.length > 1 ? 'environments' : 'environment'} ${listWords(served)} but has no microsoftPeering:` +
        ` Power Platform's traffic over ExpressRoute takes Microsoft peering, so without it none of ${served.length > 1 ? 'their' : 'its'} traffic takes this circuit.${privateOnly}` +
        ` Add microsoftPeering with the public prefixes (NAT pool) you advertise and a route filter allowing ${communities}.`,
      data: { circuitId: circuit.id },
    });
  }),
  fixes({ topology, document, diagnostic }) {
    const circuit = circuitOfData(topology, diagnostic.data);
    if (!circuit || circuit.microsoftPeering) return [];
    const entries: NewEntry[] = [
      { key: 'advertisedPrefixes', value: { list: [{ text: NAT_POOL_PLACEHOLDER, comment: 'your NAT pool' }] } },
    ];
    const needed = neededInPublicCloud(topology, circuit);
    if (needed.length) entries.push({ key: 'routeFilter', value: { list: needed.map((n) => regionItem(n.region, false)) } });
    const served = servedEnvironments(topology, circuit).map((e) => e.id);
    return [
      {
        title: `Add Microsoft peering to ${circuit.id}${served.length ? ` for ${listWords(served)}` : ''}`,
        edits: [addEntry(document, circuit, { key: 'microsoftPeering', value: { map: entries } })],
        isPreferred: true,
      },
    ];
  },
};
