import { cloudOf } from '../../model/model';
import { Rule } from '../rule';

export const cloudNotChecked: Rule = {
  code: 'cloud-not-checked',
  defaultSeverity: 'info',
  title: 'The file describes a cloud other than the public one, whose regions and communities ppnet does not check.',
  source: 'consider',
  check({ topology, report }) {
    const cloud = topology.cloud;
    if (!cloud || cloudOf(topology) === 'public') return;
    report({
      at: cloud.node,
      message:
        `cloud is ${cloud.text}: version 1 of ppnet knows the regions and BGP communities of the public cloud only, so it skips its region, route-filter and community checks in this file,` +
        ' except that route filters must not list public-cloud communities and Virtual Network support must be offered in this cloud.' +
        ' A sovereign cloud has its own regions, communities and ExpressRoute circuits; check those against that cloud\'s documentation.',
    });
  },
};
