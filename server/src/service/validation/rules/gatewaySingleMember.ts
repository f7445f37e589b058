import { memberCountOf } from '../../model/model';
import { eachOf, Rule } from '../rule';
import { listWords } from '../../text/words';

export const gatewaySingleMember: Rule = {
  code: 'gateway-single-member',
  defaultSeverity: 'info',
  title: 'A gateway of one member has no high availability.',
  source: 'gw-ha',
  eachEntity: eachOf('gateways', (gateway, { topology, report }) => {
    if (memberCountOf(gateway) !== 1) return;
    const users = [...topology.connectors.values()].filter((c) => c.gateway?.text === gateway.id).map((c) => c.id);
    const written = gateway.members ? `one member (${gateway.members.items[0].text})` : 'one member (no members listed)';
    const impact = users.length
      ? `${users.length > 1 ? 'connectors' : 'connector'} ${listWords(users)} ${users.length > 1 ? 'lose' : 'loses'} ${users.length > 1 ? 'their' : 'its'} on-premises data`
      : 'every connection through it loses its on-premises data';
    report({
      at: gateway.members?.key ?? gateway.key,
      message:
        `Gateway ${gateway.id} has ${written}: while that machine is down or updating, ${impact}, because a gateway fails over only to another member of its cluster.` +
        ` Install a second gateway machine into the cluster and list both under members.`,
    });
  }),
};
