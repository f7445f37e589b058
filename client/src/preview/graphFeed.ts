/**
 * What the preview asks the language server for and posts to the webview, without `vscode` (the bench
 * drives it too). The extension relays: it holds no graph, only which answer the webview holds. It asks
 * for the graph as the change from that answer (`GRAPH_DELTA_REQUEST` with `since`) and forwards the
 * delta as it came, which the webview applies; when the webview holds nothing (or only an overview, or
 * the view is to be fitted) it asks for the graph whole. After a one-line edit of a large topology that
 * is a few kilobytes instead of megabytes, serialised and parsed once less.
 *
 * A webview that holds nothing of the file gets, for a large one, the overview it opens on first (a
 * few kilobytes: the server leaves the flows out), and the graph when it asks for it (`wantGraph`,
 * once the overview is drawn), so that posting megabytes does not hold up the first drawing.
 */
import { deltaIsEmpty } from '../../../protocol/graphDelta';
import type { GraphAnswer, GraphDeltaParams, ToWebview } from '../../../protocol/protocol';

/**
 * Edits are coalesced for this long before the graph is asked for (one request at a time; the redraw
 * of a one-line edit follows within 300 ms on a 300-unit file: bench/RESULTS.md).
 */
export const REFRESH_DELAY_MS = 50;

export type AskGraph = (params: GraphDeltaParams) => Promise<GraphAnswer | null>;

export class GraphFeed {
  /** What the webview holds: the answer's id, the version it was posted with, and whether only its overview. */
  private posted: { uri: string; id: string; version?: number; overviewOnly: boolean } | undefined;

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
    const holdsNothing = this.posted?.uri !== uri;
    // A delta only to a webview that holds a whole graph of this file, and keeps its view.
    const base = !holdsNothing && !fit && this.posted?.overviewOnly === false ? this.posted.id : undefined;
    let answer = await ask({ uri, ...(base !== undefined && { since: base }), ...(holdsNothing && { overviewFirst: true }) });
    if (answer && 'delta' in answer && answer.base !== base) answer = await ask({ uri }); // not from what the webview holds
    if (!answer) return null;
    const versioned = version !== undefined ? { version } : {};
    if ('overview' in answer) {
      this.posted = { uri, id: answer.id, version, overviewOnly: true };
      return { type: 'overview', uri, overview: answer.overview, fit, id: answer.id, ...versioned };
    }
    // Nothing changed and the webview drew this version: nothing to post (it keeps the answer it holds).
    if ('delta' in answer && deltaIsEmpty(answer.delta) && this.posted?.version === version) return undefined;
    this.posted = { uri, id: answer.id, version, overviewOnly: false };
    if ('graph' in answer) return { type: 'graph', uri, graph: answer.graph, fit, id: answer.id, ...versioned };
    return { type: 'graphDelta', uri, base: answer.base, id: answer.id, delta: answer.delta, ...versioned };
  }
}
