import { connectors } from '../../catalog/catalog';
import { replaceValueFix } from './shared/edits';
import { eachOf, Rule } from '../rule';
import { closest } from '../../text/suggest';
import { catalogConnector } from '../../facts';

export const unknownConnector: Rule = {
  code: 'unknown-connector',
  defaultSeverity: 'warning',
  title: 'A connector type is not in the catalog and the connector gives no target.',
  source: 'arch',
  eachEntity: eachOf('connectors', (connector, { report }) => {
    if (!connector.type || connector.target || catalogConnector(connector)) return;
    const suggestion = closest(connector.type.text, connectors.map((c) => c.id));
    report({
      at: connector.type.node,
      message:
        `Connector ${connector.id} has type "${connector.type.text}", which ppnet's catalog does not know, and no target, so ppnet cannot tell where its traffic goes:` +
        ` to an on-premises source through a gateway, to a Microsoft service inside Microsoft's datacenters, or to a third-party service over the public internet.` +
        `${suggestion ? ` Did you mean ${suggestion}? If not, add` : ' Add'} target: on-premises, microsoft or third-party.`,
      data: suggestion ? { replacement: suggestion } : undefined,
    });
  }),
  fixes({ diagnostic }) {
    const replacement = (diagnostic.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [replaceValueFix(diagnostic, `Change type to ${replacement}`, replacement)] : [];
  },
};
