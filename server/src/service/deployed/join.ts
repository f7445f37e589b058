/**
 * The references between exported resources, joined: each peering to its circuit (embedded or
 * exported on its own), a Microsoft peering to its route filter, private peering to the virtual
 * networks its ExpressRoute connections reach (the gateway's network, told by the `GatewaySubnet`
 * whose IP configurations name the gateway, or by the gateway's own IP configuration), an enterprise
 * policy's subnets to their virtual networks. A reference to a resource no input gave is said once
 * (`import-dangling`) where it keeps ppnet from writing something. Every list ends sorted by id, and a
 * resource given twice is kept once (from the first input by name).
 */
import type { DeployedCircuit, DeployedEstate, DeployedPrivatePeering, DeployedVirtualNetwork } from './estate';
import { idKey, lastSegment, parentId } from './json';
import { microsoftPeeringOf, PeeringRecord } from './resources';

export interface ReadResources {
  circuits: DeployedCircuit[];
  peerings: PeeringRecord[];
  ports: { id: string; peeringLocation: string }[];
  estate: DeployedEstate;
}

function byId<T extends { azureId: string }>(list: T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of list) {
    const key = idKey(item.azureId);
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
}

function indexOf<T extends { azureId: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((item) => [idKey(item.azureId), item]));
}

export function joinEstate(read: ReadResources): void {
  const { estate } = read;
  const dangling = (file: string, message: string) => estate.findings.push({ code: 'import-dangling', severity: 'warning', message, file });
  estate.circuits = byId(read.circuits);
  estate.routeFilters = byId(estate.routeFilters);
  estate.connections = byId(estate.connections);
  estate.virtualNetworkGateways = byId(estate.virtualNetworkGateways);
  estate.virtualNetworks = byId(estate.virtualNetworks);
  estate.environments = byId(estate.environments);
  estate.enterprisePolicies = byId(estate.enterprisePolicies);
  estate.gatewayClusters = byId(estate.gatewayClusters);

  const circuits = indexOf(estate.circuits);
  const filters = indexOf(estate.routeFilters);
  const networks = indexOf(estate.virtualNetworks);
  const gateways = indexOf(estate.virtualNetworkGateways);
  const ports = new Map(read.ports.map((p) => [idKey(p.id), p.peeringLocation]));

  for (const circuit of estate.circuits) {
    if (!circuit.peeringLocation && circuit.expressRoutePortId) circuit.peeringLocation = ports.get(idKey(circuit.expressRoutePortId));
  }

  // Peerings: the first one of each circuit and type (an embedded one and the same exported on its own are one).
  const joined = new Set<string>();
  for (const peering of read.peerings) {
    if (peering.type === 'other') continue;
    const circuit = circuits.get(idKey(peering.circuitId!));
    if (!circuit) {
      if (peering.id) dangling(peering.source.file, `Peering ${peering.id} belongs to circuit ${peering.circuitId}, which no input gives: it is not imported (add the circuit's export).`);
      continue;
    }
    const key = `${idKey(circuit.azureId)} ${peering.type}`;
    if (joined.has(key)) continue;
    joined.add(key);
    if (peering.type === 'microsoft') {
      const microsoft = microsoftPeeringOf(peering);
      if (microsoft.routeFilterId) {
        microsoft.routeFilter = filters.get(idKey(microsoft.routeFilterId));
        if (!microsoft.routeFilter) {
          dangling(peering.source.file, `Circuit ${circuit.name}'s Microsoft peering names route filter ${microsoft.routeFilterId}, which no input gives: ppnet cannot tell its communities (add the output of az network route-filter list).`);
        }
      }
      circuit.microsoftPeering = microsoft;
    } else {
      circuit.privatePeering = { azureId: peering.id, state: peering.state, virtualNetworks: [], source: peering.source };
    }
  }

  // Private peering's virtual networks: circuit → ExpressRoute connections → gateway → its virtual network.
  const networkOfGateway = new Map<string, DeployedVirtualNetwork>();
  for (const network of estate.virtualNetworks) {
    for (const subnet of network.subnets) {
      if (subnet.name.toLowerCase() !== 'gatewaysubnet') continue;
      for (const configuration of subnet.ipConfigurationIds) networkOfGateway.set(idKey(parentId(configuration)), network);
    }
  }
  const linked = new Map<DeployedPrivatePeering, Map<string, DeployedVirtualNetwork>>();
  for (const connection of estate.connections) {
    if (connection.connectionType && connection.connectionType.toLowerCase() !== 'expressroute') continue;
    const circuit = connection.circuitId ? circuits.get(idKey(connection.circuitId)) : undefined;
    if (!circuit || !connection.gatewayId) continue;
    const network = networkOf(connection.gatewayId, networkOfGateway, gateways, networks);
    if (!network) {
      dangling(
        connection.source.file,
        `Connection ${connection.azureId} links circuit ${circuit.name} to gateway ${connection.gatewayId}, which no input gives and no virtual network's GatewaySubnet names: ppnet cannot tell which virtual network private peering reaches (add the output of az network vnet list).`,
      );
      continue;
    }
    circuit.privatePeering ??= { virtualNetworks: [], source: connection.source };
    const networksOfPeering = linked.get(circuit.privatePeering) ?? new Map<string, DeployedVirtualNetwork>();
    linked.set(circuit.privatePeering, networksOfPeering);
    networksOfPeering.set(idKey(network.azureId), network);
  }
  for (const [peering, found] of linked) peering.virtualNetworks = [...found.values()].sort((a, b) => compareKeys(a.azureId, b.azureId));

  // Enterprise policies' subnets → their virtual networks.
  for (const policy of estate.enterprisePolicies) {
    for (const subnet of policy.subnets) {
      subnet.virtualNetwork = networks.get(idKey(subnet.virtualNetworkId));
      if (!subnet.virtualNetwork) {
        dangling(policy.source.file, `Enterprise policy ${policy.name} delegates subnet ${subnet.subnetName} of virtual network ${subnet.virtualNetworkId}, which no input gives: ppnet cannot write its region and cidr (add the output of az network vnet list).`);
      } else if (!subnet.virtualNetwork.subnets.some((s) => s.name.toLowerCase() === subnet.subnetName.toLowerCase())) {
        dangling(policy.source.file, `Enterprise policy ${policy.name} delegates subnet ${subnet.subnetName}, which virtual network ${subnet.virtualNetwork.name} does not have: ppnet cannot write its cidr.`);
      }
    }
  }

  // Environments → the enterprise policy they link (by its id or its system id).
  const policies = new Map<string, true>();
  for (const policy of estate.enterprisePolicies) {
    policies.set(idKey(policy.azureId), true);
    if (policy.systemId) policies.set(idKey(policy.systemId), true);
  }
  for (const environment of estate.environments) {
    if (environment.enterprisePolicyId && estate.covered.has('enterprisePolicy') && !policies.has(idKey(environment.enterprisePolicyId))) {
      dangling(environment.source.file, `Environment ${environment.displayName} (${environment.azureId}) links enterprise policy ${environment.enterprisePolicyId}, which no input gives: its enterprisePolicy is left out.`);
    }
  }
}

function compareKeys(a: string, b: string): number {
  const x = idKey(a);
  const y = idKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The virtual network of a gateway: the one whose GatewaySubnet names it, else the one its IP configuration names (known by its id alone when no input gives it). */
function networkOf(
  gatewayId: string,
  networkOfGateway: Map<string, DeployedVirtualNetwork>,
  gateways: Map<string, { subnetIds: string[]; source: DeployedVirtualNetwork['source'] }>,
  networks: Map<string, DeployedVirtualNetwork>,
): DeployedVirtualNetwork | undefined {
  const found = networkOfGateway.get(idKey(gatewayId));
  if (found) return found;
  const gateway = gateways.get(idKey(gatewayId));
  const subnetId = gateway?.subnetIds[0];
  if (!gateway || !subnetId) return undefined;
  const networkId = parentId(subnetId);
  return networks.get(idKey(networkId)) ?? { kind: 'virtualNetwork', azureId: networkId, name: lastSegment(networkId), addressPrefixes: [], subnets: [], onlyId: true, source: gateway.source };
}
