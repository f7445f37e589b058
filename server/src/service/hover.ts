/**
 * Hover: on a key, what it means and the concept behind it with its sources; on an entity id or a
 * reference, a summary of the entity; on a region, its datacenter regions and community values; on a
 * route-filter entry, the community it denotes; on a connector type, its route and gateway need; on
 * an enumerated value, its meaning; on a rule code in a disable comment, the rule.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { ConnectorInfo, findAzureRegion, findConnector, findPowerPlatformRegion, resolveRouteFilterEntry } from './catalog';
import { conceptMarkdown, conceptOfKey, schemaAt, sourceLinks, VALUE_DOCS } from './docs';
import { entitiesOf, Entity, KIND_OF_SECTION, Topology } from './model';
import { nodeAt } from './nodeAt';
import { Span } from './parse';
import { REFERENCE_FIELDS, resolveReference } from './references';
import { ruleUrl } from './rule';
import { rangeOf } from './text/ranges';
import { ruleByCode } from './rules';
import { azureRegionMarkdown, powerPlatformRegionMarkdown, summarize } from './summary';
import { findDirectives } from './suppression';

export function doHover(topology: Topology, document: TextDocument, position: Position): Hover | null {
  const offset = document.offsetAt(position);
  const at = nodeAt(topology.parsed.doc, offset);
  if (!at) return ruleCodeHover(topology, document, offset);
  const path = at.path.filter((segment): segment is string => typeof segment === 'string');
  const text = String(at.node.value ?? '');
  const markdown = at.isKey ? keyMarkdown(topology, path) : valueMarkdown(topology, path, text);
  return markdown ? hover(document, at.node, markdown) : null;
}

function hover(document: TextDocument, at: { range?: [number, number, number] | null } | Span, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(document, at) };
}

function keyMarkdown(topology: Topology, path: string[]): string | undefined {
  const kind = KIND_OF_SECTION[path[0]];
  const concept = conceptOfKey(path);
  if (path.length === 2 && kind) {
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
        `**${entry.service.name}** (${entry.service.value}): a service community. It carries that service's prefixes, not those of a region; Power Platform has none of its own.` +
        `${entry.service.note ? `\n\nNote: ${entry.service.note}.` : ''}\n\n${sourceLinks(['routing', 'arch'])}`
      );
    case 'private-peering':
      return (
        `**${entry.value}**: a private-peering value${entry.region ? ` (${entry.region.displayName})` : ''}. Route filters apply to Microsoft peering and take its values (12076:51NNN).` +
        `\n\n${sourceLinks(['routing'])}`
      );
    case 'sovereign':
      return `**${entry.value}**: the community of a sovereign-cloud region (Azure Government or Azure China), which a public-cloud circuit does not reach.\n\n${sourceLinks(['routing'])}`;
    case 'power-platform-region':
      return `**${text}** is a Power Platform region, not a community. A route filter lists the communities of its datacenter regions:\n\n${powerPlatformRegionMarkdown(entry.region)}`;
    default:
      return undefined;
  }
}

function connectorMarkdown(connector: ConnectorInfo): string {
  const routes: Record<ConnectorInfo['target'], string> = {
    'on-premises': 'reaches a source in your network through an on-premises data gateway, which it needs',
    microsoft: 'reaches a Microsoft service inside Microsoft\'s network: neither ExpressRoute nor the internet, and no gateway',
    'third-party': 'reaches a service outside Microsoft over the public internet, never ExpressRoute; no gateway',
    either: 'reaches a source in your network through a gateway when one is named, else a service on the internet',
  };
  return `**${connector.displayName}** (\`${connector.id}\`) ${routes[connector.target]}.\n\n${conceptMarkdown('connector')}`;
}

/** A rule code in a disable comment: the rule's title and its source. */
function ruleCodeHover(topology: Topology, document: TextDocument, offset: number): Hover | null {
  for (const directive of findDirectives(topology.parsed.comments, document)) {
    const code = directive.codes.find((c) => c.span.start <= offset && offset <= c.span.end);
    const rule = code && ruleByCode(code.code);
    if (code && rule) return hover(document, code.span, `**${rule.code}** (${rule.defaultSeverity} by default): ${rule.title}\n\n[Source](${ruleUrl(rule)})`);
  }
  return null;
}
