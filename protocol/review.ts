/**
 * What reviewing a change compares besides the graph: each finding placed by what it is on rather than
 * by its line, and each entity by its content. The language service makes them; `review/` compares two
 * versions of a design with them, and the command line's CI formats fingerprint findings with them, so
 * that moving a block or adding lines above a finding changes neither. Types only.
 */
import type { EntityKind } from './graph';

export interface FindingPlace {
  /** The node id of the entity whose YAML holds the finding (`gateway:gw-ams`); absent outside every entity. */
  entity?: string;
  /**
   * The keys from the entity (or from the root, outside every entity) down to the node the finding is on,
   * a list item as `[]`: `["microsoftPeering", "routeFilter", "[]"]`. Ends with the key's name when the
   * finding is on a key.
   */
  path: string[];
  /** The text the finding is on: the value or the key (empty for a finding on a point). */
  text: string;
}

/** An entity as a diff tells renames apart: a rename keeps the content and changes the id. */
export interface EntityDigest {
  /** Its node id in the graph (`site:ams-hq`). */
  node: string;
  kind: EntityKind;
  id: string;
  /** Its name, else its id. */
  label: string;
  /** Its value as plain data (comments, layout and key order left out), `null` when it has none. */
  content: unknown;
}
