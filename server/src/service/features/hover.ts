/**
 * Hover: on a key, what it means and the concept behind it with its sources; on an entity id or a
 * reference, a summary of the entity; on a region, its datacenter regions and community values; on a
 * route-filter entry, the community it denotes; on a connector type, its route and gateway need; on
 * an enumerated value, its meaning; on a rule code in a disable comment, the rule. On a value that is
 * wrong where it stands, what was expected there and why.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import {
  azureRegionById,
  ConnectorInfo,
  findAzureRegion,
  findConnector,
  findPeeringLocation,
  findPowerPlatformRegion,
  geopoliticalRegionOf,
  peeringLocations,
  powerPlatformRegions,
  powerPlatformRegionsContaining,
  RESERVED_SUBNET_ADDRESSES,
  resolveRouteFilterEntry,
  virtualNetworkSupport,
} from '../catalog/catalog';
import { parseCidr } from '../syntax/cidr';
import { addressesNeeded, policiesOfVnet, policiesPeeredTo, prefixFitting, usableAddresses, circuitReaches, datacenterRegionFit, environmentRegion, homeGeopoliticalRegion, regionsNeeded, skuOf, regionNames } from '../facts';
import { conceptMarkdown, conceptOfKey, schemaAt, sourceLinks, VALUE_DOCS } from './content/docs';
import { entitiesOf, Entity, KIND_OF_SECTION, Topology } from '../model/model';
import { nodeAt } from '../syntax/nodeAt';
import { blockKeyAt } from '../syntax/cursorContext';
import { Scalar, scalarText, Span } from '../syntax/parse';
import { deref } from '../model/schema';
import { REFERENCE_FIELDS, resolveReference } from '../model/references';
import { closest } from '../text/suggest';
import { ruleUrl } from '../validation/rule';
import { rangeOf } from '../text/ranges';
import { entityNoun, listWords, withArticle } from '../text/words';
import { ruleByCode } from '../validation/rules';
import { azureRegionMarkdown, peeringLocationMarkdown, powerPlatformRegionMarkdown, skuReachText, summarize } from './content/summary';
import { findDirectives } from '../validation/suppression';

/**
 * `parse` gives the topology of the document's text. A key's meaning does not depend on the rest of the
 * file: when the text alone says which key the cursor is on, its hover is answered without a parse, so
 * that it never waits for the keystroke just typed to be parsed (an entity's own key excepted: its
 * summary reads the topology).
 */
export function doHover(parse: () => Topology, document: TextDocument, position: Position): Hover | null {
  const offset = document.offsetAt(position);
  const key = blockKeyAt(document.getText(), offset);
  if (key && !isEntityKey(key.path)) {
    const markdown = keyMarkdown(parse, key.path);
    return markdown ? hover(document, key.span, markdown) : null;
  }
  const topology = parse();
  const at = nodeAt(topology.parsed.doc, offset);
  if (!at) return ruleCodeHover(topology, document, offset);
  const path = at.path.filter((segment): segment is string => typeof segment === 'string');
  const text = String(at.node.value ?? '');
  const markdown = at.isKey ? keyMarkdown(() => topology, path) : (valueMarkdown(topology, path, text) ?? wrongValueMarkdown(topology, path, at.node, typeof at.path[at.path.length - 1] === 'number'));
  return markdown ? hover(document, at.node, markdown) : null;
}

/** The key of an entity (`er-ams` under `circuits`). */
function isEntityKey(path: string[]): boolean {
  return path.length === 2 && !!KIND_OF_SECTION[path[0]];
}

function hover(document: TextDocument, at: { range?: [number, number, number] | null } | Span, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(document, at) };
}

function keyMarkdown(parse: () => Topology, path: string[]): string | undefined {
  const kind = KIND_OF_SECTION[path[0]];
  const concept = conceptOfKey(path);
  if (isEntityKey(path)) {
    const topology = parse();
    const found = entitiesOf(topology, kind).get(path[1]) as Entity | undefined;
    return [found ? summarize(topology, found) : undefined, concept ? conceptMarkdown(concept) : undefined].filter(Boolean).join('\n\n');
  }
  const description = schemaAt(path)?.description;
  if (!description && !concept) return undefined;
  return [`**${path[path.length - 1]}**${description ? `: ${description}` : ''}`, concept ? conceptMarkdown(concept) : undefined]
    .filter(Boolean)
    .join('\n\n');
}

function valueMarkdown(topology: Topology, path: string[], text: string): string | undefined {
  const [section, , field, sub] = path;
  const kind = KIND_OF_SECTION[section];
  if (kind && path.length === 3 && field === 'region') {
    if (kind === 'environment' || kind === 'circuit') {
      const region = findPowerPlatformRegion(text);
      return region && `${powerPlatformRegionMarkdown(region)}\n\n${sourceLinks(['pa-regions', 'routing'])}`;
    }
    const region = findAzureRegion(text);
    return region && `${azureRegionMarkdown(region)}\n\n${sourceLinks(['routing', 'gw-region'])}`;
  }
  if (kind === 'circuit' && field === 'microsoftPeering' && sub === 'routeFilter') return communityMarkdown(text);
  if (kind === 'circuit' && path.length === 3 && (field === 'peeringLocation' || field === 'sku')) return reachMarkdown(topology, path[1], field);
  if (kind === 'environment' && path.length === 3 && field === 'datacenterRegions') return datacenterRegionMarkdown(topology, path[1], text);
  if (kind === 'enterprisePolicy' && field === 'subnets' && path.length === 4) return subnetValueMarkdown(topology, path[1], sub, text);
  if (kind === 'circuit' && field === 'privatePeering' && sub === 'vnets') return vnetMarkdown(topology, text);
  const targetKind = kind && path.length === 3 ? REFERENCE_FIELDS[kind]?.[field] : undefined;
  if (targetKind) {
    const target = resolveReference(topology, { targetKind, text });
    return target && summarize(topology, target);
  }
  if (kind === 'connector' && path.length === 3 && field === 'type') {
    const connector = findConnector(text);
    return connector && connectorMarkdown(connector);
  }
  const meaning = VALUE_DOCS[path[path.length - 1]]?.[text];
  return meaning && `**${text}**: ${meaning}`;
}

/**
 * A value that says nothing where it stands (not a region of the kind the key wants, no entity of that
 * id, a word outside the key's set, a value of the wrong type): what the key expects and why, with the
 * value that was probably meant.
 */
function wrongValueMarkdown(topology: Topology, path: string[], node: Scalar, listItem: boolean): string | undefined {
  const [section, , field] = path;
  const kind = KIND_OF_SECTION[section];
  const key = path[path.length - 1];
  const text = scalarText(node) ?? '';
  const shown = `**${text === '' ? '(empty)' : text}**`;
  const schema = listItem ? deref(schemaAt(path)?.items) : schemaAt(path);
  const description = schemaAt(path)?.description;
  const why = description ? `\n\n**${key}**: ${description}` : '';
  if (kind && path.length === 3 && field === 'region') {
    if (kind === 'environment' || kind === 'circuit') {
      const azure = findAzureRegion(text);
      const geography = azure && powerPlatformRegionsContaining(azure.id)[0];
      const suggestion = geography?.id ?? closest(text, powerPlatformRegions.map((r) => r.id));
      return (
        `${shown} is not a Power Platform region. Expected here: a Power Platform region, the geography the ${entityNoun(kind)} belongs to ` +
        '(such as `europe` or `unitedstates`), not one of its datacenters.' +
        (azure ? ` \`${text}\` is the Azure region ${azure.displayName}${geography ? `, one of the datacenters of \`${geography.id}\`` : ''}.` : '') +
        (suggestion ? ` Did you mean \`${suggestion}\`?` : '') +
        `\n\n${conceptMarkdown(kind === 'circuit' ? 'circuitRegion' : 'environment')}`
      );
    }
    const pp = findPowerPlatformRegion(text);
    const candidates = pp ? pp.datacenterRegions.map((id) => azureRegionById(id)?.id ?? id) : [];
    return (
      `${shown} is not an Azure region. Expected here: one Azure datacenter region, such as \`westeurope\` or \`northeurope\`.` +
      (pp ? ` \`${text}\` is the Power Platform region ${pp.displayName}, whose datacenters are ${listWords(candidates.map((c) => `\`${c}\``), 'and')}.` : '') +
      why
    );
  }
  const targetKind = kind && path.length === 3 ? REFERENCE_FIELDS[kind]?.[field] : undefined;
  if (targetKind) {
    const ids = [...entitiesOf(topology, targetKind).keys()];
    const suggestion = closest(text, ids);
    return (
      `${shown}: no ${entityNoun(targetKind)} of this id in this file. Expected here: the id of ${withArticle(entityNoun(targetKind))}, ` +
      (ids.length ? `one of ${ids.slice(0, 10).map((id) => `\`${id}\``).join(', ')}${ids.length > 10 ? ', ...' : ''}.` : 'but the file defines none yet.') +
      (suggestion ? ` Did you mean \`${suggestion}\`?` : '') +
      why
    );
  }
  if (kind === 'connector' && path.length === 3 && field === 'type') {
    return (
      `${shown} is not a connector type in ppnet's catalog, so ppnet cannot tell where its traffic goes. ` +
      'Expected here: a catalog id such as `sql-server` or `sharepoint-online`; for any other connector, say where its data is with `target` (on-premises, microsoft or third-party).' +
      why
    );
  }
  if (kind === 'circuit' && path.length === 3 && field === 'peeringLocation') {
    const suggestion = closest(text, peeringLocations.map((p) => p.displayName));
    return (
      `${shown} is not an ExpressRoute peering location ppnet knows, so it cannot check which regions this circuit reaches. ` +
      'Expected here: a location as Microsoft\'s ExpressRoute locations page names it, such as `Amsterdam` or `Washington DC`.' +
      (suggestion ? ` Did you mean \`${suggestion}\`?` : '') +
      `\n\n${conceptMarkdown('peeringLocation')}`
    );
  }
  if (kind === 'circuit' && field === 'microsoftPeering' && path[3] === 'routeFilter') {
    return (
      `${shown} is not a Microsoft-peering community ppnet knows. Expected here: the BGP community of an Azure region (\`12076:51NNN\`) or the region's name (\`West Europe\`), ` +
      'so that Microsoft advertises that region\'s prefixes on this circuit.' +
      `\n\n${conceptMarkdown('routeFilter')}`
    );
  }
  if (!schema) return undefined;
  const allowed = schema.enum?.map(String);
  if (allowed && !allowed.includes(text)) {
    const suggestion = /[a-z]/i.test(text) ? closest(text, allowed) : undefined; // no guess between version numbers
    return `${shown} is not a value of \`${key}\`. Expected here: ${listWords(allowed.map((v) => `\`${v}\``), 'or')}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}${why}`;
  }
  const actual = typeof node.value === 'string' ? 'string' : typeof node.value === 'number' ? 'number' : typeof node.value === 'boolean' ? 'boolean' : 'null';
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  // Numbers and true/false read as text where text is expected (`tls: 1.2`).
  const fits = types.length === 0 || types.includes(actual) || (actual === 'number' && types.includes('integer')) || (actual !== 'null' && types.includes('string'));
  if (fits) return undefined;
  const words: Record<string, string> = { string: 'text', array: 'a list', object: 'a map', boolean: 'true or false', number: 'a number', integer: 'a whole number', null: 'empty' };
  const expected = types.map((t) => words[t] ?? t).join(' or ');
  return `${shown} is ${words[actual]}. Expected here: ${expected}.${why}`;
}

/** What a route-filter entry denotes. */
function communityMarkdown(text: string): string | undefined {
  const entry = resolveRouteFilterEntry(text);
  switch (entry.kind) {
    case 'region':
      return (
        `**${entry.community}**: the Microsoft-peering community of ${entry.region.displayName} (\`${entry.region.id}\`). ` +
        `Allowing it lets Microsoft advertise that region's prefixes on this circuit.\n\n${azureRegionMarkdown(entry.region)}\n\n${sourceLinks(['routing', 'routefilter'])}`
      );
    case 'region-unknown-community':
      return `**${entry.region.displayName}**: an Azure region whose Microsoft-peering community is not in the catalog, so ppnet cannot check it.\n\n${sourceLinks(['routing'])}`;
    case 'service':
      return (
        `**${entry.service.name}**${entry.service.value ? ` (${entry.service.value})` : ''}: a service community${entry.formerName ? `, here by its former name ${entry.formerName}` : ''}. It carries that service's prefixes, not those of a region; Power Platform has none of its own.` +
        `${entry.service.note ? `\n\nNote: ${entry.service.note}.` : ''}\n\n${sourceLinks(['routing', 'arch'])}`
      );
    case 'regional-service':
      return (
        `**${entry.value}**: the ${entry.service.name} community of ${entry.region?.displayName ?? 'a region ppnet does not know'}. It carries only ${entry.service.name}'s prefixes in that region, ` +
        `not the region's own community${entry.region?.microsoftPeeringCommunity ? ` (${entry.region.microsoftPeeringCommunity})` : ''}, which Power Platform needs.\n\n${sourceLinks(['routing'])}`
      );
    case 'private-peering':
      return (
        `**${entry.value}**: a private-peering value${entry.region ? ` (${entry.region.displayName})` : ''}. Route filters apply to Microsoft peering and take its values (12076:51NNN).` +
        `\n\n${sourceLinks(['routing'])}`
      );
    case 'sovereign':
      return entry.service
        ? `**${entry.value}**: the US Government community of ${entry.service.name}, for circuits of Azure Government; a public-cloud circuit does not carry it.\n\n${sourceLinks(['routing'])}`
        : `**${entry.value}**: the community of a sovereign-cloud region (Azure Government or Azure China), which a public-cloud circuit does not reach.\n\n${sourceLinks(['routing'])}`;
    case 'power-platform-region':
      return `**${text}** is a Power Platform region, not a community. A route filter lists the communities of its datacenter regions:\n\n${powerPlatformRegionMarkdown(entry.region)}`;
    default:
      return undefined;
  }
}

/** A circuit's peering location or SKU: what the circuit reaches from there, and whether that covers its environments. */
function reachMarkdown(topology: Topology, circuitId: string, field: 'peeringLocation' | 'sku'): string | undefined {
  const circuit = topology.circuits.get(circuitId);
  const location = circuit?.peeringLocation && findPeeringLocation(circuit.peeringLocation.text);
  const sku = circuit && skuOf(circuit);
  if (!circuit || (field === 'peeringLocation' && !location) || (field === 'sku' && !sku)) return undefined;
  const head = field === 'peeringLocation' ? peeringLocationMarkdown(location!) : `**${sku}**: ${skuReachText(sku!, location || undefined)}`;
  const unreachable = regionsNeeded(topology, circuit).map((n) => n.region.id).filter((id) => circuitReaches(circuit, id) === 'unreachable');
  const verdict = !location || !sku
    ? undefined
    : unreachable.length
      ? `Circuit ${circuit.id}, a ${sku} circuit at ${location.displayName}, does not reach ${listWords(regionNames(unreachable))}, where its environments run.`
      : `Circuit ${circuit.id}, a ${sku} circuit at ${location.displayName}, reaches the datacenter regions of the environments it serves.`;
  return [head, verdict, sourceLinks(['er-locations-providers', 'faq'])].filter(Boolean).join('\n\n');
}

/** An item of an environment's datacenterRegions: the Azure region, and whether ppnet knows it as one of the region's datacenters. */
function datacenterRegionMarkdown(topology: Topology, environmentId: string, text: string): string | undefined {
  const azure = findAzureRegion(text);
  const environment = topology.environments.get(environmentId);
  const region = environment && environmentRegion(environment);
  if (!azure) return undefined;
  const fit = region && datacenterRegionFit(region, azure.id);
  const role = !region
    ? undefined
    : fit === 'known'
      ? `One of the datacenter regions Microsoft's pages or tools give for ${region.displayName}.`
      : fit === 'elsewhere'
        ? `In the ${geopoliticalRegionOf(azure.id)} geopolitical region, not in ${homeGeopoliticalRegion(region)}, where the datacenters of ${region.displayName} are: its environments do not run there.`
        : `Not among the datacenter regions Microsoft's pages give for ${region.displayName} (${listWords(region.datacenterRegions)}): ppnet uses it as written but cannot confirm it.`;
  return [azureRegionMarkdown(azure), role, sourceLinks(['vnet-support', 'routing'])].filter(Boolean).join('\n\n');
}

/** A value of a delegated subnet: its region, its range against what the policy's environments need, its virtual network. */
function subnetValueMarkdown(topology: Topology, policyId: string, key: string, text: string): string | undefined {
  if (key === 'region') {
    const region = findAzureRegion(text);
    return region && `${azureRegionMarkdown(region)}\n\n${sourceLinks(['vnet-support'])}`;
  }
  if (key === 'vnet' || key === 'hub') return vnetMarkdown(topology, text);
  if (key !== 'cidr') return undefined;
  const parsed = parseCidr(text);
  if (!parsed.ok || parsed.cidr.version !== 4) return undefined;
  const policy = topology.enterprisePolicies.get(policyId);
  const needed = policy ? addressesNeeded(topology, policy).total : 0;
  return (
    `**${text}**: ${2 ** (32 - parsed.cidr.length)} addresses, ${usableAddresses(parsed.cidr)} usable by Power Platform (Azure keeps ${RESERVED_SUBNET_ADDRESSES} of every subnet).` +
    (needed ? ` The environments of enterprise policy ${policyId} may need about ${needed} (Microsoft's upper estimates); a /${prefixFitting(needed)} holds them.` : '') +
    `\n\n${conceptMarkdown('delegatedSubnet')}`
  );
}

/** A virtual network: the policies whose subnets are in it, and the circuits whose private peering links it to a site. */
function vnetMarkdown(topology: Topology, vnet: string): string | undefined {
  const policies = policiesOfVnet(topology, vnet);
  const spokes = policiesPeeredTo(topology, vnet);
  const circuits = [...topology.circuits.values()].filter((c) => c.privatePeering?.vnets?.items.some((i) => i.text === vnet));
  if (policies.length === 0 && spokes.length === 0 && circuits.length === 0) return undefined;
  return [
    `**${vnet}**, an Azure virtual network.`,
    policies.length ? `- Holds a subnet delegated by enterprise polic${policies.length > 1 ? 'ies' : 'y'} ${listWords(policies.map((p) => p.id))}` : '- Holds no subnet of an enterprise policy of this file',
    ...(spokes.length ? [`- A hub: the delegated networks of enterprise polic${spokes.length > 1 ? 'ies' : 'y'} ${listWords(spokes.map((p) => p.id))} are peered to it`] : []),
    circuits.length
      ? `- Linked to ${listWords(circuits.map((c) => `site ${c.site?.text ?? '?'}`))} over the private peering of circuit${circuits.length > 1 ? 's' : ''} ${listWords(circuits.map((c) => c.id))}`
      : '- No circuit\'s private peering links it to a site',
    '',
    conceptMarkdown('enterprisePolicy'),
  ].join('\n');
}

function connectorMarkdown(connector: ConnectorInfo): string {
  const routes: Record<ConnectorInfo['target'], string> = {
    'on-premises': 'reaches a source in your network through an on-premises data gateway, which it needs',
    microsoft: 'reaches a Microsoft service inside Microsoft\'s network: neither ExpressRoute nor the internet, and no gateway',
    'third-party': 'reaches a service outside Microsoft over the public internet, never ExpressRoute; no gateway',
    either: 'reaches a source in your network through a gateway when one is named, else a service on the internet',
  };
  const vnet = virtualNetworkSupport(connector);
  const delegated = vnet === 'supported' ? ' In an environment with Virtual Network support it can instead run its calls in the delegated subnet (via: vnet).' : '';
  return `**${connector.displayName}** (\`${connector.id}\`) ${routes[connector.target]}.${delegated}\n\n${conceptMarkdown('connector')}`;
}

/** A rule code in a disable comment: the rule's title and its source. */
function ruleCodeHover(topology: Topology, document: TextDocument, offset: number): Hover | null {
  for (const directive of findDirectives(topology.parsed, document)) {
    const code = directive.codes.find((c) => c.span.start <= offset && offset <= c.span.end);
    const rule = code && ruleByCode(code.code);
    if (code && rule) return hover(document, code.span, `**${rule.code}** (${rule.defaultSeverity} by default): ${rule.title}\n\n[Source](${ruleUrl(rule)})`);
  }
  return null;
}
