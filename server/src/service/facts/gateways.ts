/** Gateways: where a gateway's region sits for the environments whose connectors use it. */
import { AzureRegion, findAzureRegion, PowerPlatformRegion } from '../catalog/catalog';
import { Connector, Environment, Gateway, ScalarField, Topology } from '../model/model';
import { topologyFact } from './memo';
import { environmentRegion } from './regions';

/**
 * Where a gateway's Azure region sits for a Power Platform region: one of the gateway regions Power
 * Automate lists for its geography (`listed`), a datacenter region the list leaves out
 * (`datacenter-unlisted`), outside the geography, or `unknown` when no page lists the geography's
 * gateway regions and the region is not one of its datacenter regions.
 */
export type GatewayFit = 'listed' | 'datacenter-unlisted' | 'outside' | 'unknown';

export function gatewayFit(azureRegionId: string, region: PowerPlatformRegion): GatewayFit {
  if (region.gatewayRegions === null) return region.datacenterRegions.includes(azureRegionId) ? 'listed' : 'unknown';
  if (region.gatewayRegions.includes(azureRegionId)) return 'listed';
  return region.datacenterRegions.includes(azureRegionId) ? 'datacenter-unlisted' : 'outside';
}

/** A gateway and one environment whose connectors name it. */
export interface GatewayUse {
  gateway: Gateway;
  /** The gateway's `region` and the Azure region it names. */
  gatewayRegion: ScalarField;
  azure: AzureRegion;
  environment: Environment;
  /** The environment's `region` and the Power Platform region it names. */
  environmentRegion: ScalarField;
  region: PowerPlatformRegion;
  connectors: Connector[];
  fit: GatewayFit;
}

/** Every gateway with a known Azure region, once per environment (with a known region) of the connectors naming it. */
export const gatewayUses = topologyFact((topology: Topology): GatewayUse[] => {
  // The connectors of each gateway, found in one pass (not one pass per gateway: files can be large).
  const connectorsOf = new Map<string, Connector[]>();
  for (const connector of topology.connectors.values()) {
    if (!connector.gateway || !connector.environment) continue;
    const list = connectorsOf.get(connector.gateway.text);
    if (list) list.push(connector);
    else connectorsOf.set(connector.gateway.text, [connector]);
  }
  const uses: GatewayUse[] = [];
  for (const gateway of topology.gateways.values()) {
    const azure = gateway.region && findAzureRegion(gateway.region.text);
    if (!gateway.region || !azure) continue;
    const byEnvironment = new Map<string, GatewayUse>();
    for (const connector of connectorsOf.get(gateway.id) ?? []) {
      const environment = topology.environments.get(connector.environment!.text);
      const region = environment && environmentRegion(environment);
      if (!environment?.region || !region) continue;
      const use = byEnvironment.get(environment.id);
      if (use) use.connectors.push(connector);
      else {
        byEnvironment.set(environment.id, {
          gateway,
          gatewayRegion: gateway.region,
          azure,
          environment,
          environmentRegion: environment.region,
          region,
          connectors: [connector],
          fit: gatewayFit(azure.id, region),
        });
      }
    }
    uses.push(...byEnvironment.values());
  }
  return uses;
});
