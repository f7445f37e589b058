import { CIRCUIT_BANDWIDTHS_MBPS } from '../../catalog/catalog';
import { replaceValueFix } from './shared/edits';
import { bandwidthMbps } from '../../facts';
import { eachOf, Rule } from '../rule';

/** "500Mbps", "1Gbps". */
function formatBandwidth(mbps: number): string {
  return mbps >= 1000 ? `${mbps / 1000}Gbps` : `${mbps}Mbps`;
}

export const circuitBandwidth: Rule = {
  code: 'circuit-bandwidth',
  defaultSeverity: 'warning',
  title: 'A circuit is written with a bandwidth ExpressRoute does not offer.',
  source: 'faq',
  eachEntity: eachOf('circuits', (circuit, { report }) => {
    const mbps = bandwidthMbps(circuit);
    if (!circuit.bandwidth || mbps === undefined || CIRCUIT_BANDWIDTHS_MBPS.includes(mbps)) return;
    const next = CIRCUIT_BANDWIDTHS_MBPS.find((offer) => offer > mbps);
    report({
      at: circuit.bandwidth.node,
      message:
        `ExpressRoute circuits come in ${CIRCUIT_BANDWIDTHS_MBPS.slice(0, -2).map(formatBandwidth).join(', ')}, and 40 or 100 Gbps on ExpressRoute Direct; ${circuit.bandwidth.text} is none of them.` +
        (next ? ` Write the size the circuit was ordered with, such as ${formatBandwidth(next)}.` : ' Write the size the circuit was ordered with.'),
      data: next ? { replacement: formatBandwidth(next) } : undefined,
    });
  }),
  fixes: ({ diagnostic }) => {
    const replacement = (diagnostic.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [replaceValueFix(diagnostic, `Set bandwidth: ${replacement}`, replacement)] : [];
  },
};
