/**
 * The topology as a graph for the preview and `ppnet graph`: one node per entity (plus the pieces of
 * infrastructure the flows pass: the internet, the CDN, Azure Service Bus and Relay, outside services),
 * grouped by where they are, and one edge per stretch of the flows' paths, classed by route. Each node
 * keeps its YAML range and its worst diagnostic, so that the picture links back to the file.
 */
import { DEPLOYMENT_CODES } from '../validation/engine';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Graph, GraphEdge, GraphFlow, GraphGroup, GraphNode } from '../../../../protocol/graph';
import { ENTITY_WORDS, GROUP_WORDS, INFRASTRUCTURE_WORDS, NODE_WORDS, ONE_DATACENTER_CAPTION } from '../../../../protocol/vocabulary';
import { azureRegionById, findAzureRegion } from '../catalog/catalog';
import { allEntities, appsOf, cdnOf, Entity, EntityKind, internetOf, labelOf, memberCountOf, relayOf, Topology } from '../model/model';
import { Severity, severityName } from '../validation/rule';
import { analyzeTraffic, Flow, flowEnvironment, Hop } from '../traffic';
import { legsOf } from './flowLegs';
import { catalogConnector, connectorTarget, environmentRegion, regionNames } from '../facts';
import { offsetRange } from '../text/ranges';

export const entityNodeId = (kind: EntityKind, id: string): string => `${kind}:${id}`;

const GROUP = {
  site: (id: string) => `group:site:${id}`,
  region: (id: string) => `group:region:${id}`,
  edge: 'group:edge',
  internet: 'group:internet',
  cloud: 'group:cloud',
  azure: 'group:azure',
};

export function buildGraph(topology: Topology, document: TextDocument, diagnostics: readonly Diagnostic[], fallbackTitle = 'Topology'): Graph {
  const nodes = new Map<string, GraphNode>();
  const groups = new Map<string, GraphGroup>();
  const addGroup = (group: GraphGroup) => void (groups.has(group.id) || groups.set(group.id, group));

  for (const entity of allEntities(topology)) {
    const node = entityNode(entity, document);
    const group = groupOfEntity(topology, entity, addGroup, nodes);
    if (group !== undefined) node.group = group;
    nodes.set(node.id, node);
  }
  attachDiagnostics([...nodes.values()], diagnostics);

  const flows = analyzeTraffic(topology);
  const hopNode = (hop: Hop): string => {
    const id = hopId(hop);
    if (!nodes.has(id) && !groups.has(id)) {
      const node = infrastructureNode(hop, addGroup);
      if (node) nodes.set(id, node);
    }
    return id;
  };

  const edges = new Map<string, GraphEdge>();
  const graphFlows: GraphFlow[] = flows.map((flow) => {
    const edgeIds: string[] = [];
    for (const leg of legsOf(flow)) {
      const from = hopNode(leg.from);
      const to = hopNode(leg.to);
      const key = `${from}\u0000${to}\u0000${leg.route}`;
      let edge = edges.get(key);
      if (!edge) {
        edge = { id: `edge:${edges.size}`, from, to, route: leg.route, flows: [] };
        edges.set(key, edge);
      }
      if (!edge.flows.includes(flow.id)) edge.flows.push(flow.id);
      if (!edgeIds.includes(edge.id)) edgeIds.push(edge.id);
    }
    const environment = flowEnvironment(topology, flow);
    return { ...graphFlow(flow, hopNode, nodes, groups, edgeIds), ...(environment !== undefined && { environment: entityNodeId('environment', environment) }) };
  });
  addAttachments(topology, nodes, edges);

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) counts[severityName(d.severity)]++;
  const usedGroups = new Set([...nodes.values()].map((n) => n.group));
  return {
    title: topology.name?.text ?? fallbackTitle,
    nodes: [...nodes.values()],
    groups: [...groups.values()].filter((g) => usedGroups.has(g.id)),
    edges: [...edges.values()],
    flows: graphFlows,
    counts,
  };
}

function hopId(hop: Hop): string {
  switch (hop.kind) {
    case 'entity':
      return entityNodeId(hop.entity, hop.id);
    case 'service':
      return `service:${hop.name}`;
    case 'region':
      return GROUP.region(hop.id);
    default:
      return hop.kind;
  }
}

function graphFlow(flow: Flow, hopNode: (hop: Hop) => string, nodes: Map<string, GraphNode>, groups: Map<string, GraphGroup>, edges: string[]): GraphFlow {
  const labelOfId = (id: string) => {
    const node = nodes.get(id);
    if (!node) return groups.get(id)?.label ?? id;
    return node.kind === 'site' && node.group ? `Users at ${groups.get(node.group)?.label ?? id}` : node.label;
  };
  const from = hopNode(flow.from);
  const to = hopNode(flow.to);
  return {
    id: flow.id,
    kind: flow.kind,
    route: flow.route,
    from,
    fromLabel: labelOfId(from),
    to,
    toLabel: labelOfId(to),
    ...(flow.circuit !== undefined && { circuit: flow.circuit.id }),
    reason: flow.reason,
    source: flow.source,
    subject: entityNodeId(flow.subject.kind, flow.subject.id),
    ...(flow.expected !== undefined && { expected: flow.expected }),
    edges,
  };
}

// ---- Nodes ----

function entityNode(entity: Entity, document: TextDocument): GraphNode {
  // A site is its group's header; its node inside stands for the users and network there.
  const label = entity.kind === 'site' ? 'Users' : labelOf(entity);
  const { caption: kindCaption } = ENTITY_WORDS[entity.kind];
  const caption = entity.name && entity.kind !== 'site' ? `${kindCaption} · ${entity.id}` : kindCaption;
  const start = entity.key.range?.[0] ?? 0;
  const keyEnd = entity.key.range?.[1] ?? start;
  let valueEnd = entity.map?.range && entity.map.range[0] >= start ? entity.map.range[1] : keyEnd;
  // A block map's range runs to the next line: the entity ends at its last character.
  const text = document.getText();
  while (valueEnd > keyEnd && /\s/.test(text[valueEnd - 1])) valueEnd--;
  const detail = detailOf(entity);
  return {
    id: entityNodeId(entity.kind, entity.id),
    kind: entity.kind,
    caption,
    label,
    ...(detail && { detail }),
    range: offsetRange(document, start, Math.max(keyEnd, valueEnd)),
    selectionRange: offsetRange(document, start, keyEnd),
    diagnostics: [],
  };
}

function joinDetail(parts: (string | undefined | false)[]): string | undefined {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  return kept.length ? kept.join(' · ') : undefined;
}

function detailOf(entity: Entity): string | undefined {
  switch (entity.kind) {
    case 'environment': {
      const apps = appsOf(entity);
      return joinDetail([entity.type?.text ?? 'production', apps.join(', '), apps.includes('canvas') && !cdnOf(entity) && 'CDN off']);
    }
    case 'site':
      return joinDetail([`internet ${internetOf(entity)}`, entity.addressSpace?.items.map((i) => i.text).join(', ')]);
    case 'circuit':
      return joinDetail([
        entity.peeringLocation?.text,
        entity.sku?.text ?? 'standard',
        entity.bandwidth?.text,
        !entity.microsoftPeering && 'no Microsoft peering',
      ]);
    case 'gateway': {
      const members = memberCountOf(entity);
      const region = entity.region && findAzureRegion(entity.region.text);
      return joinDetail([region?.displayName ?? entity.region?.text, `${members} member${members === 1 ? '' : 's'}`]);
    }
    case 'connector': {
      const target = connectorTarget(entity);
      return joinDetail([catalogConnector(entity)?.displayName ?? entity.type?.text, target]);
    }
    case 'desktopFlow':
      return joinDetail([`relay over ${relayOf(entity) === 'expressroute' ? 'ExpressRoute' : 'the internet'}`]);
    case 'azureService': {
      const region = entity.region && findAzureRegion(entity.region.text);
      return joinDetail([entity.type?.text, region?.displayName ?? entity.region?.text]);
    }
    case 'enterprisePolicy':
      return joinDetail(
        (entity.subnets?.items ?? []).map((s) => {
          const region = s.region && findAzureRegion(s.region.text);
          return [region?.displayName ?? s.region?.text, s.cidr?.text].filter(Boolean).join(' ');
        }),
      );
  }
}


function infrastructureNode(hop: Hop, addGroup: (group: GraphGroup) => void): GraphNode | undefined {
  if (hop.kind === 'entity' || hop.kind === 'region') return undefined;
  if (hop.kind === 'service') {
    addGroup(namedGroup('internet'));
    return { id: hopId(hop), kind: 'service', caption: NODE_WORDS.service.caption, label: hop.name, group: GROUP.internet, diagnostics: [] };
  }
  // Service Bus and Relay are in Microsoft's cloud, the internet and the CDN on the internet.
  const { caption, label, detail } = INFRASTRUCTURE_WORDS[hop.kind];
  const group = hop.kind === 'service-bus' || hop.kind === 'relay' ? namedGroup('cloud') : namedGroup('internet');
  addGroup(group);
  return { id: hop.kind, kind: hop.kind, caption, label, detail, group: group.id, diagnostics: [] };
}

/** A group of the graph that has a name of its own (not a site's or a region's). */
function namedGroup(kind: 'edge' | 'internet' | 'cloud' | 'azure'): GraphGroup {
  const { caption, detail } = GROUP_WORDS[kind];
  return { id: GROUP[kind], kind, label: caption, ...(detail && { detail }) };
}

/** The group an entity is drawn in; regions also get their datacenter pair node. */
function groupOfEntity(
  topology: Topology,
  entity: Entity,
  addGroup: (group: GraphGroup) => void,
  nodes: Map<string, GraphNode>,
): string | undefined {
  const siteGroup = (siteId: string | undefined) => {
    const site = siteId !== undefined ? topology.sites.get(siteId) : undefined;
    if (!site) return undefined;
    const { caption } = GROUP_WORDS.site;
    addGroup({ id: GROUP.site(site.id), kind: 'site', label: labelOf(site), detail: site.name ? `${caption} · ${site.id}` : caption });
    return GROUP.site(site.id);
  };
  const regionGroup = (environmentId: string | undefined) => {
    const environment = environmentId !== undefined ? topology.environments.get(environmentId) : undefined;
    const region = environment && environmentRegion(environment);
    if (!region) return undefined;
    const id = GROUP.region(region.id);
    if (!nodes.has(`datacenters:${region.id}`)) {
      addGroup({ id, kind: 'region', label: region.displayName, detail: GROUP_WORDS.region.caption });
      const datacenters = region.datacenterRegions.map((r) => azureRegionById(r));
      nodes.set(`datacenters:${region.id}`, {
        id: `datacenters:${region.id}`,
        kind: 'datacenters',
        caption: datacenters.length > 1 ? NODE_WORDS.datacenters.caption : ONE_DATACENTER_CAPTION,
        label: regionNames(region.datacenterRegions).join(' + '),
        detail: datacenters.map((r) => r?.microsoftPeeringCommunity ?? 'community unknown').join(' · '),
        group: id,
        diagnostics: [],
      });
    }
    return id;
  };
  switch (entity.kind) {
    case 'site':
      return siteGroup(entity.id);
    case 'gateway':
    case 'desktopFlow':
      return siteGroup(entity.site?.text);
    case 'environment':
      return regionGroup(entity.id);
    case 'connector':
      return regionGroup(entity.environment?.text);
    case 'circuit':
      addGroup(namedGroup('edge'));
      return GROUP.edge;
    case 'azureService':
    case 'enterprisePolicy':
      addGroup(namedGroup('azure'));
      return GROUP.azure;
  }
}

/** A circuit that carries no flow from its site is still drawn attached to it. */
function addAttachments(topology: Topology, nodes: Map<string, GraphNode>, edges: Map<string, GraphEdge>): void {
  for (const circuit of topology.circuits.values()) {
    const siteId = circuit.site?.text;
    if (siteId === undefined || !topology.sites.has(siteId)) continue;
    const circuitId = entityNodeId('circuit', circuit.id);
    const siteGroup = GROUP.site(siteId);
    const linked = [...edges.values()].some((e) => e.to === circuitId && nodes.get(e.from)?.group === siteGroup);
    if (linked) continue;
    const from = entityNodeId('site', siteId);
    edges.set(`${from}\u0000${circuitId}\u0000attachment`, { id: `edge:${edges.size}`, from, to: circuitId, route: 'attachment', flows: [] });
  }
}

// ---- Diagnostics ----

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function contains(range: Range, position: Range['start']): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

/** Each diagnostic goes to the innermost entity whose YAML holds its start; a drift finding also to its `drift`. */
function attachDiagnostics(nodes: GraphNode[], diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    const holders = nodes.filter((n) => n.range && contains(n.range, diagnostic.range.start));
    const holder = holders.sort((a, b) => (a.range!.start.line - b.range!.start.line) || (a.range!.start.character - b.range!.start.character)).pop();
    if (!holder) continue;
    const severity = severityName(diagnostic.severity);
    holder.diagnostics.push({ severity, code: String(diagnostic.code ?? ''), message: diagnostic.message });
    // What drifted from the deployment is also marked apart: the preview draws it as its own mark.
    if (DEPLOYMENT_CODES.has(String(diagnostic.code))) (holder.drift ??= []).push({ code: String(diagnostic.code), message: diagnostic.message });
    if (!holder.severity || SEVERITY_RANK[severity] < SEVERITY_RANK[holder.severity]) holder.severity = severity;
  }
  // The worst first, in file order within a severity (the sort is stable).
  for (const node of nodes) node.diagnostics.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
