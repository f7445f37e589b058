/**
 * References between entities: which fields name which kind of entity, and every reference in a
 * topology with its node. Validation, navigation and completion share this one table.
 */
import { Scalar } from 'yaml';
import { allEntities, Entity, EntityKind, entitiesOf, Topology } from './model';
import { lookupTables } from '../syntax/lookupTable';

/** Reference fields by entity kind: field name → the kind it names. */
export const REFERENCE_FIELDS: Partial<Record<EntityKind, Record<string, EntityKind>>> = lookupTables({
  environment: { enterprisePolicy: 'enterprisePolicy' },
  circuit: { site: 'site', environments: 'environment' },
  gateway: { site: 'site' },
  connector: { environment: 'environment', gateway: 'gateway' },
  desktopFlow: { environment: 'environment', site: 'site' },
});

export interface Reference {
  from: Entity;
  field: string;
  targetKind: EntityKind;
  text: string;
  node: Scalar;
}

/** Each entity's references, once per entity object: an entity the incremental parser keeps keeps them. */
const referencesOf = new WeakMap<Entity, readonly Reference[]>();

export function referencesIn(entity: Entity): readonly Reference[] {
  let references = referencesOf.get(entity);
  if (!references) referencesOf.set(entity, (references = findReferences(entity)));
  return references;
}

function findReferences(entity: Entity): Reference[] {
  const fields = REFERENCE_FIELDS[entity.kind] ?? {};
  const references: Reference[] = [];
  for (const [field, targetKind] of Object.entries(fields)) {
    const value = (entity as unknown as Record<string, unknown>)[field] as
      | { node: Scalar; text: string; items?: undefined }
      | { items: { node: Scalar; text: string }[] }
      | undefined;
    if (!value) continue;
    const items = 'items' in value && value.items ? value.items : [value as { node: Scalar; text: string }];
    for (const item of items) references.push({ from: entity, field, targetKind, text: item.text, node: item.node });
  }
  return references;
}

/** Every reference of a topology version, once per version: validation and navigation read the same list. */
const referencesOfTopology = new WeakMap<Topology, readonly Reference[]>();

export function allReferences(topology: Topology): readonly Reference[] {
  let references = referencesOfTopology.get(topology);
  if (!references) referencesOfTopology.set(topology, (references = allEntities(topology).flatMap(referencesIn)));
  return references;
}

export function resolveReference(topology: Topology, reference: Pick<Reference, 'targetKind' | 'text'>): Entity | undefined {
  return entitiesOf(topology, reference.targetKind).get(reference.text) as Entity | undefined;
}
