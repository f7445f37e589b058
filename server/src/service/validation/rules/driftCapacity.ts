import { bandwidthText } from '../../deployed/spelling';
import { bandwidthMbps, deployedOf, deploymentOf } from '../../facts';
import { listWords } from '../../text/words';
import { Rule } from '../rule';

export const driftCapacity: Rule = {
  code: 'drift-capacity',
  defaultSeverity: 'warning',
  title: "A capacity of the design differs from what is deployed: a circuit's bandwidth, a gateway cluster's members.",
  source: 'er-circuit-modify',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    const deployment = deploymentOf(topology, deployed);
    for (const circuit of topology.circuits.values()) {
      const resource = deployedOf(deployment, circuit);
      const designed = bandwidthMbps(circuit);
      if (!resource || !circuit.bandwidth || designed === undefined || resource.bandwidthMbps === undefined || designed === resource.bandwidthMbps) continue;
      report({
        at: circuit.bandwidth.node,
        message:
          `Circuit ${circuit.id} has ${bandwidthText(resource.bandwidthMbps)} in Azure, but the design gives it ${circuit.bandwidth.text}: ` +
          `${resource.bandwidthMbps < designed ? 'the deployed circuit carries less than the design plans for' : 'the design plans for less than the deployed circuit carries'}, and the bandwidth sets how many virtual networks private peering may link. ` +
          'Change the design to the deployed bandwidth, or the circuit to the design\'s.',
      });
    }
    for (const gateway of topology.gateways.values()) {
      const resource = deployedOf(deployment, gateway);
      const members = gateway.members;
      if (!resource || !members) continue;
      const deployedMembers = new Set(resource.members.map((m) => m.toLowerCase()));
      const designed = new Set(members.items.map((m) => m.text.trim().toLowerCase()));
      const shown = resource.members.length ? listWords(resource.members) : 'none';
      for (const item of members.items) {
        if (deployedMembers.has(item.text.trim().toLowerCase())) continue;
        report({
          at: item.node,
          message: `Gateway ${gateway.id} has no member ${item.text} in Power Platform (its members are ${shown}): the cluster has fewer machines to fail over to than the design plans. Install and add the member, or remove it from the design.`,
        });
      }
      const extra = resource.members.filter((m) => !designed.has(m.toLowerCase()));
      if (extra.length) {
        report({
          at: members.key,
          message: `Gateway ${gateway.id} also has ${extra.length > 1 ? 'members' : 'member'} ${listWords(extra)} in Power Platform, which the design's members do not list: add ${extra.length > 1 ? 'them' : 'it'} to the design so that its sites and routes are checked.`,
        });
      }
    }
  },
};
