/**
 * What an infrastructure-as-code export writes, read from the facts once for every format: per circuit
 * with Microsoft peering, the values its route filter allows (with the names the design gives them)
 * and the entries left out; per enterprise policy, its location when the design decides it, its
 * delegated subnets and the environments linked to it. Each format (bicep.ts, arm.ts, terraform.ts,
 * az.ts) only writes this model.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { findAzureRegion } from '../../catalog/catalog';
import { filterCommunities, FilterCommunity, policyEnvironments, policyLocation, UnplacedReason } from '../../facts';
import { Topology } from '../../model/model';
import { parseCidr } from '../../syntax/cidr';
import { camel, snake, Stems } from './names';

/** Identifiers made from a design id, unique in the export: `erAms` and `er_ams`. */
export interface Named {
  id: string;
  camel: string;
  snake: string;
}

/** Something of the design the export leaves out, and why (written as a comment). */
export interface LeftOut {
  text: string;
  why: string;
}

export interface CircuitExport extends Named {
  /** The values its route filter allows; empty when none resolves (then no filter is written). */
  communities: FilterCommunity[];
  leftOut: LeftOut[];
}

export interface VnetExport extends Named {
  /** The virtual network's name in Azure, as the design writes it. */
  name: string;
}

export interface SubnetExport extends Named {
  vnet: VnetExport;
  /** The subnet's address range. */
  cidr: string;
  /** The Azure region's display name, when the design names a known one. */
  region?: string;
}

export interface PolicyExport extends Named {
  /** The policy's location when its environments decide it (else the user gives it). */
  location?: string;
  subnets: SubnetExport[];
  leftOut: LeftOut[];
  environments: (Named & { label: string })[];
}

export interface ExportModel {
  /** The design's `name`, or the file's name. */
  title: string;
  /** How many errors the design has (as checked, after the fixes applied). */
  errors: number;
  /** The titles of the quick fixes applied before exporting (`--with-fixes`). */
  fixes: string[];
  circuits: CircuitExport[];
  /** Circuits written without Microsoft peering: no route filter to attach. */
  withoutMicrosoftPeering: string[];
  vnets: VnetExport[];
  policies: PolicyExport[];
}

const WHY_UNPLACED: Record<UnplacedReason, string> = {
  'region-unknown-community': "ppnet does not know this region's BGP community: look it up on Microsoft's ExpressRoute routing page and add it",
  'service-without-value': 'a service whose BGP community value Microsoft\'s pages do not give: select it by name in the route filter\'s list of services',
  'private-peering': 'a private-peering value, which a route filter of Microsoft peering does not take',
  sovereign: "a sovereign cloud's community, which a public-cloud circuit does not reach",
  'power-platform-region': 'a Power Platform region, not a community: write the communities of its Azure regions (--with-fixes does)',
  unknown: 'not a BGP community ppnet knows',
  'other-cloud': "ppnet knows the public cloud's communities only: write this entry as its value",
};

export interface ModelInput {
  topology: Topology;
  diagnostics: readonly Diagnostic[];
  fileName: string;
  fixes?: string[];
  /** Only this circuit's route filter (the editor's copy action); no policy. */
  circuit?: string;
}

export function buildExportModel({ topology, diagnostics, fileName, fixes = [], circuit: only }: ModelInput): ExportModel {
  const camels = new Stems(camel);
  const snakes = new Stems(snake);
  const named = (kind: string, id: string): Named => ({ id, camel: camels.of(`${kind}:${id}`, id), snake: snakes.of(`${kind}:${id}`, id) });

  const circuits: CircuitExport[] = [];
  const withoutMicrosoftPeering: string[] = [];
  for (const circuit of topology.circuits.values()) {
    if (only !== undefined && circuit.id !== only) continue;
    if (!circuit.microsoftPeering) {
      withoutMicrosoftPeering.push(circuit.id);
      continue;
    }
    const { communities, unplaced } = filterCommunities(topology, circuit);
    const leftOut = unplaced.map(({ item, reason }) => ({ text: item.text, why: WHY_UNPLACED[reason] }));
    circuits.push({ ...named('circuit', circuit.id), communities, leftOut });
  }

  const vnets = new Map<string, VnetExport>();
  const policies: PolicyExport[] = [];
  for (const policy of only === undefined ? topology.enterprisePolicies.values() : []) {
    const exported: PolicyExport = { ...named('policy', policy.id), location: policyLocation(topology, policy), subnets: [], leftOut: [], environments: [] };
    (policy.subnets?.items ?? []).forEach((subnet, index) => {
      const vnetName = subnet.vnet?.text.trim();
      const cidr = subnet.cidr?.text.trim();
      const text = [vnetName ?? '(no vnet)', cidr ?? '(no cidr)'].join(' ');
      if (!vnetName) return exported.leftOut.push({ text, why: 'the subnet names no virtual network' });
      if (!cidr || !parseCidr(cidr).ok) return exported.leftOut.push({ text, why: 'the subnet has no valid address range' });
      let vnet = vnets.get(vnetName);
      if (!vnet) vnets.set(vnetName, (vnet = { ...named('vnet', vnetName), name: vnetName }));
      const region = subnet.region && findAzureRegion(subnet.region.text)?.displayName;
      exported.subnets.push({ ...named('subnet', `${policy.id}-subnet-${index + 1}`), vnet, cidr, region });
    });
    exported.environments = policyEnvironments(topology, policy).map((e) => ({ ...named('environment', e.id), label: e.name?.text ?? e.id }));
    policies.push(exported);
  }

  return {
    title: topology.name?.text ?? fileName,
    errors: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length,
    fixes,
    circuits,
    withoutMicrosoftPeering,
    vnets: [...vnets.values()],
    policies,
  };
}

/** "12076:51002 (West Europe)", or the value alone when the design gives it no name. */
export function describeCommunity(community: FilterCommunity): string {
  return community.names.length ? `${community.value} (${community.names.join(', ')})` : `${community.value} (a value ppnet does not know)`;
}
