import { connectorRoutes } from '../../traffic';
import { Rule } from '../rule';

export const vnetPublicEndpoint: Rule = {
  code: 'vnet-public-endpoint',
  defaultSeverity: 'info',
  title: "A connector of a delegated environment calls a service outside Microsoft: its calls leave through your virtual network.",
  source: 'vnet-support',
  check({ topology, report }) {
    for (const { connector, cause, serviceName: name } of connectorRoutes(topology)) {
      if (cause.kind !== 'subnet-to-internet') continue;
      const { policy } = cause;
      report({
        at: connector.key,
        message:
          `Connector ${connector.id} runs its calls in the delegated subnet of enterprise policy ${policy.id}, so its calls to a service outside Microsoft (${name}) now leave through your virtual network and follow its rules:` +
          ` route tables, network security groups, a NAT gateway or a firewall. Microsoft's newest guidance lets such calls reach the internet by default;` +
          ` check that your own rules let them out (a NAT gateway on the subnet controls the address they leave from), or give the service a private endpoint.`,
      });
    }
  },
};
