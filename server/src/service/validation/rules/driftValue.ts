import type { DeployedCircuit, DeployedEnterprisePolicy, DeployedEnvironment, DeployedGatewayCluster, DeployedVirtualNetwork } from '../../deployed/estate';
import { importIdOf } from '../../deployed/ids';
import { azureRegionId, catalogPeeringLocation, environmentTypeOfSku, powerPlatformRegionId, skuOfTier } from '../../deployed/spelling';
import { deployedOf, deploymentOf, Deployment } from '../../facts';
import { Circuit, EnterprisePolicy, Environment, Gateway, managedOf, ScalarField, Topology } from '../../model/model';
import { parseCidr, formatCidr } from '../../syntax/cidr';
import { listWords } from '../../text/words';
import { Finding, Rule } from '../rule';

type Report = (finding: Finding) => void;

/** The canonical text of a prefix (so that `203.0.113.0/29` and `203.0.113.00/29` are one), else the text as written. */
function prefixKey(text: string): string {
  const parsed = parseCidr(text);
  return parsed.ok ? formatCidr(parsed.cidr) : text.trim().toLowerCase();
}

/** Two spellings denote the same region or location: by the catalog's spelling when it knows both, else by their text. */
function same(spell: (text: string) => string | undefined, a: string, b: string): boolean {
  const x = spell(a);
  const y = spell(b);
  if (x !== undefined && y !== undefined) return x === y;
  return a.replace(/[\s_-]+/g, '').toLowerCase() === b.replace(/[\s_-]+/g, '').toLowerCase();
}

const UPDATE = 'Change the design to what is deployed if Azure is right, or change the deployment to match the design.';

function circuitDrift(circuit: Circuit, deployed: DeployedCircuit, report: Report): void {
  const sku = circuit.sku;
  if (sku && deployed.skuTier && sku.text.trim().toLowerCase() !== (skuOfTier(deployed.skuTier) ?? deployed.skuTier.toLowerCase())) {
    report({
      at: sku.node,
      message: `Circuit ${circuit.id} is ${deployed.skuTier} in Azure, but the design gives it sku ${sku.text}: the SKU decides which regions the circuit reaches, so the design's routes may not be the deployed ones. ${UPDATE}`,
    });
  }
  const location = circuit.peeringLocation;
  if (location && deployed.peeringLocation && !same(catalogPeeringLocation, location.text, deployed.peeringLocation)) {
    report({
      at: location.node,
      message: `Circuit ${circuit.id} is at peering location ${deployed.peeringLocation} in Azure, but the design puts it at ${location.text}: the location decides which regions a Standard or Local circuit reaches. ${UPDATE}`,
    });
  }
  const peering = circuit.microsoftPeering;
  const deployedPeering = deployed.microsoftPeering;
  if (!peering && deployedPeering) {
    report({
      at: circuit.key,
      message: `Circuit ${circuit.id} has Microsoft peering in Azure, but the design gives it none: traffic to Power Platform may take this circuit where the design expects another route. Add microsoftPeering to the design, or remove the peering from the circuit.`,
      severity: 'warning',
    });
  }
  const prefixes = peering?.advertisedPrefixes;
  if (!prefixes || !deployedPeering) return;
  const deployedPrefixes = new Map(deployedPeering.advertisedPrefixes.map((p) => [prefixKey(p), p]));
  const designed = new Set(prefixes.items.map((item) => prefixKey(item.text)));
  const shown = deployedPeering.advertisedPrefixes.length ? listWords(deployedPeering.advertisedPrefixes) : 'none';
  for (const item of prefixes.items) {
    if (deployedPrefixes.has(prefixKey(item.text))) continue;
    report({
      at: item.node,
      message: `Circuit ${circuit.id}'s Microsoft peering does not advertise ${item.text} in Azure (it advertises ${shown}): Microsoft accepts traffic back only to advertised prefixes, so flows from ${item.text} do not return over this circuit. ${UPDATE}`,
    });
  }
  const extra = [...deployedPrefixes].filter(([key]) => !designed.has(key)).map(([, text]) => text);
  if (extra.length) {
    report({
      at: prefixes.key,
      message: `Circuit ${circuit.id}'s Microsoft peering advertises ${listWords(extra)} in Azure, which the design's advertisedPrefixes do not list: traffic from ${extra.length > 1 ? 'them' : 'it'} takes this circuit, unlike the design says. ${UPDATE}`,
    });
  }
}

function environmentDrift(topology: Topology, deployment: Deployment, environment: Environment, deployed: DeployedEnvironment, report: Report): void {
  const region = environment.region;
  if (region && deployed.region && !same(powerPlatformRegionId, region.text, deployed.region)) {
    report({
      at: region.node,
      message: `Environment ${environment.id} is in the Power Platform region ${deployed.region}, but the design puts it in ${region.text}: every route to it is worked out from its region. ${UPDATE}`,
    });
  }
  const type = environment.type;
  if (type && deployed.environmentSku && type.text.trim().toLowerCase() !== (environmentTypeOfSku(deployed.environmentSku) ?? deployed.environmentSku.toLowerCase())) {
    report({
      at: type.node,
      message: `Environment ${environment.id} is a ${deployed.environmentSku} environment in Power Platform, but the design's type is ${type.text}: the type decides whether Virtual Network support is offered. ${UPDATE}`,
    });
  }
  const managed = managedOf(environment);
  if (environment.managed && managed !== undefined && deployed.managed !== undefined && managed !== deployed.managed) {
    report({
      at: environment.managed.node,
      message: `Environment ${environment.id} is ${deployed.managed ? '' : 'not '}a Managed Environment in Power Platform, but the design says managed: ${environment.managed.text}: Virtual Network support needs a Managed Environment. ${UPDATE}`,
    });
  }
  policyLinkDrift(topology, deployment, environment, environment.enterprisePolicy, deployed, report);
}

/** Whether a deployed environment's policy reference names a design policy: its matched resource, its azureId, or its id as import makes it. */
function namesPolicy(topology: Topology, deployment: Deployment, reference: string, policyId: string): boolean | undefined {
  const policy = topology.enterprisePolicies.get(policyId);
  const key = reference.trim().toLowerCase();
  const resource = policy ? deployedOf(deployment, policy) : undefined;
  if (resource) return [resource.azureId, resource.systemId].some((id) => id !== undefined && id.toLowerCase() === key);
  if (policy?.azureId) return policy.azureId.text.trim().toLowerCase() === key;
  const name = key.split('/').pop() ?? key;
  // A system id (a GUID) says nothing of the policy's name: ppnet cannot tell.
  if (!key.includes('/')) return undefined;
  return importIdOf(name) === policyId;
}

function policyLinkDrift(topology: Topology, deployment: Deployment, environment: Environment, written: ScalarField | undefined, deployed: DeployedEnvironment, report: Report): void {
  const reference = deployed.enterprisePolicyId;
  if (written && reference === undefined) {
    report({
      at: written.node,
      message: `Environment ${environment.id} has no enterprise policy linked in Power Platform, but the design links ${written.text}: its connectors and plug-ins do not run in the policy's subnets. ${UPDATE}`,
    });
  } else if (written && reference !== undefined && namesPolicy(topology, deployment, reference, written.text) === false) {
    report({
      at: written.node,
      message: `Environment ${environment.id} is linked to enterprise policy ${reference} in Power Platform, but the design links ${written.text}: its connectors and plug-ins run in the other policy's subnets. ${UPDATE}`,
    });
  } else if (!written && reference !== undefined) {
    report({
      at: environment.key,
      message: `Environment ${environment.id} is linked to enterprise policy ${reference} in Power Platform, but the design links none: its connectors and plug-ins run in that policy's subnets, not on the routes the design shows. ${UPDATE}`,
    });
  }
}

/** The subnet's address prefixes in its virtual network's JSON, when an input gave the network. */
function subnetPrefixes(network: DeployedVirtualNetwork | undefined, subnetName: string): string[] | undefined {
  return network?.subnets.find((s) => s.name.toLowerCase() === subnetName.toLowerCase())?.addressPrefixes;
}

function policyDrift(policy: EnterprisePolicy, deployed: DeployedEnterprisePolicy, report: Report): void {
  const subnets = policy.subnets;
  if (!subnets) return;
  const vnetName = (id: string) => (id.split('/').pop() ?? id).toLowerCase();
  const byVnet = new Map(deployed.subnets.map((s) => [vnetName(s.virtualNetworkId), s]));
  const designed = new Set<string>();
  for (const subnet of subnets.items) {
    const vnet = subnet.vnet;
    if (!vnet) continue;
    designed.add(vnet.text.trim().toLowerCase());
    const match = byVnet.get(vnet.text.trim().toLowerCase());
    if (!match) {
      const shown = deployed.subnets.length ? listWords(deployed.subnets.map((s) => vnetName(s.virtualNetworkId))) : 'none';
      report({
        at: vnet.node,
        message: `Enterprise policy ${policy.id} delegates no subnet of virtual network ${vnet.text} in Azure (it delegates subnets of ${shown}): environments linked to it do not run there. ${UPDATE}`,
      });
      continue;
    }
    const network = match.virtualNetwork;
    if (subnet.region && network?.location && !same(azureRegionId, subnet.region.text, network.location)) {
      report({
        at: subnet.region.node,
        message: `Virtual network ${vnet.text} of enterprise policy ${policy.id} is in ${network.location} in Azure, but the design puts it in ${subnet.region.text}: a policy's subnets must be in the Azure regions of its Power Platform region. ${UPDATE}`,
      });
    }
    const prefixes = subnetPrefixes(network, match.subnetName);
    if (subnet.cidr && prefixes?.length && !prefixes.some((p) => prefixKey(p) === prefixKey(subnet.cidr!.text))) {
      report({
        at: subnet.cidr.node,
        message: `Subnet ${match.subnetName} of virtual network ${vnet.text} (enterprise policy ${policy.id}) is ${listWords(prefixes)} in Azure, but the design's cidr is ${subnet.cidr.text}: its size decides how many addresses the linked environments have. ${UPDATE}`,
      });
    }
  }
  const extra = deployed.subnets.filter((s) => !designed.has(vnetName(s.virtualNetworkId)));
  if (extra.length) {
    report({
      at: subnets.key,
      message: `Enterprise policy ${policy.id} also delegates ${listWords(extra.map((s) => `subnet ${s.subnetName} of ${vnetName(s.virtualNetworkId)}`))} in Azure, which the design's subnets do not list. ${UPDATE}`,
    });
  }
}

function gatewayDrift(gateway: Gateway, deployed: DeployedGatewayCluster, report: Report): void {
  const region = gateway.region;
  if (region && deployed.region && !same(azureRegionId, region.text, deployed.region)) {
    report({
      at: region.node,
      message: `Gateway ${gateway.id} is registered in ${deployed.region} in Power Platform, but the design puts it in ${region.text}: the region decides which route its traffic to Azure Relay takes. ${UPDATE}`,
    });
  }
}

export const driftValue: Rule = {
  code: 'drift-value',
  defaultSeverity: 'error',
  title: 'A value of the design differs from what is deployed: SKU, peering location, advertised prefixes, an environment\'s region, type, managed or policy, a policy\'s subnets, a gateway\'s region.',
  source: 'er-circuit-modify',
  deployment: true,
  check({ topology, deployed, report }) {
    if (!deployed) return;
    const deployment = deploymentOf(topology, deployed);
    for (const circuit of topology.circuits.values()) {
      const resource = deployedOf(deployment, circuit);
      if (resource) circuitDrift(circuit, resource, report);
    }
    for (const environment of topology.environments.values()) {
      const resource = deployedOf(deployment, environment);
      if (resource) environmentDrift(topology, deployment, environment, resource, report);
    }
    for (const policy of topology.enterprisePolicies.values()) {
      const resource = deployedOf(deployment, policy);
      if (resource) policyDrift(policy, resource, report);
    }
    for (const gateway of topology.gateways.values()) {
      const resource = deployedOf(deployment, gateway);
      if (resource) gatewayDrift(gateway, resource, report);
    }
  },
};
