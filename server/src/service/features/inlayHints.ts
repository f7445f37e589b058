/**
 * Inlay hints: what a value means, written after it. A route filter's community value gets its name
 * and a name its value; an environment's `region` the datacenter regions it runs in; a circuit's
 * `peeringLocation` its geopolitical region and the regions a Local circuit there reaches; a delegated
 * subnet's `cidr` the addresses Power Platform can use. Only the entities in the asked range are read,
 * and every hint comes from a fact or the catalog (nothing is derived here).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InlayHint, Range } from 'vscode-languageserver-types';
import { Scalar } from 'yaml';
import { findPeeringLocation, RouteFilterEntry } from '../catalog/catalog';
import { carriedRoutes, datacenterRegionsOf, subnetCidr, usableAddresses } from '../facts';
import { EntityBase, Topology } from '../model/model';

/** Which hints to give: each part is a setting of its own (`ppnet.inlayHints.*`). */
export interface InlayHintParts {
  /** After a route filter's community value its name, after a name its value. */
  communities: boolean;
  /** After an environment's `region` its datacenter regions. */
  environmentRegions: boolean;
  /** After a circuit's `peeringLocation` its geopolitical region and Local regions. */
  peeringLocations: boolean;
  /** After a delegated subnet's `cidr` its usable addresses. */
  subnetAddresses: boolean;
}

export const NO_INLAY_HINTS: InlayHintParts = { communities: false, environmentRegions: false, peeringLocations: false, subnetAddresses: false };

const COMMUNITY_VALUE = /^\d+:\d+$/;

/** The hints of the entities in `range`, in file order. */
export function getInlayHints(topology: Topology, document: TextDocument, range: Range, parts: InlayHintParts): InlayHint[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const hints: InlayHint[] = [];
  const add = (node: Scalar, label: string | undefined) => {
    const end = node.range?.[1];
    if (label && end !== undefined && end >= from && end <= to) hints.push({ position: document.positionAt(end), label, paddingLeft: true });
  };
  const inRange = (entity: EntityBase) => {
    const start = entity.key.range?.[0] ?? 0;
    const end = entity.map?.range?.[2] ?? entity.key.range?.[2] ?? start;
    return start <= to && end >= from;
  };
  if (parts.environmentRegions) {
    for (const environment of topology.environments.values()) {
      if (!environment.region || !inRange(environment)) continue;
      const regions = datacenterRegionsOf(environment);
      add(environment.region.node, regions.length ? regions.join(' + ') : undefined);
    }
  }
  if (parts.communities || parts.peeringLocations) {
    for (const circuit of topology.circuits.values()) {
      if (!inRange(circuit)) continue;
      if (parts.peeringLocations && circuit.peeringLocation) add(circuit.peeringLocation.node, peeringLocationLabel(circuit.peeringLocation.text));
      if (parts.communities) {
        for (const { item, entry } of carriedRoutes(topology, circuit).entries) add(item.node, communityLabel(item.text.trim(), entry));
      }
    }
  }
  if (parts.subnetAddresses) {
    for (const policy of topology.enterprisePolicies.values()) {
      if (!inRange(policy)) continue;
      for (const subnet of policy.subnets?.items ?? []) {
        const cidr = subnetCidr(subnet);
        if (subnet.cidr && cidr) add(subnet.cidr.node, `${usableAddresses(cidr)} usable addresses`);
      }
    }
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

/** A community's name after its value, its value after its name; nothing for an entry that is neither (the rules speak of those). */
function communityLabel(text: string, entry: RouteFilterEntry): string | undefined {
  const isValue = COMMUNITY_VALUE.test(text);
  switch (entry.kind) {
    case 'region':
      return isValue ? entry.region.displayName : entry.community;
    case 'service':
      return isValue ? entry.service.name : (entry.service.value ?? undefined);
    case 'regional-service':
      return entry.region ? `${entry.service.name} in ${entry.region.displayName}` : entry.service.name;
    default:
      return undefined;
  }
}

/** "Europe · Local: westeurope": the location's geopolitical region and what a Local circuit there reaches. */
function peeringLocationLabel(text: string): string | undefined {
  const location = findPeeringLocation(text);
  if (!location) return undefined;
  const local = location.localAzureRegions.length ? `Local: ${location.localAzureRegions.join(' + ')}` : 'no Local';
  return location.geopoliticalRegion ? `${location.geopoliticalRegion} · ${local}` : location.localAzureRegions.length ? local : undefined;
}
