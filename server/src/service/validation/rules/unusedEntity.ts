import { entitiesNaming } from '../../model/model';
import { Rule } from '../rule';

export const unusedEntity: Rule = {
  code: 'unused-entity',
  defaultSeverity: 'hint',
  title: 'A site, gateway, circuit or enterprise policy that nothing uses.',
  source: 'arch',
  unnecessary: true,
  eachEntity: {
    sections: ['sites', 'gateways', 'circuits', 'enterprisePolicies'],
    check(entity, { topology, report }) {
      switch (entity.kind) {
        case 'site': {
          const id = entity.id;
          if (entitiesNaming(topology, 'circuit', 'site', id).length || entitiesNaming(topology, 'gateway', 'site', id).length || entitiesNaming(topology, 'desktopFlow', 'site', id).length) return;
          return report({
            at: entity.key,
            message:
              `Site ${id} is named by no circuit, gateway or desktop flow, so no route starts there and nothing about it is checked.` +
              ` Name it with site: ${id} where its circuits, gateways or desktop-flow machines are, or remove it.`,
          });
        }
        case 'gateway':
          if (entitiesNaming(topology, 'connector', 'gateway', entity.id).length) return;
          return report({
            at: entity.key,
            message:
              `Gateway ${entity.id} is used by no connector, so no on-premises data is reached through it.` +
              ` Name it with gateway: ${entity.id} on the connectors that use it, or remove it.`,
          });
        case 'circuit':
          if (entity.environments?.items.length) return;
          return report({
            at: entity.key,
            message:
              `Circuit ${entity.id} serves no environment (its environments list is ${entity.environments ? 'empty' : 'missing'}), so no Power Platform traffic is checked on it.` +
              ` List the environments its users reach under environments, or remove it.`,
          });
        case 'enterprisePolicy':
          if (entitiesNaming(topology, 'environment', 'enterprisePolicy', entity.id).length) return;
          return report({
            at: entity.key,
            message:
              `Enterprise policy ${entity.id} is named by no environment, so none of its subnets is delegated to an environment and nothing about it is checked against one.` +
              ` Name it with enterprisePolicy: ${entity.id} on the environments it serves, or remove it.`,
          });
      }
    },
  },
};
