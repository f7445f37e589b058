/**
 * Generates realistic, valid topologies of a given size, shaped like `examples/contoso.ppnet.yaml`:
 * one "geography block" per repetition (two environments, a site, a circuit with Microsoft peering and
 * the right route filter, a gateway cluster, connectors, a desktop flow and an Azure service), so that
 * every rule has real work to do and none fires. Deterministic for a given size.
 */
import { azureRegionById, peeringLocations, powerPlatformRegions, PowerPlatformRegion } from '../server/src/service/catalog/catalog';

/** `    peeringLocation: <name>` for a peering location local to the Azure region (a standard circuit there reaches the region's pair), else nothing. */
function peeringLocationLine(azureRegionId: string): string {
  const location = peeringLocations.find((p) => p.localAzureRegions.includes(azureRegionId) && p.geopoliticalRegion);
  return location ? `    peeringLocation: ${location.displayName}\n` : '';
}

/** Regions whose every datacenter region has a known community and is an allowed gateway region. */
const REGIONS: PowerPlatformRegion[] = powerPlatformRegions.filter(
  (region) =>
    !region.note &&
    region.datacenterRegions.every((id) => azureRegionById(id)?.microsoftPeeringCommunity && (region.gatewayRegions ?? []).includes(id)),
);

interface Block {
  environments: string[];
  sites: string[];
  circuits: string[];
  gateways: string[];
  connectors: string[];
  desktopFlows: string[];
  azureServices: string[];
}

const SECTIONS: (keyof Block)[] = ['environments', 'sites', 'circuits', 'gateways', 'connectors', 'desktopFlows', 'azureServices'];

/** A unique public (not private, not documentation) /29 and /28 per block, so that nothing overlaps. */
function publicPrefix(index: number, size: 28 | 29): string {
  const third = index % 256;
  const second = Math.floor(index / 256) % 256;
  return `${size === 29 ? 20 : 40}.${second}.${third}.0/${size}`;
}

function block(index: number): Block {
  const region = REGIONS[index % REGIONS.length];
  const datacenter = region.datacenterRegions.map((id) => azureRegionById(id)!);
  const n = String(index).padStart(4, '0');
  const prod = `${region.id}-prod-${n}`;
  const dev = `${region.id}-dev-${n}`;
  const site = `site-${n}`;
  const gateway = `gw-${n}`;
  return {
    environments: [
      `  ${prod}:\n    name: ${region.displayName} production ${n}\n    region: ${region.id}\n    type: production\n    apps: [canvas, model-driven]\n    cdn: true\n`,
      `  ${dev}:\n    name: ${region.displayName} development ${n}\n    region: ${region.id}\n    type: sandbox\n    apps: [model-driven]\n`,
    ],
    sites: [
      `  ${site}:\n    name: Office ${n}\n    internet: allowed\n    addressSpace: [10.${index % 256}.0.0/16]\n    internetEgress: [${publicPrefix(index, 28)}]\n`,
    ],
    circuits: [
      `  er-${n}:\n    site: ${site}\n${peeringLocationLine(datacenter[0].id)}    region: ${region.id}\n    sku: standard\n    bandwidth: 1Gbps\n` +
        `    environments: [${prod}, ${dev}]\n    microsoftPeering:\n      advertisedPrefixes: [${publicPrefix(index, 29)}]\n      routeFilter:\n` +
        datacenter.map((azure) => `        - ${azure.displayName}       # ${azure.microsoftPeeringCommunity}\n`).join('') +
        `    privatePeering:\n      vnets: [hub-vnet-${n}]\n`,
    ],
    gateways: [
      `  ${gateway}:\n    name: Gateway cluster ${n}\n    site: ${site}\n    region: ${datacenter[0].id}\n    members: [${gateway}-01, ${gateway}-02]\n    tls: "1.2"\n`,
    ],
    connectors: [
      `  erp-sql-${n}:\n    type: sql-server\n    environment: ${prod}\n    gateway: ${gateway}\n    via: expressroute\n`,
      `  files-${n}:\n    type: file-system\n    environment: ${dev}\n    gateway: ${gateway}\n`,
      `  crm-${n}:\n    type: dataverse\n    environment: ${prod}\n`,
      `  sales-${n}:\n    type: salesforce\n    environment: ${prod}\n    via: internet\n`,
    ],
    desktopFlows: [`  bot-${n}:\n    environment: ${prod}\n    site: ${site}\n    relay: expressroute\n`],
    azureServices: [`  db-${n}:\n    type: azure-sql\n    region: ${datacenter[0].id}\n    via: microsoft-backbone\n`],
  };
}

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

/** A valid topology of about `lines` lines (never fewer than one block). */
export function generateTopology(lines: number): string {
  const header = `# Generated for the benchmark: about ${lines} lines.\nversion: 1\nname: Generated topology\ncloud: public\n`;
  const sectionLines = 2 * SECTIONS.length;
  const perBlock = lineCount(SECTIONS.map((s) => block(0)[s].join('')).join(''));
  const blocks = Math.max(1, Math.round((lines - lineCount(header) - sectionLines) / perBlock));
  const all = Array.from({ length: blocks }, (_, i) => block(i));
  return header + SECTIONS.map((section) => `\n${section}:\n${all.map((b) => b[section].join('')).join('')}`).join('');
}

/**
 * A topology of `units` units, the shape the graph benchmark and the issue measure: each unit an
 * environment, a site, a circuit with Microsoft peering, a gateway, three connectors (one through the
 * gateway, one inside Microsoft's network, one over the internet) and a desktop flow. About 40 lines a
 * unit; valid and deterministic.
 */
export function generateUnits(units: number): string {
  const parts: Record<keyof Block, string[]> = { environments: [], sites: [], circuits: [], gateways: [], connectors: [], desktopFlows: [], azureServices: [] };
  for (let index = 0; index < units; index++) {
    const region = REGIONS[index % REGIONS.length];
    const datacenter = region.datacenterRegions.map((id) => azureRegionById(id)!);
    const n = String(index).padStart(4, '0');
    const env = `${region.id}-env-${n}`;
    const site = `site-${n}`;
    const gateway = `gw-${n}`;
    parts.environments.push(`  ${env}:\n    name: ${region.displayName} ${n}\n    region: ${region.id}\n    type: production\n    apps: [canvas, model-driven]\n    cdn: true\n`);
    parts.sites.push(`  ${site}:\n    name: Office ${n}\n    internet: allowed\n    addressSpace: [10.${index % 256}.0.0/16]\n    internetEgress: [${publicPrefix(index, 28)}]\n`);
    parts.circuits.push(
      `  er-${n}:\n    site: ${site}\n${peeringLocationLine(datacenter[0].id)}    region: ${region.id}\n    sku: standard\n    bandwidth: 1Gbps\n` +
        `    environments: [${env}]\n    microsoftPeering:\n      advertisedPrefixes: [${publicPrefix(index, 29)}]\n      routeFilter:\n` +
        datacenter.map((azure) => `        - ${azure.displayName}       # ${azure.microsoftPeeringCommunity}\n`).join(''),
    );
    parts.gateways.push(`  ${gateway}:\n    name: Gateway cluster ${n}\n    site: ${site}\n    region: ${datacenter[0].id}\n    members: [${gateway}-01, ${gateway}-02]\n    tls: "1.2"\n`);
    parts.connectors.push(
      `  erp-sql-${n}:\n    type: sql-server\n    environment: ${env}\n    gateway: ${gateway}\n    via: expressroute\n`,
      `  crm-${n}:\n    type: dataverse\n    environment: ${env}\n`,
      `  sales-${n}:\n    type: salesforce\n    environment: ${env}\n    via: internet\n`,
    );
    parts.desktopFlows.push(`  bot-${n}:\n    environment: ${env}\n    site: ${site}\n    relay: expressroute\n`);
  }
  const header = `# Generated for the graph benchmark: ${units} units.\nversion: 1\nname: Generated topology (${units} units)\ncloud: public\n`;
  return header + SECTIONS.filter((s) => parts[s].length).map((section) => `\n${section}:\n${parts[section].join('')}`).join('');
}
