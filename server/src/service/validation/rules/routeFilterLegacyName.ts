import { resolvedEntries } from '../../facts';
import { eachOf, Rule } from '../rule';
import { replaceWithSuggestion } from './shared/suggestionFix';

export const routeFilterLegacyName: Rule = {
  code: 'route-filter-legacy-name',
  defaultSeverity: 'hint',
  title: "A route filter names a service community by a name Microsoft's routing page no longer uses.",
  source: 'routing',
  publicCloudOnly: true,
  eachEntity: eachOf('circuits', (circuit, { report }) => {
    for (const { item, entry } of resolvedEntries(circuit.microsoftPeering?.routeFilter)) {
      if (entry.kind !== 'service' || !entry.formerName) continue;
      const { name, value } = entry.service;
      report({
        at: item.node,
        message:
          `"${entry.formerName}" is the former name of the service community ${value}, which Microsoft now calls ${name}:` +
          ` ppnet reads it as ${name}, but the Azure portal and current pages list only the new name. Write "${name}" (or ${value}).`,
        data: { replacement: name },
      });
    }
  }),
  fixes: replaceWithSuggestion,
};
