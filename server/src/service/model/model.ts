/**
 * The typed topology model. Each entity is built from its own YAML node (so that a later edit can
 * rebuild only the entities it touched) and keeps the nodes of its keys and values for exact ranges.
 * Only what the file writes is recorded; defaults are applied by the accessors at the end.
 */
import { keyedIndex, KeyedIndex, TrackedSection } from './reads';
import { Document, isMap, isScalar, isSeq, Node, Scalar, YAMLMap } from 'yaml';
import { mapPairs, ParsedDocument, resolveNode, scalarText } from '../syntax/parse';
import { lookupTable } from '../syntax/lookupTable';
import type { EntityKind } from '../../../../protocol/graph';

export type { EntityKind } from '../../../../protocol/graph';

/** The top-level section that holds each kind of entity. */
export const SECTION_OF: Record<EntityKind, string> = {
  environment: 'environments',
  site: 'sites',
  circuit: 'circuits',
  gateway: 'gateways',
  connector: 'connectors',
  desktopFlow: 'desktopFlows',
  azureService: 'azureServices',
  enterprisePolicy: 'enterprisePolicies',
};

export const KIND_OF_SECTION: Record<string, EntityKind> = lookupTable(
  Object.fromEntries(Object.entries(SECTION_OF).map(([kind, section]) => [section, kind as EntityKind])),
);

export const ENTITY_KINDS = Object.keys(SECTION_OF) as EntityKind[];

/** A written scalar value: its text as a string field reads it, and the nodes of key and value. */
export interface ScalarField {
  text: string;
  /** The parsed value (number, boolean, string). */
  value: unknown;
  key: Scalar;
  node: Scalar;
}

export interface ListItem {
  text: string;
  node: Scalar;
}

/** A written list; `items` holds its scalar entries (other entries are the schema's business). */
export interface ListField {
  key: Scalar;
  node: Node;
  items: ListItem[];
}

/** A written key whose value is a map (e.g. `microsoftPeering`). */
export interface MapField {
  key: Scalar;
  node: Node | null;
  map?: YAMLMap;
}

export interface EntityBase {
  kind: EntityKind;
  id: string;
  /** The id key node (`gw-ams` in `gw-ams:`). */
  key: Scalar;
  /** The entity's map, when its value is one. */
  map?: YAMLMap;
  name?: ScalarField;
  /** What identifies the entity in Azure or Power Platform (a resource id, an environment's GUID): what `ppnet drift` matches it by. Circuits, environments, gateways and enterprise policies. */
  azureId?: ScalarField;
}

export interface Environment extends EntityBase {
  kind: 'environment';
  region?: ScalarField;
  /** The Azure datacenter regions the environment runs in, when the file names them (regions with several pairs). */
  datacenterRegions?: ListField;
  type?: ScalarField;
  /** `early`: created with "Get new features early" (the admin center's Release cycle column). */
  releaseCycle?: ScalarField;
  apps?: ListField;
  cdn?: ScalarField;
  /** Whether the environment is a Managed Environment (Virtual Network support needs one). */
  managed?: ScalarField;
  /** The enterprise policy that delegates the environment's subnets (a reference). */
  enterprisePolicy?: ScalarField;
}

export interface Site extends EntityBase {
  kind: 'site';
  internet?: ScalarField;
  addressSpace?: ListField;
  internetEgress?: ListField;
}

export interface MicrosoftPeering extends MapField {
  advertisedPrefixes?: ListField;
  routeFilter?: ListField;
}

export interface Circuit extends EntityBase {
  kind: 'circuit';
  site?: ScalarField;
  peeringLocation?: ScalarField;
  region?: ScalarField;
  sku?: ScalarField;
  bandwidth?: ScalarField;
  environments?: ListField;
  microsoftPeering?: MicrosoftPeering;
  privatePeering?: PrivatePeering;
}

export interface PrivatePeering extends MapField {
  /** The virtual networks private peering reaches (names; an enterprise policy's subnets may name them). */
  vnets?: ListField;
}

export interface Gateway extends EntityBase {
  kind: 'gateway';
  site?: ScalarField;
  region?: ScalarField;
  members?: ListField;
  tls?: ScalarField;
}

export interface Connector extends EntityBase {
  kind: 'connector';
  type?: ScalarField;
  target?: ScalarField;
  environment?: ScalarField;
  gateway?: ScalarField;
  via?: ScalarField;
}

export interface DesktopFlow extends EntityBase {
  kind: 'desktopFlow';
  environment?: ScalarField;
  site?: ScalarField;
  relay?: ScalarField;
}

export interface AzureService extends EntityBase {
  kind: 'azureService';
  type?: ScalarField;
  region?: ScalarField;
  via?: ScalarField;
}

/** One delegated subnet of an enterprise policy: an item of its `subnets` list. */
export interface DelegatedSubnet {
  /** The list item's map node. */
  node: Node;
  vnet?: ScalarField;
  region?: ScalarField;
  cidr?: ScalarField;
  /** The hub virtual network the subnet's network is peered to (hub and spoke). */
  hub?: ScalarField;
}

/** A Power Platform enterprise policy for Virtual Network support: the subnets it delegates. */
export interface EnterprisePolicy extends EntityBase {
  kind: 'enterprisePolicy';
  subnets?: { key: Scalar; node: Node | null; items: DelegatedSubnet[] };
}

export type Entity = Environment | Site | Circuit | Gateway | Connector | DesktopFlow | AzureService | EnterprisePolicy;

export interface EntityOfKind {
  environment: Environment;
  site: Site;
  circuit: Circuit;
  gateway: Gateway;
  connector: Connector;
  desktopFlow: DesktopFlow;
  azureService: AzureService;
  enterprisePolicy: EnterprisePolicy;
}

export interface Section {
  key: Scalar;
  map?: YAMLMap;
}

export interface Topology {
  parsed: ParsedDocument;
  version?: ScalarField;
  name?: ScalarField;
  cloud?: ScalarField;
  sections: Map<string, Section>;
  environments: Map<string, Environment>;
  sites: Map<string, Site>;
  circuits: Map<string, Circuit>;
  gateways: Map<string, Gateway>;
  connectors: Map<string, Connector>;
  desktopFlows: Map<string, DesktopFlow>;
  azureServices: Map<string, AzureService>;
  enterprisePolicies: Map<string, EnterprisePolicy>;
}

/** Reads the written fields of one map. */
class Fields {
  private readonly pairs = new Map<string, { key: Scalar; value: unknown }>();

  constructor(private readonly doc: Document, map: YAMLMap | undefined) {
    if (!map) return;
    for (const pair of mapPairs(doc, map)) {
      this.pairs.set(String((pair.key as Scalar).value), { key: pair.key as Scalar, value: pair.value });
    }
  }

  scalar(name: string): ScalarField | undefined {
    const pair = this.pairs.get(name);
    if (!pair) return undefined;
    const node = resolveNode(this.doc, pair.value);
    const text = scalarText(node);
    if (text === undefined || !isScalar(node)) return undefined;
    return { text, value: node.value, key: pair.key, node };
  }

  /** A list; a single scalar is read as a list of one so that checks still run on it. */
  list(name: string): ListField | undefined {
    const pair = this.pairs.get(name);
    if (!pair) return undefined;
    const node = resolveNode(this.doc, pair.value);
    if (isSeq(node)) {
      const items: ListItem[] = [];
      for (const item of node.items) {
        const target = resolveNode(this.doc, item);
        const text = scalarText(target);
        if (text !== undefined && isScalar(target)) items.push({ text, node: target });
      }
      return { key: pair.key, node, items };
    }
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      return { key: pair.key, node: (node as Node) ?? pair.key, items: [] };
    }
    const text = scalarText(node);
    if (text !== undefined && isScalar(node)) return { key: pair.key, node, items: [{ text, node }] };
    return undefined;
  }

  map(name: string): MapField | undefined {
    const pair = this.pairs.get(name);
    if (!pair) return undefined;
    const node = resolveNode(this.doc, pair.value) ?? null;
    return { key: pair.key, node, map: isMap(node) ? node : undefined };
  }

  subFields(field: MapField | undefined): Fields {
    return new Fields(this.doc, field?.map);
  }

  /** A list of maps (an enterprise policy's `subnets`): each map item read with `read`; other items skipped. */
  mapList<T>(name: string, read: (fields: Fields, node: Node) => T): { key: Scalar; node: Node | null; items: T[] } | undefined {
    const pair = this.pairs.get(name);
    if (!pair) return undefined;
    const node = resolveNode(this.doc, pair.value) ?? null;
    const items: T[] = [];
    if (isSeq(node)) {
      for (const item of node.items) {
        const target = resolveNode(this.doc, item);
        if (isMap(target)) items.push(read(new Fields(this.doc, target), target));
      }
    }
    return { key: pair.key, node: node as Node | null, items };
  }
}

type Builder<K extends EntityKind> = (fields: Fields, base: EntityBase) => EntityOfKind[K];

const BUILDERS: { [K in EntityKind]: Builder<K> } = {
  environment: (f, base) => ({
    ...base,
    kind: 'environment',
    region: f.scalar('region'),
    datacenterRegions: f.list('datacenterRegions'),
    type: f.scalar('type'),
    releaseCycle: f.scalar('releaseCycle'),
    apps: f.list('apps'),
    cdn: f.scalar('cdn'),
    managed: f.scalar('managed'),
    enterprisePolicy: f.scalar('enterprisePolicy'),
  }),
  site: (f, base) => ({
    ...base,
    kind: 'site',
    internet: f.scalar('internet'),
    addressSpace: f.list('addressSpace'),
    internetEgress: f.list('internetEgress'),
  }),
  circuit: (f, base) => {
    const peering = f.map('microsoftPeering');
    const peeringFields = f.subFields(peering);
    const privatePeering = f.map('privatePeering');
    return {
      ...base,
      kind: 'circuit',
      site: f.scalar('site'),
      peeringLocation: f.scalar('peeringLocation'),
      region: f.scalar('region'),
      sku: f.scalar('sku'),
      bandwidth: f.scalar('bandwidth'),
      environments: f.list('environments'),
      microsoftPeering: peering && {
        ...peering,
        advertisedPrefixes: peeringFields.list('advertisedPrefixes'),
        routeFilter: peeringFields.list('routeFilter'),
      },
      privatePeering: privatePeering && { ...privatePeering, vnets: f.subFields(privatePeering).list('vnets') },
    };
  },
  gateway: (f, base) => ({
    ...base,
    kind: 'gateway',
    site: f.scalar('site'),
    region: f.scalar('region'),
    members: f.list('members'),
    tls: f.scalar('tls'),
  }),
  connector: (f, base) => ({
    ...base,
    kind: 'connector',
    type: f.scalar('type'),
    target: f.scalar('target'),
    environment: f.scalar('environment'),
    gateway: f.scalar('gateway'),
    via: f.scalar('via'),
  }),
  desktopFlow: (f, base) => ({
    ...base,
    kind: 'desktopFlow',
    environment: f.scalar('environment'),
    site: f.scalar('site'),
    relay: f.scalar('relay'),
  }),
  azureService: (f, base) => ({
    ...base,
    kind: 'azureService',
    type: f.scalar('type'),
    region: f.scalar('region'),
    via: f.scalar('via'),
  }),
  enterprisePolicy: (f, base) => ({
    ...base,
    kind: 'enterprisePolicy',
    subnets: f.mapList('subnets', (s, node) => ({ node, vnet: s.scalar('vnet'), region: s.scalar('region'), cidr: s.scalar('cidr'), hub: s.scalar('hub') })),
  }),
};

/** Builds one entity from its id key and value node. */
export function buildEntity<K extends EntityKind>(doc: Document, kind: K, key: Scalar, value: unknown): EntityOfKind[K] {
  const node = resolveNode(doc, value);
  const map = isMap(node) ? node : undefined;
  const fields = new Fields(doc, map);
  const base: EntityBase = { kind, id: String(key.value), key, map, name: fields.scalar('name'), azureId: fields.scalar('azureId') };
  return (BUILDERS[kind] as Builder<K>)(fields, base);
}

/** Builds an entity from its id key and value; the incremental parser passes one that reuses unchanged entities. */
export type EntityBuilder = <K extends EntityKind>(doc: Document, kind: K, key: Scalar, value: unknown) => EntityOfKind[K];

/** `known`: the entities of a section map when the caller has them already (the incremental parser's unchanged sections). */
export function buildTopology(parsed: ParsedDocument, build: EntityBuilder = buildEntity, known?: (map: YAMLMap) => Map<string, Entity> | undefined): Topology {
  const { doc } = parsed;
  const root = resolveNode(doc, doc.contents);
  const top = new Fields(doc, isMap(root) ? root : undefined);
  const topology: Topology = {
    parsed,
    version: top.scalar('version'),
    name: top.scalar('name'),
    cloud: top.scalar('cloud'),
    sections: new Map(),
    environments: new Map(),
    sites: new Map(),
    circuits: new Map(),
    gateways: new Map(),
    connectors: new Map(),
    desktopFlows: new Map(),
    azureServices: new Map(),
    enterprisePolicies: new Map(),
  };
  for (const kind of ENTITY_KINDS) {
    const sectionName = SECTION_OF[kind];
    const section = top.map(sectionName);
    if (!section) continue;
    topology.sections.set(sectionName, { key: section.key, map: section.map });
    if (!section.map) continue;
    const same = known?.(section.map);
    if (same) {
      (topology as unknown as Record<string, Map<string, Entity>>)[sectionName] = same;
      continue;
    }
    const entities = entitiesOf(topology, kind);
    for (const pair of mapPairs(doc, section.map)) {
      const key = pair.key as Scalar;
      const id = String(key.value);
      if (!entities.has(id)) entities.set(id, build(doc, kind, key, pair.value));
    }
  }
  return topology;
}

export function entitiesOf<K extends EntityKind>(topology: Topology, kind: K): Map<string, EntityOfKind[K]> {
  return topology[SECTION_OF[kind] as keyof Topology] as unknown as Map<string, EntityOfKind[K]>;
}

export function allEntities(topology: Topology): Entity[] {
  return ENTITY_KINDS.flatMap((kind) => [...entitiesOf(topology, kind).values()] as Entity[]);
}

/** The display label of an entity: its `name`, else its id. */
export function labelOf(entity: EntityBase): string {
  return entity.name?.text ?? entity.id;
}

// ---- Effective values: the spec's defaults applied. A default never counts as written. ----

export function cloudOf(topology: Topology): string {
  return topology.cloud?.text ?? 'public';
}

export function appsOf(environment: Environment): string[] {
  return environment.apps ? environment.apps.items.map((i) => i.text) : ['canvas', 'model-driven'];
}

export function cdnOf(environment: Environment): boolean {
  return environment.cdn ? environment.cdn.value !== false && environment.cdn.text !== 'false' : true;
}

export function internetOf(site: Site): 'allowed' | 'blocked' | string {
  return site.internet?.text ?? 'allowed';
}

/** Whether an environment is a Managed Environment as written (`undefined` when `managed` is not written). */
export function managedOf(environment: Environment): boolean | undefined {
  const managed = environment.managed;
  if (!managed) return undefined;
  return managed.value === true || managed.text === 'true' ? true : managed.value === false || managed.text === 'false' ? false : undefined;
}

export function relayOf(flow: DesktopFlow): string {
  return flow.relay?.text ?? 'internet';
}

export function tlsOf(gateway: Gateway): string {
  return gateway.tls?.text ?? '1.2';
}

export function memberCountOf(gateway: Gateway): number {
  return gateway.members ? gateway.members.items.length : 1;
}

/** The circuits whose `environments` list names an environment ("users at a site" of it). */
export function circuitsServing(topology: Topology, environmentId: string): Circuit[] {
  return entitiesNaming(topology, 'circuit', 'environments', environmentId);
}

/** The circuits at a site. */
export function circuitsAtSite(topology: Topology, siteId: string): Circuit[] {
  return entitiesNaming(topology, 'circuit', 'site', siteId);
}

/**
 * The entities of a kind whose `field` (a scalar, or a list naming several) names `id`, in file
 * order: the connectors of an environment, the gateways at a site... Indexed once per topology and
 * field, as rules, hover and completion ask it for every entity.
 */
export function entitiesNaming<K extends EntityKind>(topology: Topology, kind: K, field: string, id: string): EntityOfKind[K][] {
  const name = `${kind}.${field}`;
  let index = namingIndexes.get(name);
  if (!index) namingIndexes.set(name, (index = keyedIndex((real: Topology) => namingIndex(real, kind, field), SECTION_OF[kind] as TrackedSection)));
  return [...(index.lookup(topology, id) as EntityOfKind[K][])];
}

/** The entities of a kind by each id their `field` names. */
function namingIndex(topology: Topology, kind: EntityKind, field: string): Map<string, Entity[]> {
  const index = new Map<string, Entity[]>();
  for (const entity of entitiesOf(topology, kind).values()) {
    const value = (entity as unknown as Record<string, ScalarField | ListField | undefined>)[field];
    const names = value && 'items' in value ? value.items.map((i) => i.text) : value ? [value.text] : [];
    for (const name of new Set(names)) {
      const list = index.get(name);
      if (list) list.push(entity);
      else index.set(name, [entity]);
    }
  }
  return index;
}

/** One index per kind and field, each built once per topology version. */
const namingIndexes = new Map<string, KeyedIndex<Topology, Entity>>();
