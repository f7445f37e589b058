/**
 * The route matrix: where traffic starts (on-premises sites, desktop-flow machines, data gateways, and
 * the Power Platform regions whose environments use Azure services and outside services) against where
 * it goes (environments, Azure services, services outside Microsoft), each cell the route its flows take
 * and why. One pure function of the graph, used by `ppnet routes` and by the preview's matrix, so that
 * the two cannot disagree.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Graph, GraphFlow, GraphNode, RouteKind } from '../protocol/graph';
import { ENTITY_WORDS, GROUP_WORDS, OUTSIDE_SERVICE_TITLE } from '../protocol/vocabulary';

export type MatrixRowKind = 'site' | 'desktopFlow' | 'gateway' | 'region';
export type MatrixColumnKind = 'environment' | 'azureService' | 'service';

export interface MatrixRow {
  /** The node id (`site:hq`, `gateway:gw`, `desktopFlow:bot`) or region group id (`group:region:europe`); prefixed by the file for a folder. */
  id: string;
  kind: MatrixRowKind;
  label: string;
  /** The node (or group) of the graph the row stands for. */
  node: string;
  /** The topology file, for a folder (`ppnet routes <folder>`). */
  file?: string;
}

export interface MatrixColumn {
  id: string;
  kind: MatrixColumnKind;
  label: string;
}

export interface MatrixCell {
  row: string;
  column: string;
  /** The most exposed route of the cell's flows (see `ROUTE_EXPOSURE`). */
  route: RouteKind;
  /** Every route the cell's flows take, most exposed first. */
  routes: RouteKind[];
  /** Why: the reason of each flow, in the graph's order. */
  reason: string;
  /** The ids of the flows between the row and the column. */
  flows: string[];
  /** The node whose YAML the first flow comes from (what a click reveals). */
  node: string;
  /** That node's YAML. */
  range?: Range;
}

export interface RouteMatrix {
  rows: MatrixRow[];
  columns: MatrixColumn[];
  /** Only the pairs that have flows, by row then column. */
  cells: MatrixCell[];
}

/**
 * Routes from most to least exposed: traffic that cannot get through, traffic on the public internet,
 * traffic whose route cannot be told, then ExpressRoute and Microsoft's backbone. A cell whose flows take
 * several routes (users over ExpressRoute, their canvas apps' static content from the CDN over the
 * internet) shows the first of these, and lists all in `routes`.
 */
export const ROUTE_EXPOSURE: readonly RouteKind[] = ['no-route', 'internet', 'unknown', 'expressroute', 'virtual-network', 'microsoft-backbone'];

export const MATRIX_ROW_KINDS: readonly MatrixRowKind[] = ['site', 'desktopFlow', 'gateway', 'region'];
export const MATRIX_COLUMN_KINDS: readonly MatrixColumnKind[] = ['environment', 'azureService', 'service'];

/** Words for a row or column kind, in the singular ("Data gateway", "Power Platform region"). */
export function axisTitle(kind: MatrixRowKind | MatrixColumnKind): string {
  if (kind === 'region') return GROUP_WORDS.region.caption;
  return kind === 'service' ? OUTSIDE_SERVICE_TITLE : ENTITY_WORDS[kind].title;
}

/** The row and column a flow belongs to, or `undefined` for a flow that does not leave from one (a connector to a Microsoft service). */
function placeOf(flow: GraphFlow, nodes: Map<string, GraphNode>): { row: string; column: string } | undefined {
  const from = nodes.get(flow.from);
  const to = nodes.get(flow.to);
  switch (flow.kind) {
    case 'users':
    case 'static-content':
      return from?.kind === 'site' && flow.environment !== undefined ? { row: from.id, column: flow.environment } : undefined;
    case 'desktop-flow':
      return from?.kind === 'desktopFlow' && flow.environment !== undefined ? { row: from.id, column: flow.environment } : undefined;
    case 'connector':
      if (to?.kind === 'gateway' && flow.environment !== undefined) return { row: to.id, column: flow.environment };
      // Through a delegated subnet and private peering: the site the source is at.
      if (to?.kind === 'site' && flow.environment !== undefined) return { row: to.id, column: flow.environment };
      if (to?.kind === 'service' && from?.kind === 'environment' && from.group?.startsWith('group:region:')) return { row: from.group, column: to.id };
      return undefined;
    case 'azure-service':
      return to?.kind === 'azureService' && flow.from.startsWith('group:region:') ? { row: flow.from, column: to.id } : undefined;
  }
}

const ROW_OF_NODE: Partial<Record<GraphNode['kind'], MatrixRowKind>> = { site: 'site', desktopFlow: 'desktopFlow', gateway: 'gateway' };
const COLUMN_OF_NODE: Partial<Record<GraphNode['kind'], MatrixColumnKind>> = { environment: 'environment', azureService: 'azureService', service: 'service' };

export function routeMatrix(graph: Graph): RouteMatrix {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const groups = new Map(graph.groups.map((g) => [g.id, g]));
  const byPair = new Map<string, { row: string; column: string; flows: GraphFlow[] }>();
  for (const flow of graph.flows) {
    const place = placeOf(flow, nodes);
    if (!place) continue;
    const key = `${place.row}\u0000${place.column}`;
    const pair = byPair.get(key) ?? { ...place, flows: [] };
    pair.flows.push(flow);
    byPair.set(key, pair);
  }
  const usedRows = new Set([...byPair.values()].map((p) => p.row));
  const usedColumns = new Set([...byPair.values()].map((p) => p.column));

  // Rows: every site, desktop flow and gateway (a row without flows says so too), then the regions that have flows.
  const rows: MatrixRow[] = [];
  for (const kind of MATRIX_ROW_KINDS) {
    if (kind === 'region') {
      for (const group of graph.groups) {
        if (group.kind === 'region' && usedRows.has(group.id)) rows.push({ id: group.id, kind, label: group.label, node: group.id });
      }
      continue;
    }
    for (const node of graph.nodes) {
      if (ROW_OF_NODE[node.kind] !== kind) continue;
      // A site's node stands for its users; the site's name is its group's label.
      const label = node.kind === 'site' ? (node.group && groups.get(node.group)?.label) || node.id.slice('site:'.length) : node.label;
      rows.push({ id: node.id, kind, label, node: node.id });
    }
  }
  // Columns: every environment and Azure service, then the outside services that have flows.
  const columns: MatrixColumn[] = [];
  for (const kind of MATRIX_COLUMN_KINDS) {
    for (const node of graph.nodes) {
      if (COLUMN_OF_NODE[node.kind] === kind && (kind !== 'service' || usedColumns.has(node.id))) columns.push({ id: node.id, kind, label: node.label });
    }
  }

  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  const columnIndex = new Map(columns.map((c, i) => [c.id, i]));
  const cells: MatrixCell[] = [...byPair.values()]
    .filter((pair) => rowIndex.has(pair.row) && columnIndex.has(pair.column))
    .sort((a, b) => rowIndex.get(a.row)! - rowIndex.get(b.row)! || columnIndex.get(a.column)! - columnIndex.get(b.column)!)
    .map((pair) => {
      const routes = ROUTE_EXPOSURE.filter((route) => pair.flows.some((f) => f.route === route));
      const subject = pair.flows[0].subject;
      const range = nodes.get(subject)?.range;
      return {
        row: pair.row,
        column: pair.column,
        route: routes[0],
        routes,
        reason: pair.flows.map((f) => f.reason).join(' '),
        flows: pair.flows.map((f) => f.id),
        node: subject,
        ...(range && { range }),
      };
    });
  return { rows, columns, cells };
}

/**
 * The matrices of several files as one: each row's id prefixed by its file (`file: id`) and the file
 * named on the row; columns of the same id (an environment several files name) are one column.
 */
export function mergeMatrices(parts: { file: string; matrix: RouteMatrix }[]): RouteMatrix {
  const rows: MatrixRow[] = [];
  const columns = new Map<string, MatrixColumn>();
  const cells: MatrixCell[] = [];
  for (const { file, matrix } of parts) {
    const prefix = (id: string) => `${file}: ${id}`;
    rows.push(...matrix.rows.map((row) => ({ ...row, id: prefix(row.id), file })));
    for (const column of matrix.columns) if (!columns.has(column.id)) columns.set(column.id, column);
    cells.push(...matrix.cells.map((cell) => ({ ...cell, row: prefix(cell.row) })));
  }
  // Columns by kind, then in the order the files name them.
  const ordered = MATRIX_COLUMN_KINDS.flatMap((kind) => [...columns.values()].filter((c) => c.kind === kind));
  const columnIndex = new Map(ordered.map((c, i) => [c.id, i]));
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  cells.sort((a, b) => rowIndex.get(a.row)! - rowIndex.get(b.row)! || columnIndex.get(a.column)! - columnIndex.get(b.column)!);
  return { rows, columns: ordered, cells };
}
