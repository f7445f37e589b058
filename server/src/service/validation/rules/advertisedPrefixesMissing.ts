import { listNode } from './shared/edits';
import { eachOf, Rule } from '../rule';

export const advertisedPrefixesMissing: Rule = {
  code: 'advertised-prefixes-missing',
  defaultSeverity: 'error',
  title: 'Microsoft peering advertises no public prefixes (no NAT pool).',
  source: 'nat',
  eachEntity: eachOf('circuits', (circuit, { report }) => {
    const peering = circuit.microsoftPeering;
    if (!peering) return;
    const written = peering.advertisedPrefixes;
    if (written && (listNode(written)?.items.length ?? written.items.length) > 0) return; // private entries: advertised-prefix-private
    report({
      at: peering.key,
      message:
        (written
          ? `The advertisedPrefixes of circuit ${circuit.id}'s Microsoft peering is empty`
          : `Microsoft peering of circuit ${circuit.id} has no advertisedPrefixes`) +
        ': traffic enters Microsoft peering from public addresses you own (your NAT pool), and Microsoft routes the answers back only to the prefixes you advertise,' +
        ' so without any the session carries no Power Platform traffic. Add advertisedPrefixes with the public prefixes your ExpressRoute edge translates to.',
    });
  }),
};
