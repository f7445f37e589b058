import { findAzureRegion, PowerPlatformRegion } from '../../catalog/catalog';
import { setKey } from './shared/edits';
import { Topology } from '../../model/model';
import { Rule } from '../rule';
import { listWords } from '../../text/words';
import { catalogConnector, regionNames, gatewayFit, environmentRegion } from '../../facts';
import { connectorRoutes } from '../../traffic';

interface Candidate {
  id: string;
  /** In one of the environment's datacenter regions. */
  preferred: boolean;
}

/** Gateways of a geography, datacenter regions first; every gateway when the geography is unknown. */
function candidateGateways(topology: Topology, region: PowerPlatformRegion | undefined): Candidate[] {
  const gateways = [...topology.gateways.values()];
  if (!region) return gateways.map((g) => ({ id: g.id, preferred: false }));
  const candidates: Candidate[] = [];
  for (const gateway of gateways) {
    const azure = gateway.region && findAzureRegion(gateway.region.text);
    const fit = azure ? gatewayFit(azure.id, region) : 'outside';
    if (fit !== 'outside') candidates.push({ id: gateway.id, preferred: region.datacenterRegions.includes(azure!.id) });
  }
  return [...candidates.filter((c) => c.preferred), ...candidates.filter((c) => !c.preferred)];
}

export const gatewayRequired: Rule = {
  code: 'gateway-required',
  defaultSeverity: 'error',
  title: 'A connector to an on-premises source names no gateway.',
  source: 'arch',
  check({ topology, report }) {
    for (const { connector, cause, unlinkedSubnet } of connectorRoutes(topology)) {
      // Through a delegated subnet no gateway is needed; where its virtual networks reach no site, vnet-route-missing says so.
      if (cause.kind !== 'no-gateway' || unlinkedSubnet) continue;
      const info = catalogConnector(connector);
      const source = info?.target === 'on-premises' ? info.displayName : 'target: on-premises';
      const environment = connector.environment && topology.environments.get(connector.environment.text);
      const region = environment && environmentRegion(environment);
      const candidates = candidateGateways(topology, region);
      const geography = environment && region ? ` in the ${region.displayName} geography of environment ${environment.id}` : '';
      const action = candidates.length
        ? `Add gateway: ${listWords(candidates.map((c) => c.id), 'or')}${geography ? ` (${geography.trim()})` : ''}.`
        : region
          ? `Install a gateway${geography} (${listWords(regionNames(region.datacenterRegions), 'or')}), add it under gateways and name it here with gateway: <id>.`
          : 'Add a gateway under gateways and name it here with gateway: <id>.';
      report({
        at: connector.key,
        message:
          `Connector ${connector.id} reaches an on-premises source (${source}) but names no gateway:` +
          ` Power Platform reaches on-premises data only through an on-premises data gateway, and ExpressRoute does not replace it. ${action}`,
        data: { connector: connector.id, gateways: candidates },
      });
    }
  },
  fixes({ topology, document, diagnostic }) {
    const { connector: id, gateways } = diagnostic.data as { connector: string; gateways: Candidate[] };
    const connector = topology.connectors.get(id);
    if (!connector) return [];
    return gateways.map((gateway, index) => ({
      title: `Add gateway: ${gateway.id}`,
      edits: [setKey(document, connector, 'gateway', gateway.id)],
      isPreferred: index === 0 && gateway.preferred,
    }));
  },
};
