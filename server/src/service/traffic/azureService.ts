/**
 * Azure services are used by the environments, those of the geography that holds the service's region
 * (else all): over Microsoft's backbone, never over ExpressRoute, or from the delegated subnet of an
 * enterprise policy over the service's private endpoint (`via: private-endpoint`).
 */
import { findAzureRegion, PowerPlatformRegion, powerPlatformRegionsContaining } from '../catalog/catalog';
import { entityFact, environmentRegion, policyEnvironments, topologyFact } from '../facts';
import { AzureService, Topology } from '../model/model';
import { expectedRoute } from './connector';
import { AzureServiceRoute, entityHop } from './route';

/** The Power Platform regions of the file's environments, by id, in the order they are met. */
const usedRegions = topologyFact((topology: Topology): Map<string, PowerPlatformRegion> => {
  const regions = new Map<string, PowerPlatformRegion>();
  for (const environment of topology.environments.values()) {
    const region = environmentRegion(environment);
    if (region) regions.set(region.id, region);
  }
  return regions;
});

/** The first enterprise policy that delegates subnets to an environment of a Power Platform region. */
function delegatingPolicy(topology: Topology, region: PowerPlatformRegion) {
  return [...topology.enterprisePolicies.values()].find((policy) => policyEnvironments(topology, policy).some((e) => environmentRegion(e)?.id === region.id));
}

/** One route per region whose environments use the service. */
export const azureServiceRoutes = entityFact((topology: Topology, service: AzureService): AzureServiceRoute[] => {
  const used = usedRegions(topology);
  const azure = service.region && findAzureRegion(service.region.text);
  const holding = azure ? powerPlatformRegionsContaining(azure.id).filter((r) => used.has(r.id)) : [];
  const regions = holding.length ? holding : [...used.values()];
  const via = service.via?.text;
  return regions.map((region): AzureServiceRoute => {
    const policy = via === 'private-endpoint' ? delegatingPolicy(topology, region) : undefined;
    return {
      id: `azure-service:${service.id}:${region.id}`,
      kind: 'azure-service',
      from: { kind: 'region', id: region.id },
      to: entityHop('azureService', service.id),
      route: policy ? 'virtual-network' : 'microsoft-backbone',
      subject: { kind: 'azureService', id: service.id },
      expected: policy ? 'virtual-network' : expectedRoute(via),
      service,
      region,
      azure: azure || undefined,
      cause: policy ? { kind: 'private-endpoint', policy } : { kind: 'backbone' },
    };
  });
});
