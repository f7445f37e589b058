/**
 * What the preview asks the language server for and posts to the webview, without `vscode` (the bench
 * drives it too): the graph as the change from the last answer (`GRAPH_DELTA_REQUEST`), applied here (the
 * extension reveals nodes from it) and forwarded as such when the webview holds the base, else whole.
 * After a one-line edit of a large topology that is a few kilobytes instead of megabytes, three times
 * serialised and parsed.
 *
 * A webview that holds nothing of the file gets, for a large one, the overview it opens on first (a
 * few kilobytes: the server leaves the flows out), and the graph when it asks for it (`wantGraph`,
 * once the overview is drawn), so that posting megabytes does not hold up the first drawing.
 */
import type { Graph } from '../../../protocol/graph';
import { applyGraphDelta, deltaIsEmpty } from '../../../protocol/graphDelta';
import type { GraphAnswer, GraphDeltaParams, ToWebview } from '../../../protocol/protocol';

/**
 * Edits are coalesced for this long before the graph is asked for (one request at a time; the redraw
 * of a one-line edit follows within 300 ms on a 300-unit file: bench/RESULTS.md).
 */
export const REFRESH_DELAY_MS = 50;

export type AskGraph = (params: GraphDeltaParams) => Promise<GraphAnswer | null>;

export class GraphFeed {
  /** The last graph answered for `uri`, and its answer's id. */
  private current: { uri: string; id: string; graph: Graph } | undefined;
  /** What the webview holds: the answer id, the version it was posted with, and whether only its overview. */
  private posted: { uri: string; id: string; version?: number; overviewOnly: boolean } | undefined;

  get graph(): Graph | undefined {
    return this.current?.graph;
  }

  /** Whether the webview holds a whole graph (not nothing, not only an overview): it can export. */
  get webviewHoldsGraph(): boolean {
    return this.posted !== undefined && !this.posted.overviewOnly;
  }

  /** The webview (re)loaded, or was shown something else: it holds no graph now. */
  webviewCleared(): void {
    this.posted = undefined;
  }

  /**
   * Asks for the graph of `uri` and returns the message that brings the webview to it: `null` when the
   * server has no graph, `undefined` when the webview shows this already.
   */
  async next(ask: AskGraph, uri: string, version: number | undefined, fit: boolean): Promise<ToWebview | null | undefined> {
    const known = this.current?.uri === uri ? this.current : undefined;
    const holdsNothing = this.posted?.uri !== uri;
    let answer = await ask({ uri, ...(known && { since: known.id }), ...(holdsNothing && { overviewFirst: true }) });
    if (answer && 'delta' in answer && answer.base !== this.current?.id) answer = await ask({ uri }); // overtaken meanwhile
    if (!answer) return null;
    const versioned = version !== undefined ? { version } : {};
    if ('overview' in answer) {
      this.posted = { uri, id: answer.id, version, overviewOnly: true };
      return { type: 'overview', uri, overview: answer.overview, fit, id: answer.id, ...versioned };
    }
    const base = this.current;
    const graph = 'delta' in answer ? applyGraphDelta(base!.graph, answer.delta) : answer.graph;
    this.current = { uri, id: answer.id, graph };
    // A delta only to a webview that holds its base (not only the overview of that answer).
    if ('delta' in answer && !fit && this.posted?.overviewOnly === false && this.posted.id === answer.base) {
      if (deltaIsEmpty(answer.delta) && this.posted.version === version) return undefined;
      this.posted = { uri, id: answer.id, version, overviewOnly: false };
      return { type: 'graphDelta', uri, base: answer.base, id: answer.id, delta: answer.delta, ...versioned };
    }
    this.posted = { uri, id: answer.id, version, overviewOnly: false };
    return { type: 'graph', uri, graph, fit, id: answer.id, ...versioned };
  }
}
