/**
 * What a change to a design does, for a reviewer: the flows whose route changes (with the reason of
 * each side), the flows added and removed, the findings that appear and disappear, the entities added,
 * removed and renamed, and the route matrix's cells that change. Pure: it compares two versions of each
 * file as the language service describes them (graph, placed findings, entity digests), so that `ppnet
 * diff` and any page can use it. Nothing is matched by line: flows by their ids, findings by code,
 * severity and entity (then by the keys and text under it), entities by id, and a removed entity whose
 * content reappears under a new id is a rename.
 */
import type { Range } from 'vscode-languageserver-types';
import type { EntityKind, FlowKind, Graph, GraphFlow, RouteKind, Severity } from '../protocol/graph';
import type { EntityDigest, FindingPlace } from '../protocol/review';
import { MatrixColumn, MatrixRow, ROUTE_EXPOSURE, routeMatrix } from '../diagram/matrix';
import { renamesOf } from './renames';

/** A finding of one version, placed by what it is on. */
export interface PlacedFinding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Absent for a finding that is not on the YAML (a file that could not be read). */
  place?: FindingPlace;
}

/** One version of one topology file. */
export interface DesignVersion {
  graph: Graph;
  findings: PlacedFinding[];
  entities: EntityDigest[];
}

/** A file of the change with its two versions; one is absent for a file added or removed. */
export interface FilePair {
  /** The name the diff gives it (the head's path, or where it was for a removed file). */
  file: string;
  base?: DesignVersion;
  head?: DesignVersion;
}

export type Exposure = 'more' | 'less';

export interface FlowSide {
  route: RouteKind;
  reason: string;
}

/** A flow of one version: its id, what it is, its ends' labels, its route and why. */
export interface FlowInfo extends FlowSide {
  file: string;
  id: string;
  kind: FlowKind;
  from: string;
  to: string;
}

export interface FlowMove {
  file: string;
  /** The head's id (the base's may differ by a renamed entity). */
  id: string;
  kind: FlowKind;
  from: string;
  to: string;
  base: FlowSide;
  head: FlowSide;
  /** Toward the most exposed route (no route, public internet, unknown) or away from it. */
  exposure: Exposure;
}

export interface FindingChange {
  file: string;
  code: string;
  severity: Severity;
  message: string;
  /** The entity's node id in its version (`gateway:gw-ams`), when the finding is inside one. */
  entity?: string;
  /** Where it is in its version: the head's for one that appears, the base's for one that disappears. */
  range: Range;
}

export interface EntityChange {
  file: string;
  kind: EntityKind;
  id: string;
  label: string;
}

export interface EntityRename {
  file: string;
  kind: EntityKind;
  from: string;
  to: string;
  label: string;
}

export interface CellSide {
  route: RouteKind;
  routes: RouteKind[];
}

export interface CellChange {
  file: string;
  row: Pick<MatrixRow, 'id' | 'kind' | 'label'>;
  column: Pick<MatrixColumn, 'id' | 'kind' | 'label'>;
  /** Absent when the pair has no flow in that version. */
  base?: CellSide;
  head?: CellSide;
  /** Absent when the most exposed route stays (only the other routes change) or one side is absent. */
  exposure?: Exposure;
}

export interface DiffSummary {
  flowsMoved: number;
  /** Flows moved to a more exposed route: `ppnet diff` fails on them. */
  moreExposed: number;
  lessExposed: number;
  flowsAdded: number;
  flowsRemoved: number;
  findingsAppeared: number;
  findingsDisappeared: number;
  /** Errors among the findings that appear: `ppnet diff` fails on them. */
  newErrors: number;
  entitiesAdded: number;
  entitiesRemoved: number;
  entitiesRenamed: number;
  cellsChanged: number;
}

export interface DesignDiff {
  flows: { moved: FlowMove[]; added: FlowInfo[]; removed: FlowInfo[] };
  findings: { appeared: FindingChange[]; disappeared: FindingChange[] };
  entities: { added: EntityChange[]; removed: EntityChange[]; renamed: EntityRename[] };
  cells: CellChange[];
  summary: DiffSummary;
}

/** Lower is more exposed. */
const exposureRank = (route: RouteKind) => ROUTE_EXPOSURE.indexOf(route);

function exposureOf(base: RouteKind, head: RouteKind): Exposure | undefined {
  if (base === head) return undefined;
  return exposureRank(head) < exposureRank(base) ? 'more' : 'less';
}

/** The changes without their summary, as they are gathered file by file. */
type Changes = Omit<DesignDiff, 'summary'>;

export function diffDesigns(pairs: readonly FilePair[]): DesignDiff {
  const changes: Changes = {
    flows: { moved: [], added: [], removed: [] },
    findings: { appeared: [], disappeared: [] },
    entities: { added: [], removed: [], renamed: [] },
    cells: [],
  };
  for (const pair of pairs) diffFile(pair, changes);
  return { ...changes, summary: summarize(changes) };
}

function summarize(diff: Changes): DiffSummary {
  return {
    flowsMoved: diff.flows.moved.length,
    moreExposed: diff.flows.moved.filter((m) => m.exposure === 'more').length,
    lessExposed: diff.flows.moved.filter((m) => m.exposure === 'less').length,
    flowsAdded: diff.flows.added.length,
    flowsRemoved: diff.flows.removed.length,
    findingsAppeared: diff.findings.appeared.length,
    findingsDisappeared: diff.findings.disappeared.length,
    newErrors: diff.findings.appeared.filter((f) => f.severity === 'error').length,
    entitiesAdded: diff.entities.added.length,
    entitiesRemoved: diff.entities.removed.length,
    entitiesRenamed: diff.entities.renamed.length,
    cellsChanged: diff.cells.length,
  };
}

const EMPTY: DesignVersion = {
  graph: { title: '', nodes: [], groups: [], edges: [], flows: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } },
  findings: [],
  entities: [],
};

function diffFile({ file, base = EMPTY, head = EMPTY }: FilePair, diff: Changes): void {
  const renames = renamesOf(base.entities, head.entities);
  // A base node id as the head names it.
  const toHead = (node: string) => renames.get(node) ?? node;

  const headIds = new Set(head.entities.map((e) => e.node));
  const baseIds = new Set(base.entities.map((e) => e.node));
  for (const entity of base.entities) {
    const renamed = renames.get(entity.node);
    if (renamed !== undefined) diff.entities.renamed.push({ file, kind: entity.kind, from: entity.id, to: renamed.slice(entity.kind.length + 1), label: entity.label });
    else if (!headIds.has(entity.node)) diff.entities.removed.push({ file, kind: entity.kind, id: entity.id, label: entity.label });
  }
  const renamedTo = new Set(renames.values());
  for (const entity of head.entities) {
    if (!baseIds.has(entity.node) && !renamedTo.has(entity.node)) diff.entities.added.push({ file, kind: entity.kind, id: entity.id, label: entity.label });
  }

  diffFlows(file, base.graph, head.graph, renames, diff);
  diffFindings(file, base.findings, head.findings, toHead, diff);
  diffCells(file, base.graph, head.graph, toHead, diff);
}

/** A base flow's id as the head would write it: each entity id in it that was renamed, renamed. */
function headFlowId(flow: GraphFlow, renames: ReadonlyMap<string, string>): string {
  const nodes = [flow.from, flow.to, flow.subject, flow.environment].filter((n): n is string => n !== undefined && renames.has(n));
  if (nodes.length === 0) return flow.id;
  const [kind, ...parts] = flow.id.split(':');
  const renamedPart = (part: string) => {
    const node = nodes.find((n) => n.slice(n.indexOf(':') + 1) === part);
    return node === undefined ? part : renames.get(node)!.slice(node.indexOf(':') + 1);
  };
  return [kind, ...parts.map(renamedPart)].join(':');
}

const flowInfo = (file: string, flow: GraphFlow): FlowInfo => ({
  file,
  id: flow.id,
  kind: flow.kind,
  from: flow.fromLabel,
  to: flow.toLabel,
  route: flow.route,
  reason: flow.reason,
});

function diffFlows(file: string, base: Graph, head: Graph, renames: ReadonlyMap<string, string>, diff: Changes): void {
  const headFlows = new Map(head.flows.map((f) => [f.id, f]));
  const matched = new Set<string>();
  for (const flow of base.flows) {
    const after = headFlows.get(headFlowId(flow, renames));
    if (!after) {
      diff.flows.removed.push(flowInfo(file, flow));
      continue;
    }
    matched.add(after.id);
    const exposure = exposureOf(flow.route, after.route);
    if (exposure === undefined) continue;
    diff.flows.moved.push({
      file,
      id: after.id,
      kind: after.kind,
      from: after.fromLabel,
      to: after.toLabel,
      base: { route: flow.route, reason: flow.reason },
      head: { route: after.route, reason: after.reason },
      exposure,
    });
  }
  for (const flow of head.flows) if (!matched.has(flow.id)) diff.flows.added.push(flowInfo(file, flow));
}

function findingChange(file: string, finding: PlacedFinding): FindingChange {
  const { code, severity, message, range, place } = finding;
  return { file, code, severity, message, ...(place?.entity !== undefined && { entity: place.entity }), range };
}

/**
 * Findings matched by code, severity and entity (a renamed entity's findings follow it); among several
 * of the same, first those on the same keys and text, then in order. The rest appear or disappear.
 */
function diffFindings(file: string, base: readonly PlacedFinding[], head: readonly PlacedFinding[], toHead: (node: string) => string, diff: Changes): void {
  const groupKey = (f: PlacedFinding, entity: string | undefined) => `${f.code}\u0000${f.severity}\u0000${entity ?? ''}`;
  const detail = (f: PlacedFinding) => `${f.place?.path.join('/') ?? ''}\u0000${f.place?.text ?? f.message}`;
  const waiting = new Map<string, PlacedFinding[]>();
  for (const finding of head) {
    const key = groupKey(finding, finding.place?.entity);
    waiting.set(key, [...(waiting.get(key) ?? []), finding]);
  }
  const unmatched: { finding: PlacedFinding; key: string }[] = [];
  // Same keys and text first, so that one finding moving does not pair two others crosswise.
  for (const finding of base) {
    const key = groupKey(finding, finding.place?.entity === undefined ? undefined : toHead(finding.place.entity));
    const candidates = waiting.get(key) ?? [];
    const same = candidates.findIndex((c) => detail(c) === detail(finding));
    if (same >= 0) candidates.splice(same, 1);
    else unmatched.push({ finding, key });
  }
  for (const { finding, key } of unmatched) {
    const candidates = waiting.get(key) ?? [];
    if (candidates.length) candidates.shift();
    else diff.findings.disappeared.push(findingChange(file, finding));
  }
  const left = new Set([...waiting.values()].flat());
  for (const finding of head) if (left.has(finding)) diff.findings.appeared.push(findingChange(file, finding));
}

function diffCells(file: string, base: Graph, head: Graph, toHead: (node: string) => string, diff: Changes): void {
  const before = routeMatrix(base);
  const after = routeMatrix(head);
  const axis = <A extends MatrixRow | MatrixColumn>(a: A): Pick<A, 'id' | 'kind' | 'label'> => ({ id: a.id, kind: a.kind, label: a.label });
  const key = (row: string, column: string) => `${row}\u0000${column}`;
  const baseCells = new Map(before.cells.map((c) => [key(toHead(c.row), toHead(c.column)), c]));
  // The head's rows and columns in its order, then those only the base has.
  const rows = new Map<string, MatrixRow>(after.rows.map((r) => [r.id, r]));
  for (const r of before.rows) if (!rows.has(toHead(r.id))) rows.set(toHead(r.id), r);
  const columns = new Map<string, MatrixColumn>(after.columns.map((c) => [c.id, c]));
  for (const c of before.columns) if (!columns.has(toHead(c.id))) columns.set(toHead(c.id), c);
  const side = (cell: { route: RouteKind; routes: RouteKind[] }): CellSide => ({ route: cell.route, routes: [...cell.routes] });
  const changes: { order: [number, number]; change: CellChange }[] = [];
  const rowIndex = new Map([...rows.keys()].map((id, i) => [id, i]));
  const columnIndex = new Map([...columns.keys()].map((id, i) => [id, i]));
  const order = (row: string, column: string): [number, number] => [rowIndex.get(row)!, columnIndex.get(column)!];
  for (const cell of after.cells) {
    const k = key(cell.row, cell.column);
    const old = baseCells.get(k);
    baseCells.delete(k);
    if (old && old.route === cell.route && old.routes.join() === cell.routes.join()) continue;
    const exposure = old ? exposureOf(old.route, cell.route) : undefined;
    const change: CellChange = { file, row: axis(rows.get(cell.row)!), column: axis(columns.get(cell.column)!), ...(old && { base: side(old) }), head: side(cell), ...(exposure && { exposure }) };
    changes.push({ order: order(cell.row, cell.column), change });
  }
  for (const [k, old] of baseCells) {
    const [row, column] = k.split('\u0000');
    changes.push({ order: order(row, column), change: { file, row: axis(rows.get(row)!), column: axis(columns.get(column)!), base: side(old) } });
  }
  changes.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  diff.cells.push(...changes.map((c) => c.change));
}
