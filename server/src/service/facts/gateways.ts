/** Gateways: where a gateway's region sits for the environments whose connectors use it. */
import { AzureRegion, findAzureRegion, PowerPlatformRegion } from '../catalog/catalog';
import { Connector, entitiesNaming, Environment, Gateway, ScalarField, Topology } from '../model/model';
import { sectionFact } from './memo';
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

/** A gateway with a known Azure region, once per environment (with a known region) of the connectors naming it. */
function usesOf(topology: Topology, gateway: Gateway): GatewayUse[] {
  const azure = gateway.region && findAzureRegion(gateway.region.text);
  if (!gateway.region || !azure) return [];
  const byEnvironment = new Map<string, GatewayUse>();
  for (const connector of entitiesNaming(topology, 'connector', 'gateway', gateway.id)) {
    if (!connector.environment) continue;
    const environment = topology.environments.get(connector.environment.text);
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
  return [...byEnvironment.values()];
}

const uses = sectionFact((topology) => topology.gateways.values(), usesOf);

/** Every gateway with a known Azure region, once per environment (with a known region) of the connectors naming it, in file order. */
export function gatewayUses(topology: Topology): GatewayUse[] {
  return [...uses.all(topology)].flat();
}
