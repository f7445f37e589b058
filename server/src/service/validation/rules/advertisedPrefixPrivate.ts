import { parseCidr } from '../../syntax/cidr';
import { notRoutable } from '../../facts';
import { listItemAt, listNode, removeListItem } from './shared/edits';
import { eachOf, Rule } from '../rule';
import { circuitOfData } from './shared/circuitFix';

export const advertisedPrefixPrivate: Rule = {
  code: 'advertised-prefix-private',
  defaultSeverity: 'error',
  title: 'An advertised prefix is private or not routable on the internet (or a default route).',
  source: 'routing',
  eachEntity: eachOf('circuits', (circuit, { report }) => {
    for (const item of circuit.microsoftPeering?.advertisedPrefixes?.items ?? []) {
      const text = item.text.trim();
      const parsed = parseCidr(text);
      const reason = parsed.ok && notRoutable(parsed.cidr);
      if (!reason) continue;
      report({
        at: item.node,
        message:
          `Circuit ${circuit.id} advertises ${text} over Microsoft peering, but this prefix ${reason}: Microsoft peering accepts only public prefixes you own` +
          (parsed.ok && parsed.cidr.length === 0
            ? ', never a default route.'
            : ', so addresses like these must be translated (NAT) to such a prefix before they reach Microsoft.') +
          ' Remove it and advertise your NAT pool instead.',
        data: { circuitId: circuit.id },
      });
    }
  }),
  fixes({ topology, document, diagnostic }) {
    const list = listNode(circuitOfData(topology, diagnostic.data)?.microsoftPeering?.advertisedPrefixes);
    const edit = list && removeListItem(document, list, listItemAt(list, document.offsetAt(diagnostic.range.start)));
    return edit ? [{ title: `Remove ${document.getText(diagnostic.range)} from the advertised prefixes`, edits: [edit], isPreferred: true }] : [];
  },
};
