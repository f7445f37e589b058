import { listNode } from './shared/edits';
import { eachOf, Rule } from '../rule';

/** Prefixes Microsoft accepts on one Microsoft-peering BGP session. */
export const MAX_ADVERTISED_PREFIXES = 200;

export const advertisedPrefixesLimit: Rule = {
  code: 'advertised-prefixes-limit',
  defaultSeverity: 'error',
  title: `More than ${MAX_ADVERTISED_PREFIXES} prefixes are advertised on one Microsoft peering session.`,
  source: 'routing',
  eachEntity: eachOf('circuits', (circuit, { report }) => {
    const written = circuit.microsoftPeering?.advertisedPrefixes;
    const count = listNode(written)?.items.length ?? 0;
    if (!written || count <= MAX_ADVERTISED_PREFIXES) return;
    report({
      at: written.key,
      message:
        `Circuit ${circuit.id} advertises ${count} prefixes over Microsoft peering; one Microsoft peering BGP session accepts at most ${MAX_ADVERTISED_PREFIXES}.` +
        ' Summarise them into fewer, larger prefixes: the NAT pool Power Platform traffic needs is rarely more than a few.',
    });
  }),
};
