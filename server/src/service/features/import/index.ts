/**
 * `ppnet import`'s work, pure: the deployed estate and the map in, the topology's YAML text and the
 * findings about what was imported out. The same estate and map always give the same text (entities
 * sorted by id, keys in the format's order), so an import can be re-run and diffed.
 */
import type { Range } from 'vscode-languageserver-types';
import type { DeployedCircuit, DeployedEstate } from '../../deployed/estate';
import { idKey } from '../../deployed/json';
import { circuitIssues, CircuitIssue } from '../../deployed/health';
import { ruleUrl } from '../../validation/rule';
import { ruleByCode } from '../../validation/rules';
import { buildEntities, Resolver } from './build';
import { emitYaml, fromJson, scalar, YamlEntry, YamlMap } from './emit';
import { emptyMap, ImportMap, VerbatimSection } from './map';

export { parseImportMap, emptyMap, ImportMap, MapFinding } from './map';

/** Where the README says what import reads and writes: the link of findings that are not Microsoft's facts. */
export const IMPORT_URL = 'https://github.com/ppnet/ppnet#import';

export interface ImportFinding {
  code: string;
  severity: 'error' | 'warning' | 'information';
  message: string;
  href: string;
  /** On the written topology (the entity's id key), or on the map file. */
  at: { line: number; character: number; length: number } | { map: Range };
}

export interface ImportResult {
  text: string;
  findings: ImportFinding[];
}

const SECTION_ORDER = ['environments', 'enterprisePolicies', 'sites', 'circuits', 'gateways', 'connectors', 'desktopFlows', 'azureServices'] as const;

export function importTopology(estate: DeployedEstate, map: ImportMap = emptyMap()): ImportResult {
  const built = buildEntities(estate, map);
  const top: YamlEntry[] = [{ key: 'version', value: 1 }];
  if (map.name) top.push({ key: 'name', value: map.name });
  if (map.cloud) top.push({ key: 'cloud', value: map.cloud });
  for (const section of SECTION_ORDER) {
    const entries: YamlEntry[] =
      section === 'sites' || section === 'connectors' || section === 'desktopFlows' || section === 'azureServices'
        ? verbatim(section, map, built.resolve)
        : built.entities[section].map(({ id, entry }) => ({ key: id, value: entry, mark: `${section}/${id}` }));
    if (entries.length) top.push({ key: section, value: { entries } });
  }
  const header = [
    'Written by ppnet import from what Azure and Power Platform export. A "TODO" line names a key that no',
    'export holds: write it here, or in the map (ppnet import --map), and import again.',
  ];
  const { text, lines } = emitYaml(header, top);

  const findings: ImportFinding[] = [];
  const at = (section: string, id: string) => ({ line: lines.get(`${section}/${id}`) ?? 0, character: 2, length: scalar(id).length });
  for (const circuit of estate.circuits) {
    const id = built.ids.circuits.get(idKey(circuit.azureId))!;
    for (const issue of circuitIssues(circuit)) findings.push({ ...describeIssue(issue, circuit, id), at: at('circuits', id) });
  }
  for (const { section, id, message } of built.unmapped) {
    findings.push({ code: 'import-value-unmapped', severity: 'information', message: `${capitalizeNoun(section)} ${id}: ${message}`, href: IMPORT_URL, at: at(section, id) });
  }
  for (const { section, entry } of built.unmatched) {
    const known = built.entities[section].map((e) => e.id);
    findings.push({
      code: 'map-unmatched',
      severity: 'warning',
      message: `The map's ${section} entry ${entry.key} names no imported ${NOUN[section]} (by the id the import gives, its Azure name or its id), so it is not used${known.length ? `; the imported ones are ${known.join(', ')}` : `; the inputs hold no ${NOUN[section]}`}.`,
      href: IMPORT_URL,
      at: { map: entry.range },
    });
  }
  findings.sort((a, b) => lineOfFinding(a) - lineOfFinding(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : 1));
  return { text, findings };
}

const NOUN = { circuits: 'circuit', environments: 'environment', enterprisePolicies: 'enterprise policy', gateways: 'gateway' } as const;

function capitalizeNoun(section: keyof typeof NOUN): string {
  const noun = NOUN[section];
  return noun[0].toUpperCase() + noun.slice(1);
}

function lineOfFinding(finding: ImportFinding): number {
  return 'line' in finding.at ? finding.at.line : finding.at.map.start.line - 1_000_000;
}

/** The map's sites, connectors, desktop flows and Azure services, as written, their references to imported entities resolved to the ids the import gives. */
function verbatim(section: VerbatimSection, map: ImportMap, resolve: Resolver): YamlEntry[] {
  const entities = map.verbatim[section] ?? {};
  return Object.keys(entities)
    .sort()
    .map((id) => {
      const value = fromJson(entities[id]) ?? { entries: [] };
      const entry = value as YamlMap;
      if (entry.entries) {
        for (const field of entry.entries) {
          if (field.key === 'environment' && typeof field.value === 'string') field.value = resolve('environments', field.value);
          if (field.key === 'gateway' && typeof field.value === 'string') field.value = resolve('gateways', field.value);
        }
      }
      return { key: id, value };
    });
}

/** The severity and link of a deployment-only issue are its drift rule's, so that import and drift cannot disagree. */
function ruleOf(code: CircuitIssue['code']): Pick<ImportFinding, 'severity' | 'href'> {
  const rule = ruleByCode(code)!;
  return { severity: rule.defaultSeverity === 'error' || rule.defaultSeverity === 'warning' ? rule.defaultSeverity : 'information', href: ruleUrl(rule) };
}

/** A deployment-only issue of a circuit, in ppnet's words, with the Microsoft page it comes from. */
export function describeIssue(issue: CircuitIssue, circuit: DeployedCircuit, id: string): Omit<ImportFinding, 'at'> {
  const who = id === circuit.name ? `Circuit ${id}` : `Circuit ${id} (${circuit.name} in Azure)`;
  const base = { code: issue.code, ...ruleOf(issue.code) };
  switch (issue.code) {
    case 'circuit-not-provisioned':
      return {
        ...base,
        message: `${who} is not provisioned by its connectivity provider (serviceProviderProvisioningState is ${issue.state}), so it carries no traffic yet and its peerings cannot be configured. Give the provider the circuit's service key and wait for Provisioned.`,
      };
    case 'peering-disabled':
      return {
        ...base,
        message: `${who}: its ${issue.peering === 'microsoft' ? 'Microsoft' : 'private'} peering is disabled (state Disabled), so its BGP sessions are down and nothing crosses it. Enable the peering in Azure, or leave it out of the design.`,
      };
    case 'prefix-validation-pending':
      return {
        ...base,
        message: `${who}: Microsoft has not validated the advertised prefixes ${issue.prefixes.join(', ')} (advertisedPublicPrefixesState is ${issue.state}), so it advertises no routes for them yet. ${issue.state.toLowerCase() === 'validationneeded' ? 'Open a support request with documents that show the prefixes are assigned to you, as the routing registry does not.' : 'Wait for Configured, and check the routing registry if it does not come.'}`,
      };
    case 'route-filter-no-allow':
      return {
        ...base,
        message:
          issue.reason === 'no-filter'
            ? `${who}: no route filter is attached to its Microsoft peering, so Microsoft advertises no prefixes over it (for circuits whose peering was configured from August 2017 on). Attach a route filter that allows the communities of the regions and services the environments use.`
            : `${who}: route filter ${issue.filter} on its Microsoft peering has no Allow rule with a community, so Microsoft advertises no prefixes over it. Add a rule that allows the communities of the regions and services the environments use.`,
      };
  }
}
