/**
 * The preview page's state: one object. Messages from the extension (messages.ts) and the user's input
 * (input.ts) change it; the one drawing path reads it (render.ts: the derived view, shownGraph.ts, then
 * the layout, then the drawing). Data only: the page's elements and widgets are page.ts's.
 */
import type { LaidOutGraph } from '../../diagram/layout';
import type { RouteMatrix } from '../../diagram/matrix';
import type { Overview } from '../../diagram/overview';
import type { ThemeKind } from '../../diagram/theme';
import type { Graph, GraphNode } from '../../protocol/graph';
import type { PreviewState } from '../../protocol/previewState';
import { GraphFilter, NO_FILTER } from './filters';

export type Mode = 'diagram' | 'matrix';
/** The zoom and pan: the drawing's offset and scale. */
export type View = NonNullable<PreviewState['view']>;

export interface Position {
  line: number;
  character: number;
}

/** A drawing asked for: fitted to the view, or centred on a group just expanded. */
export interface RenderRequest {
  fit: boolean;
  center?: string;
}

/** What is drawn: the graph laid out (filtered, focused, maybe collapsed to its overview), and its layout. */
export interface Drawn {
  graph: Graph;
  overview?: Overview;
  laid: LaidOutGraph;
}

/**
 * Flows listed at first, and added by each click on the row that says how many are not: laying out a
 * few hundred rows of reasons was most of opening a large file (filter, search or focus to list fewer).
 */
export const FLOW_ROWS_PAGE = 100;

export interface PageState {
  // ---- The file, as the extension sent it ----
  uri: string | undefined;
  /** The file's graph; `undefined` before it comes (nothing yet, or only the opening overview). */
  graph: Graph | undefined;
  /** The server's answer the graph comes from (a `graphDelta` names it as its base), and the document's version. */
  graphId: string | undefined;
  graphVersion: number | undefined;
  nodesById: Map<string, GraphNode>;
  /** Shown an opening overview: how many flows the graph that follows has; a drawing and a cursor asked for meanwhile. */
  flowsToCome: number | undefined;
  renderWhenGraph: RenderRequest | undefined;
  cursorWhenGraph: Position | undefined;
  /** A focus the extension asked for (a code lens clicked) on a graph not here yet. */
  focusWhenGraph: { uri: string; node: string; request: number } | undefined;
  /** The last focus request taken: the extension sends it again until it hears so. */
  focusTaken: number | undefined;

  // ---- What the user chose ----
  mode: Mode;
  filter: GraphFilter;
  /** The entity or group shown alone with its flows. */
  focus: string | undefined;
  /** Groups and clusters the user opened on the overview. */
  expanded: Set<string>;
  search: { query: string; matches: GraphNode[]; index?: number };
  /** What is highlighted: a node (from the cursor or a click) or a flow (from the table). */
  highlight: { node?: string; flow?: string };
  flowRowLimit: number;
  /** Kept across redraws and reloads; `undefined` until the first drawing is fitted. */
  view: View | undefined;
  /** The editor's theme (the body's classes). */
  theme: ThemeKind;

  // ---- What is drawn ----
  drawn: Drawn | undefined;
  /** The drawing's pan-and-zoom group. */
  viewport: SVGGElement | undefined;
  /** The layout is newer than the drawing (laid out while the matrix was shown). */
  drawPending: boolean;
  /** The route matrix of `graph`, made when the matrix is first shown. */
  matrix: RouteMatrix | undefined;
  /** Counts drawings: a layout that comes back after a newer one was asked for is dropped. */
  renderSequence: number;
  /** The drawing under way; exports wait for it. */
  rendering: Promise<void>;
}

export function createState(restored: PreviewState | undefined, theme: ThemeKind): PageState {
  return {
    uri: restored?.uri,
    graph: undefined,
    graphId: undefined,
    graphVersion: undefined,
    nodesById: new Map(),
    flowsToCome: undefined,
    renderWhenGraph: undefined,
    cursorWhenGraph: undefined,
    focusWhenGraph: undefined,
    focusTaken: undefined,
    mode: 'diagram',
    filter: NO_FILTER,
    focus: undefined,
    expanded: new Set(),
    search: { query: '', matches: [] },
    highlight: {},
    flowRowLimit: FLOW_ROWS_PAGE,
    view: restored?.view,
    theme,
    drawn: undefined,
    viewport: undefined,
    drawPending: false,
    matrix: undefined,
    renderSequence: 0,
    rendering: Promise.resolve(),
  };
}
