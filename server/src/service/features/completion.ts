/**
 * Completion, aware of where the cursor is (read from the text, so that it works while the file is
 * broken): keys not yet written, enumerated values, regions of the right kind, route-filter
 * communities (the missing ones first), references, connector types, rule codes in disable comments,
 * and snippets for new entities and a new file.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Command, CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, InsertTextMode, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { azureRegions, connectors, findPeeringLocation, findPowerPlatformRegion, geographyOf, geopoliticalRegionOf, peeringLocations, powerPlatformRegions, regionalServiceKinds, resolveRouteFilterEntry, serviceCommunities, sovereignRegionCommunitiesOf, sovereignServiceCommunities, virtualNetworkConnectors, virtualNetworkRegion } from '../catalog/catalog';
import { overlaps, parseCidr } from '../syntax/cidr';
import { CursorContext, cursorContext } from '../syntax/cursorContext';
import { schemaAt, VALUE_DOCS } from './content/docs';
import { allEntities, cloudOf, entitiesOf, Environment, KIND_OF_SECTION, labelOf, Topology } from '../model/model';
import { REFERENCE_FIELDS } from '../model/references';
import { RULES } from '../validation/rules';
import { deref } from '../model/schema';
import { ENTITY_SNIPPETS, SnippetDefaults, STARTER_FILE } from './content/snippets';
import { azureRegionMarkdown, peeringLocationMarkdown, powerPlatformRegionMarkdown, skuReachText, summarize } from './content/summary';
import { datacenterRegionsOf, regionsNeeded, servedEnvironments, allPolicyVnets, policyEnvironments, vnetRegionsNeeded, environmentRegion, regionNames } from '../facts';
import { indentUnit } from '../text/layout';
import { rangeOf } from '../text/ranges';
import { listWords } from '../text/words';

type Schema = ReturnType<typeof deref>;

/** What the item generators need besides the cursor. */
interface Place {
  topology: Topology;
  range: Range;
  /** The file's indentation step. */
  unit: string;
}

const RETRIGGER: Command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

export function doComplete(topology: Topology, document: TextDocument, position: Position): CompletionList {
  const text = document.getText();
  const context = cursorContext(text, document.offsetAt(position));
  if (context.kind === 'none') return { isIncomplete: false, items: [] };
  const place: Place = { topology, range: rangeOf(document, context.range), unit: ' '.repeat(indentUnit(text)) };
  const items = itemsFor(context, place, text);
  items.forEach((item, index) => (item.sortText = String(index).padStart(4, '0')));
  return { isIncomplete: false, items };
}

function itemsFor(context: Exclude<CursorContext, { kind: 'none' }>, place: Place, text: string): CompletionItem[] {
  switch (context.kind) {
    case 'key':
      return keyItems(context, place, text);
    case 'value':
      return valueItems(context.path, place, context.quoted);
    case 'item':
      return listItems(context.path, place, context.quoted, context.prefix, context.siblings);
    case 'ruleCode':
      return RULES.filter((rule) => !context.siblings.includes(rule.code)).map((rule) =>
        item(rule.code, CompletionItemKind.EnumMember, place, { detail: rule.title }),
      );
  }
}

// ---- Keys and snippets ----

function keyItems(context: Extract<CursorContext, { kind: 'key' }>, place: Place, text: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (context.path.length === 0 && text.trim() === '') {
    items.push({
      ...item('New topology file', CompletionItemKind.File, place, { detail: 'A commented starter file: one environment, site, circuit, gateway, connector and desktop flow.' }),
      textEdit: TextEdit.replace(place.range, STARTER_FILE),
      filterText: context.prefix || 'New topology file',
    });
  }
  const section = context.path.length === 1 ? context.path[0] : undefined;
  const snippet = context.flow ? undefined : ENTITY_SNIPPETS.find((s) => s.section === section);
  if (snippet) {
    items.push({
      ...item(snippet.label, CompletionItemKind.Snippet, place, { detail: snippet.description }),
      textEdit: TextEdit.replace(place.range, snippet.body(place.unit, snippetDefaults(place.topology))),
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      filterText: context.prefix || snippet.label,
    });
  }
  const found = schemaAt(context.path);
  // The keys of a map in a list (an enterprise policy's subnets) are those of the list's items.
  const schema = found?.type === 'array' ? deref(found.items) : found;
  if (!schema?.properties) return items;
  const required = new Set(schema.required ?? []);
  const names = Object.keys(schema.properties).filter((name) => !context.siblings.includes(name));
  names.sort((a, b) => Number(required.has(b)) - Number(required.has(a)));
  for (const name of names) {
    const property = deref(schema.properties[name])!;
    const path = [...context.path, name];
    const completable = valueItems(path, place, false).length > 0 || listItems(path, place, false, '', []).length > 0;
    items.push({
      ...item(name, CompletionItemKind.Property, place, {
        detail: required.has(name) ? 'required' : undefined,
        documentation: property.description,
      }),
      textEdit: TextEdit.replace(place.range, context.hasColon ? name : context.flow ? `${name}: $0` : keySnippet(name, property, place.unit)),
      insertTextFormat: context.hasColon ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      command: completable && !context.hasColon ? RETRIGGER : undefined,
    });
  }
  return items;
}

function keySnippet(name: string, property: NonNullable<Schema>, unit: string): string {
  if (property.type === 'object') return `${name}:\n${unit}$0`;
  if (name === 'routeFilter') return `${name}:\n${unit}- $0`;
  if (property.type === 'array') return `${name}: [$0]`;
  return `${name}: $0`;
}

/** The file's own ids and the regions that go with them, so that a snippet fits where it lands. */
function snippetDefaults(topology: Topology): SnippetDefaults {
  const environment = firstOf(topology.environments.values());
  const region = (environment && environmentRegion(environment)) || findPowerPlatformRegion('europe')!;
  const taken = new Set(allEntities(topology).map((e) => e.id));
  return {
    environment: environment?.id ?? 'contoso-prod',
    site: firstOf(topology.sites.keys()) ?? 'hq',
    gateway: firstOf(topology.gateways.keys()) ?? 'gw-hq',
    region: region.id,
    regions: powerPlatformRegions.map((r) => r.id),
    routeFilter: regionNames(region.datacenterRegions),
    azureRegion: region.datacenterRegions[0],
    vnetRegions: virtualNetworkRegion(region)?.azureRegions ?? region.datacenterRegions,
    advertisedPrefix: freePrefix(topology),
    freshId: (id) => {
      let fresh = id;
      for (let n = 2; taken.has(fresh); n++) fresh = `${id}-${n}`;
      return fresh;
    },
  };
}

/** A /29 of the documentation range that no circuit advertises and no site uses for the internet. */
function freePrefix(topology: Topology): string {
  const used = [
    ...[...topology.circuits.values()].flatMap((c) => c.microsoftPeering?.advertisedPrefixes?.items ?? []),
    ...[...topology.sites.values()].flatMap((s) => s.internetEgress?.items ?? []),
  ].flatMap((item) => {
    const parsed = parseCidr(item.text);
    return parsed.ok || parsed.reason === 'host-bits' ? [parsed.cidr] : [];
  });
  for (let block = 0; block < 256; block += 8) {
    const candidate = parseCidr(`203.0.113.${block}/29`);
    if (candidate.ok && !used.some((cidr) => overlaps(cidr, candidate.cidr))) return `203.0.113.${block}/29`;
  }
  return '203.0.113.0/29';
}

function firstOf<T>(values: Iterable<T>): T | undefined {
  for (const value of values) return value;
  return undefined;
}

// ---- Values ----

function valueItems(path: string[], place: Place, quoted: boolean): CompletionItem[] {
  const [section, id, field] = path;
  const kind = KIND_OF_SECTION[section];
  if (path.length === 3 && field === 'region' && kind) {
    return kind === 'environment' || kind === 'circuit'
      ? powerPlatformRegionItems(place, kind === 'circuit' ? circuitEnvironments(place.topology, id) : [])
      : azureRegionItems(place, kind === 'gateway' ? gatewayEnvironments(place.topology, id) : [...place.topology.environments.values()]);
  }
  const target = kind && path.length === 3 ? REFERENCE_FIELDS[kind]?.[field] : undefined;
  if (target && field !== 'environments') return referenceItems(place, target, []);
  if (kind === 'circuit' && path.length === 3 && field === 'peeringLocation') return peeringLocationItems(place, id);
  if (kind === 'circuit' && path.length === 3 && field === 'sku') return skuItems(place, id);
  if (kind === 'connector' && path.length === 3 && field === 'type') {
    // After via: vnet, the connectors that run in a delegated subnet.
    return place.topology.connectors.get(id)?.via?.text === 'vnet' ? vnetConnectorItems(place) : connectorTypeItems(place);
  }
  if (kind === 'enterprisePolicy' && path.length === 4 && field === 'subnets' && path[3] === 'region') return subnetRegionItems(place, id);
  if (kind === 'enterprisePolicy' && path.length === 4 && field === 'subnets' && path[3] === 'hub') return hubItems(place);
  return enumItems(schemaAt(path), field ?? section, place, quoted, []);
}

function listItems(path: string[], place: Place, quoted: boolean, prefix: string, siblings: string[]): CompletionItem[] {
  const [section, id, field, sub] = path;
  if (section === 'circuits' && path.length === 3 && field === 'environments') return referenceItems(place, 'environment', siblings);
  if (section === 'environments' && path.length === 3 && field === 'datacenterRegions') {
    const environment = place.topology.environments.get(id);
    return azureRegionItems(place, environment ? [environment] : []).filter((i) => !siblings.includes(i.label));
  }
  if (section === 'circuits' && path.length === 4 && field === 'privatePeering' && sub === 'vnets') return vnetItems(place, siblings);
  if (section === 'circuits' && path.length === 4 && field === 'microsoftPeering' && sub === 'routeFilter') {
    return routeFilterItems(place, id, prefix, siblings);
  }
  const schema = schemaAt(path);
  if (schema?.type === 'array' && deref(schema.items)?.properties) {
    // `- ` in a list of maps: its first key.
    return keyItems({ kind: 'key', path, prefix, range: { start: 0, end: 0 }, siblings: [], hasColon: false, flow: false }, place, '');
  }
  return schema?.type === 'array' ? enumItems(deref(schema.items), path[path.length - 1], place, quoted, siblings) : [];
}

/** The virtual networks of the file's enterprise policies, for a circuit's private peering. */
function vnetItems(place: Place, siblings: string[]): CompletionItem[] {
  return allPolicyVnets(place.topology)
    .filter(({ vnet }) => !siblings.includes(vnet))
    .map(({ vnet, policy, region, hub }) =>
      item(vnet, CompletionItemKind.Reference, place, {
        detail: hub ? `hub the networks of enterprise policy ${policy.id} are peered to` : `delegated subnet of enterprise policy ${policy.id}`,
        description: region,
        documentation: summarize(place.topology, policy),
      }),
    );
}

/** Hub networks for a delegated subnet's `hub`: the networks circuits link over private peering that no policy delegates a subnet in. */
function hubItems(place: Place): CompletionItem[] {
  const delegated = new Set(allPolicyVnets(place.topology).filter((v) => !v.hub).map((v) => v.vnet));
  const hubs = new Map<string, string[]>();
  for (const circuit of place.topology.circuits.values()) {
    for (const { text } of circuit.privatePeering?.vnets?.items ?? []) if (!delegated.has(text)) hubs.set(text, [...(hubs.get(text) ?? []), circuit.id]);
  }
  return [...hubs].map(([vnet, circuits]) => item(vnet, CompletionItemKind.Reference, place, { detail: `linked over the private peering of ${listWords(circuits)}` }));
}

/** The connectors that run their calls in a delegated subnet. */
function vnetConnectorItems(place: Place): CompletionItem[] {
  return virtualNetworkConnectors().map((connector) =>
    item(connector.id, CompletionItemKind.Value, place, { detail: connector.displayName, description: 'runs in the delegated subnet' }),
  );
}

/** Azure regions for a delegated subnet: those the policy's environments run in first. */
function subnetRegionItems(place: Place, policyId: string): CompletionItem[] {
  const policy = place.topology.enterprisePolicies.get(policyId);
  const environments = policy ? policyEnvironments(place.topology, policy) : [];
  const needed = [...new Set(environments.flatMap((e) => vnetRegionsNeeded(e) ?? []))];
  const items = azureRegionItems(place, environments);
  const first = items.filter((i) => needed.includes(i.label));
  for (const i of first) {
    const ids = environments.filter((e) => vnetRegionsNeeded(e)?.includes(i.label)).map((e) => e.id);
    i.labelDetails = { description: `needed: ${ids.join(', ')} ${ids.length > 1 ? 'run' : 'runs'} there` };
  }
  return [...first, ...items.filter((i) => !needed.includes(i.label))];
}

function enumItems(schema: Schema, field: string, place: Place, quoted: boolean, siblings: string[]): CompletionItem[] {
  const values = schema?.enum ?? (schema?.type === 'boolean' ? [true, false] : []);
  return values
    .map(String)
    .filter((value) => !siblings.includes(value))
    .map((value) => {
      // A string that YAML would read as a number or boolean is quoted (`tls: "1.2"`).
      const needsQuotes = !quoted && schema?.type === 'string' && /^[\d.]+$|^(true|false|null)$/.test(value);
      return {
        ...item(value, CompletionItemKind.EnumMember, place, { detail: VALUE_DOCS[field]?.[value] }),
        textEdit: TextEdit.replace(place.range, needsQuotes ? `"${value}"` : value),
      };
    });
}

function powerPlatformRegionItems(place: Place, first: Environment[]): CompletionItem[] {
  const preferred = new Set(first.map((e) => environmentRegion(e)?.id));
  const regions = [...powerPlatformRegions].sort((a, b) => Number(preferred.has(b.id)) - Number(preferred.has(a.id)));
  return regions.map((region) => {
    const pair = regionNames(region.datacenterRegions).join(' + ');
    const servedBy = first.filter((e) => environmentRegion(e)?.id === region.id).map((e) => e.id);
    return item(region.id, CompletionItemKind.Value, place, {
      detail: `${region.displayName}: ${pair}`,
      description: servedBy.length ? `region of ${servedBy.join(', ')}` : undefined,
      documentation: powerPlatformRegionMarkdown(region),
    });
  });
}

/** Azure regions, those of the related environments' geographies first (datacenter regions before the others). */
function azureRegionItems(place: Place, environments: Environment[]): CompletionItem[] {
  const preferred = new Map<string, string>();
  for (const environment of environments) {
    const region = environmentRegion(environment);
    if (!region) continue;
    for (const id of geographyOf(region)) {
      const role = region.datacenterRegions.includes(id) ? 'datacenter region' : 'gateway region';
      if (!preferred.has(id)) preferred.set(id, `${role} of ${region.id} (${environment.id})`);
    }
  }
  const order = [...preferred.keys()];
  const regions = [...azureRegions].sort((a, b) => rank(order, a.id) - rank(order, b.id));
  return regions.map((region) =>
    item(region.id, CompletionItemKind.Value, place, {
      detail: `${region.displayName}${region.microsoftPeeringCommunity ? ` · ${region.microsoftPeeringCommunity}` : ''}`,
      description: preferred.get(region.id),
      documentation: azureRegionMarkdown(region),
    }),
  );
}

function rank(order: string[], id: string): number {
  const index = order.indexOf(id);
  return index < 0 ? order.length : index;
}

/** The environments a circuit serves. */
function circuitEnvironments(topology: Topology, circuitId: string): Environment[] {
  const circuit = topology.circuits.get(circuitId);
  return circuit ? servedEnvironments(topology, circuit) : [];
}

/** The environments whose connectors use a gateway; else those served at its site; else all of them. */
function gatewayEnvironments(topology: Topology, gatewayId: string): Environment[] {
  const ids = [...topology.connectors.values()].filter((c) => c.gateway?.text === gatewayId).map((c) => c.environment?.text);
  const site = topology.gateways.get(gatewayId)?.site?.text;
  if (ids.length === 0 && site) {
    for (const circuit of topology.circuits.values()) {
      if (circuit.site?.text === site) ids.push(...(circuit.environments?.items.map((i) => i.text) ?? []));
    }
  }
  const environments = [...new Set(ids)].map((id) => id && topology.environments.get(id)).filter((e): e is Environment => !!e);
  return environments.length ? environments : [...topology.environments.values()];
}

function referenceItems(place: Place, kind: Parameters<typeof entitiesOf>[1], siblings: string[]): CompletionItem[] {
  return [...entitiesOf(place.topology, kind).values()]
    .filter((entity) => !siblings.includes(entity.id))
    .map((entity) =>
      item(entity.id, CompletionItemKind.Reference, place, {
        detail: entity.name ? labelOf(entity) : undefined,
        documentation: summarize(place.topology, entity),
      }),
    );
}

/**
 * Peering locations by name: first those local to the datacenter regions of the circuit's environments,
 * then those of the same geopolitical region, then the others; each with its geopolitical and local regions.
 */
function peeringLocationItems(place: Place, circuitId: string): CompletionItem[] {
  const needed = circuitEnvironments(place.topology, circuitId).flatMap((e) => [...datacenterRegionsOf(e)]);
  const geopolitical = new Set(needed.map(geopoliticalRegionOf).filter(Boolean));
  const score = (local: string[], geo: string | null) => (local.some((id) => needed.includes(id)) ? 0 : geo && geopolitical.has(geo) ? 1 : 2);
  const sorted = [...peeringLocations].sort(
    (a, b) => score(a.localAzureRegions, a.geopoliticalRegion) - score(b.localAzureRegions, b.geopoliticalRegion) || a.displayName.localeCompare(b.displayName),
  );
  return sorted.map((location) => {
    const local = regionNames(location.localAzureRegions).join(', ');
    return item(location.displayName, CompletionItemKind.Value, place, {
      detail: `${location.geopoliticalRegion ?? 'geopolitical region unknown'} · local: ${local || 'none'}`,
      description: score(location.localAzureRegions, location.geopoliticalRegion) === 0 ? 'local to your environments' : undefined,
      documentation: peeringLocationMarkdown(location),
    });
  });
}

/** The SKUs, each with what it reaches from the circuit's peering location when the catalog knows it. */
function skuItems(place: Place, circuitId: string): CompletionItem[] {
  const written = place.topology.circuits.get(circuitId)?.peeringLocation?.text;
  const location = written ? findPeeringLocation(written) : undefined;
  return (['standard', 'premium', 'local'] as const).map((sku) => item(sku, CompletionItemKind.EnumMember, place, { detail: skuReachText(sku, location) }));
}

function connectorTypeItems(place: Place): CompletionItem[] {
  const routes = {
    'on-premises': 'on-premises: needs a gateway',
    microsoft: 'Microsoft service: no gateway',
    'third-party': 'third-party service: no gateway, over the internet',
    either: 'on-premises with a gateway, else third-party',
  };
  return connectors.map((connector) =>
    item(connector.id, CompletionItemKind.Value, place, {
      detail: connector.displayName,
      description: routes[connector.target],
    }),
  );
}

// ---- Route filter ----

/** Communities a route filter lacks: first those its circuit's environments need, then the others. */
function routeFilterItems(place: Place, circuitId: string, prefix: string, siblings: string[]): CompletionItem[] {
  const present = new Set<string>();
  for (const sibling of siblings) {
    const entry = resolveRouteFilterEntry(sibling);
    if (entry.kind === 'region') present.add(entry.community);
    if (entry.kind === 'service') present.add(entry.service.value ?? entry.service.name);
    if (entry.kind === 'regional-service' || entry.kind === 'sovereign') present.add(entry.value);
  }
  const values = /^\d/.test(prefix) || (prefix === '' && siblings.length > 0 && siblings.every((s) => /^\d+:\d+$/.test(s)));
  const items: CompletionItem[] = [];
  const add = (name: string, value: string | null, kind: CompletionItemKind, detail: string, documentation?: string) => {
    const key = value ?? name;
    if (present.has(key) || (values && !value)) return;
    present.add(key);
    items.push(item(values && value ? value : name, kind, place, { detail, description: values ? name : (value ?? undefined), documentation }));
  };
  const cloud = cloudOf(place.topology);
  if (cloud !== 'public') {
    // A sovereign cloud's circuits carry its own regions and services only (national clouds are isolated).
    for (const [value, name] of sovereignRegionCommunitiesOf(cloud)) add(name, value, CompletionItemKind.Value, 'regional community of this cloud');
    if (cloud !== 'china') for (const service of sovereignServiceCommunities) add(service.name, service.value, CompletionItemKind.Module, 'US Government service community');
    return items;
  }
  const circuit = place.topology.circuits.get(circuitId);
  for (const { region, environment } of circuit ? regionsNeeded(place.topology, circuit) : []) {
    if (!region.microsoftPeeringCommunity) continue; // catalog-gap says the value is unknown
    const geography = environmentRegion(environment)!;
    add(region.displayName, region.microsoftPeeringCommunity, CompletionItemKind.Value, `needed: ${environment.id} runs in ${geography.displayName}`, azureRegionMarkdown(region));
  }
  const regional = azureRegions.filter((r) => r.microsoftPeeringCommunity).sort((a, b) => a.displayName.localeCompare(b.displayName));
  for (const region of regional) add(region.displayName, region.microsoftPeeringCommunity!, CompletionItemKind.Value, 'regional community', azureRegionMarkdown(region));
  for (const service of serviceCommunities) {
    // CRM Online carries Dynamics 8.2 and earlier only; route-filter-service-community warns about it.
    if (service.value === '12076:5040') continue;
    const portal = service.portalNames?.length ? ` (listed as ${service.portalNames.join(', ')})` : '';
    add(service.name, service.value, CompletionItemKind.Module, `service community${portal}${service.note ? `: ${service.note}` : ''}`);
  }
  // One service in one region (Azure Storage of West Europe...): offered once values are being typed, as they are written only as values.
  if (values && prefix !== '') {
    for (const region of regional) {
      for (const kind of regionalServiceKinds) {
        const value = region.regionalServiceCommunities?.[kind.key];
        if (value) add(`${kind.name} in ${region.displayName}`, value, CompletionItemKind.Value, `${kind.name} in ${region.displayName} only, not the region's community`);
      }
    }
  }
  return items;
}

// ---- Helpers ----

interface ItemDetails {
  detail?: string;
  /** Shown after the label, less prominently. */
  description?: string;
  documentation?: string;
}

function item(label: string, kind: CompletionItemKind, place: Place, details: ItemDetails): CompletionItem {
  const result: CompletionItem = { label, kind, textEdit: TextEdit.replace(place.range, label) };
  if (details.detail) result.detail = details.detail;
  if (details.description) result.labelDetails = { description: details.description };
  if (details.documentation) result.documentation = { kind: 'markdown', value: details.documentation };
  return result;
}


