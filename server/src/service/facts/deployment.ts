/**
 * Which deployed resource each entity of a design is (`ppnet drift`, a `deployed:` folder): matched by
 * the entity's `azureId` when it writes one, else by its id as `ppnet import` makes ids from names,
 * else by its `name` made an id the same way (a hand-written design's short ids).
 * Data only: the drift rules say what a match, a miss or a leftover means.
 */
import type { DeployedCircuit, DeployedRouteFilter, DeployedEnterprisePolicy, DeployedEnvironment, DeployedEstate, DeployedGatewayCluster, DeployedKind } from '../deployed/estate';
import { Circuit, EnterprisePolicy, Environment, Gateway, Topology } from '../model/model';
import { importIdOf } from '../deployed/ids';

/** The design's kinds that a deployment holds, with what each is in the estate. */
export interface DeployedOfKind {
  circuit: DeployedCircuit;
  environment: DeployedEnvironment;
  gateway: DeployedGatewayCluster;
  enterprisePolicy: DeployedEnterprisePolicy;
}
export type DeployableKind = keyof DeployedOfKind;
export type DeployableEntity = Circuit | Environment | Gateway | EnterprisePolicy;
export type DeployedEntity = DeployedOfKind[DeployableKind];

/** The estate's kind that covers each design kind: `drift-missing` is said only for a kind some input covered. */
export const ESTATE_KIND_OF: Record<DeployableKind, DeployedKind> = {
  circuit: 'circuit',
  environment: 'environment',
  gateway: 'gatewayCluster',
  enterprisePolicy: 'enterprisePolicy',
};

/** A designed entity of a covered kind that nothing deployed matches. */
export interface MissingEntity {
  entity: DeployableEntity;
  /** The entity writes an `azureId` that nothing deployed has, but a deployed resource has the entity's id (recreated, or an old id). */
  sameId?: DeployedEntity;
}

export interface Deployment {
  estate: DeployedEstate;
  /** The deployed resource of each matched design entity. */
  matched: Map<DeployableEntity, DeployedEntity>;
  missing: MissingEntity[];
  /** Deployed resources no design entity matches, in the estate's order by kind. */
  undesigned: DeployedEntity[];
}

/** The name `ppnet import` makes a design id from: an environment's display name, the others' names. */
export function deployedNameOf(deployed: DeployedEntity): string {
  return deployed.kind === 'environment' ? deployed.displayName : deployed.name;
}

/** Resource ids compare without regard to case (Azure Resource Manager's ids are case-insensitive). */
const idKey = (id: string) => id.trim().toLowerCase();

function deployedOfKind(estate: DeployedEstate, kind: DeployableKind): DeployedEntity[] {
  switch (kind) {
    case 'circuit':
      return estate.circuits;
    case 'environment':
      return estate.environments;
    case 'gateway':
      return estate.gatewayClusters;
    case 'enterprisePolicy':
      return estate.enterprisePolicies;
  }
}

function designOfKind(topology: Topology, kind: DeployableKind): DeployableEntity[] {
  switch (kind) {
    case 'circuit':
      return [...topology.circuits.values()];
    case 'environment':
      return [...topology.environments.values()];
    case 'gateway':
      return [...topology.gateways.values()];
    case 'enterprisePolicy':
      return [...topology.enterprisePolicies.values()];
  }
}

const KINDS: readonly DeployableKind[] = ['circuit', 'environment', 'gateway', 'enterprisePolicy'];

function match(topology: Topology, estate: DeployedEstate): Deployment {
  const matched = new Map<DeployableEntity, DeployedEntity>();
  const missing: MissingEntity[] = [];
  const undesigned: DeployedEntity[] = [];
  for (const kind of KINDS) {
    const deployed = deployedOfKind(estate, kind);
    const byAzureId = new Map<string, DeployedEntity>();
    const byId = new Map<string, DeployedEntity>();
    for (const resource of deployed) {
      if (!byAzureId.has(idKey(resource.azureId))) byAzureId.set(idKey(resource.azureId), resource);
      const id = importIdOf(deployedNameOf(resource));
      if (!byId.has(id)) byId.set(id, resource);
    }
    const used = new Set<DeployedEntity>();
    const entities = designOfKind(topology, kind);
    // A design id that is some resource's import id is that resource, before any match by name.
    const takenIds = new Set(entities.filter((e) => !e.azureId && byId.has(e.id)).map((e) => e.id));
    for (const entity of entities) {
      // An azureId names one resource: a resource of the same name but another id is not that one.
      const written = entity.azureId?.text;
      let resource = written !== undefined ? byAzureId.get(idKey(written)) : byId.get(entity.id);
      // A hand-written design's ids are often short ("contoso-prod" for "Contoso Production"): its name then matches.
      if (!resource && written === undefined && entity.name) {
        const byName = byId.get(importIdOf(entity.name.text));
        if (byName && !takenIds.has(importIdOf(entity.name.text))) resource = byName;
      }
      if (resource && used.has(resource)) resource = undefined;
      if (resource) {
        matched.set(entity, resource);
        used.add(resource);
      } else if (estate.covered.has(ESTATE_KIND_OF[kind])) {
        missing.push({ entity, sameId: written !== undefined ? byId.get(entity.id) : undefined });
      }
    }
    undesigned.push(...deployed.filter((resource) => !used.has(resource)));
  }
  return { estate, matched, missing, undesigned };
}

const deployments = new WeakMap<DeployedEstate, WeakMap<Topology, Deployment>>();

/** The design's entities matched with an estate, once per topology version and estate. */
export function deploymentOf(topology: Topology, estate: DeployedEstate): Deployment {
  let ofEstate = deployments.get(estate);
  if (!ofEstate) deployments.set(estate, (ofEstate = new WeakMap()));
  let deployment = ofEstate.get(topology);
  if (!deployment) ofEstate.set(topology, (deployment = match(topology, estate)));
  return deployment;
}

/** The deployed resource of a design entity, typed by its kind. */
export function deployedOf<K extends DeployableKind>(deployment: Deployment, entity: DeployableEntity & { kind: K }): DeployedOfKind[K] | undefined {
  return deployment.matched.get(entity) as DeployedOfKind[K] | undefined;
}

/** The communities a deployed route filter allows, in its rules' order, each once. */
export function allowedCommunities(filter: DeployedRouteFilter): string[] {
  return [...new Set(filter.rules.filter((r) => r.access.toLowerCase() === 'allow').flatMap((r) => r.communities.map((c) => c.trim())))];
}
