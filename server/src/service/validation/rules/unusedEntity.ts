import { Rule } from '../rule';

export const unusedEntity: Rule = {
  code: 'unused-entity',
  defaultSeverity: 'hint',
  title: 'A site, gateway, circuit or enterprise policy that nothing uses.',
  source: 'arch',
  unnecessary: true,
  check({ topology, report }) {
    const namedSites = new Set(
      [...topology.circuits.values(), ...topology.gateways.values(), ...topology.desktopFlows.values()].flatMap((e) => (e.site ? [e.site.text] : [])),
    );
    for (const site of topology.sites.values()) {
      if (namedSites.has(site.id)) continue;
      report({
        at: site.key,
        message:
          `Site ${site.id} is named by no circuit, gateway or desktop flow, so no route starts there and nothing about it is checked.` +
          ` Name it with site: ${site.id} where its circuits, gateways or desktop-flow machines are, or remove it.`,
      });
    }
    const namedGateways = new Set([...topology.connectors.values()].flatMap((c) => (c.gateway ? [c.gateway.text] : [])));
    for (const gateway of topology.gateways.values()) {
      if (namedGateways.has(gateway.id)) continue;
      report({
        at: gateway.key,
        message:
          `Gateway ${gateway.id} is used by no connector, so no on-premises data is reached through it.` +
          ` Name it with gateway: ${gateway.id} on the connectors that use it, or remove it.`,
      });
    }
    for (const circuit of topology.circuits.values()) {
      if (circuit.environments?.items.length) continue;
      report({
        at: circuit.key,
        message:
          `Circuit ${circuit.id} serves no environment (its environments list is ${circuit.environments ? 'empty' : 'missing'}), so no Power Platform traffic is checked on it.` +
          ` List the environments its users reach under environments, or remove it.`,
      });
    }
    const namedPolicies = new Set([...topology.environments.values()].flatMap((e) => (e.enterprisePolicy ? [e.enterprisePolicy.text] : [])));
    for (const policy of topology.enterprisePolicies.values()) {
      if (namedPolicies.has(policy.id)) continue;
      report({
        at: policy.key,
        message:
          `Enterprise policy ${policy.id} is named by no environment, so none of its subnets is delegated to an environment and nothing about it is checked against one.` +
          ` Name it with enterprisePolicy: ${policy.id} on the environments it serves, or remove it.`,
      });
    }
  },
};
