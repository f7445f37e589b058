/** A topology from YAML text, for the facts' tests. */
import { buildTopology, Topology } from '../../server/src/service/model/model';
import { parseText } from '../../server/src/service/syntax/parse';

export function topologyOf(text: string): Topology {
  return buildTopology(parseText(text));
}

/** An entity of a section that must be defined. */
export function defined<T>(map: ReadonlyMap<string, T>, id: string): T {
  const found = map.get(id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
}
