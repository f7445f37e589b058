/** The words both reports of a diff use: its summary, a flow's name, a route, an entity's change. */
import type { DiffSummary, EntityChange, EntityRename, FlowInfo, FlowMove } from '../../../../review/diff';
import type { RouteKind } from '../../../../protocol/graph';
import { ENTITY_WORDS, ROUTE_WORDS } from '../../../../protocol/vocabulary';
import { capitalize } from '../../service';

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** "1 flow moves to a more exposed route, 1 new error, 2 entities renamed", or that nothing changed. */
export function summaryOf(s: DiffSummary): string {
  const parts: string[] = [];
  if (s.moreExposed) parts.push(`${plural(s.moreExposed, 'flow moves', 'flows move')} to a more exposed route`);
  if (s.lessExposed) parts.push(`${plural(s.lessExposed, 'flow moves', 'flows move')} to a less exposed route`);
  if (s.flowsAdded) parts.push(`${plural(s.flowsAdded, 'flow')} added`);
  if (s.flowsRemoved) parts.push(`${plural(s.flowsRemoved, 'flow')} removed`);
  if (s.newErrors) parts.push(plural(s.newErrors, 'new error'));
  const others = s.findingsAppeared - s.newErrors;
  if (others) parts.push(`${plural(others, s.newErrors ? 'other finding appears' : 'finding appears', s.newErrors ? 'other findings appear' : 'findings appear')}`);
  if (s.findingsDisappeared) parts.push(`${plural(s.findingsDisappeared, 'finding disappears', 'findings disappear')}`);
  if (s.entitiesRenamed) parts.push(`${plural(s.entitiesRenamed, 'entity', 'entities')} renamed`);
  if (s.entitiesAdded) parts.push(`${plural(s.entitiesAdded, 'entity', 'entities')} added`);
  if (s.entitiesRemoved) parts.push(`${plural(s.entitiesRemoved, 'entity', 'entities')} removed`);
  if (s.cellsChanged) parts.push(`${plural(s.cellsChanged, 'route-matrix cell changes', 'route-matrix cells change')}`);
  return capitalize(parts.length ? parts.join(', ') : 'no change to flows, findings, entities or routes');
}

export const routeLabel = (route: RouteKind) => ROUTE_WORDS[route].label;

/** "connector:erp-sql (Contoso Production → Amsterdam gateway cluster)". */
export const flowName = (flow: Pick<FlowInfo | FlowMove, 'id' | 'from' | 'to'>) => `${flow.id} (${flow.from} → ${flow.to})`;

/** "ExpressRoute → Public internet (more exposed)". */
export const moveText = (move: FlowMove) => `${routeLabel(move.base.route)} → ${routeLabel(move.head.route)} (${move.exposure} exposed)`;

/** "gateway gw-ams renamed gw-amsterdam", "site lonely added". */
export function entityText(change: EntityChange | EntityRename, what: 'added' | 'removed' | 'renamed'): string {
  return 'from' in change ? `${ENTITY_WORDS[change.kind].noun} ${change.from} renamed ${change.to}` : `${ENTITY_WORDS[change.kind].noun} ${change.id} ${what}`;
}
