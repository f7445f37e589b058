/**
 * What the preview asks the language server for and posts to the webview, without `vscode` (the bench
 * drives it too): the graph as the change from the last answer (`GRAPH_DELTA_REQUEST`), applied here (the
 * extension reveals nodes from it) and forwarded as such when the webview holds the base, else whole.
 * After a one-line edit of a large topology that is a few kilobytes instead of megabytes, three times
 * serialised and parsed.
 */
import type { Graph } from '../../../server/src/service';
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
  /** The answer id of the graph the webview holds, and the version it was posted with. */
  private posted: { id: string; version?: number } | undefined;

  get graph(): Graph | undefined {
    return this.current?.graph;
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
    let answer = await ask({ uri, ...(known && { since: known.id }) });
    if (answer && 'delta' in answer && answer.base !== this.current?.id) answer = await ask({ uri }); // overtaken meanwhile
    if (!answer) return null;
    const base = this.current;
    const graph = 'delta' in answer ? applyGraphDelta(base!.graph, answer.delta) : answer.graph;
    this.current = { uri, id: answer.id, graph };
    const versioned = version !== undefined ? { version } : {};
    if ('delta' in answer && !fit && this.posted?.id === answer.base) {
      if (deltaIsEmpty(answer.delta) && this.posted.version === version) return undefined;
      this.posted = { id: answer.id, version };
      return { type: 'graphDelta', uri, base: answer.base, id: answer.id, delta: answer.delta, ...versioned };
    }
    this.posted = { id: answer.id, version };
    return { type: 'graph', uri, graph, fit, id: answer.id, ...versioned };
  }
}
