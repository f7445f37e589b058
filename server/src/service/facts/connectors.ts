/**
 * Connectors: a connector's target and its catalog entry, as the spec's "Words used" define them.
 */
import { ConnectorInfo, findConnector } from '../catalog/catalog';
import { Connector } from '../model/model';
import { ownFact } from './memo';

export type Target = 'on-premises' | 'microsoft' | 'third-party';

/**
 * A connector's target: `target` when written, else the catalog's; for catalog entries that can be
 * either (custom connectors, HTTP with Entra ID) on-premises when a gateway is named, else third-party.
 * `undefined` when neither the file nor the catalog says.
 */
export const connectorTarget = ownFact((connector: Connector): Target | undefined => {
  const written = connector.target?.text;
  if (written === 'on-premises' || written === 'microsoft' || written === 'third-party') return written;
  const info = catalogConnector(connector);
  if (!info) return undefined;
  if (info.target === 'either') return connector.gateway ? 'on-premises' : 'third-party';
  return info.target;
});

/** The catalog's entry for a connector's type. */
export const catalogConnector = ownFact((connector: Connector): ConnectorInfo | undefined => (connector.type ? findConnector(connector.type.text) : undefined));
