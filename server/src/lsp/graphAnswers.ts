/**
 * The preview's graphs (`GRAPH_DELTA_REQUEST`): the last graph answered for each open document, so that
 * the next answer is the change from it (protocol/graphDelta.ts) and the same version asked again (the
 * extension asks after an edit and again when its diagnostics arrive) is not built twice. A preview
 * that holds nothing of a large file gets its overview first (diagram/overview.ts), and the
 * graph when it asks again.
 */
import type { Graph } from '../../../protocol/graph';
import { diffGraph } from '../../../protocol/graphDelta';
import { openingOverview } from '../../../diagram/overview';
import type { GraphAnswer } from '../../../protocol/protocol';

interface Answered {
  id: string;
  version: number;
  /** What the graph's marks were made with (the config's levels and the deployed estate, as objects: a new one is a change). */
  marks: readonly unknown[];
  graph: Graph;
}

export class GraphAnswers {
  private readonly last = new Map<string, Answered>();
  private answers = 0;
  /** Ids differ between server runs too: a restarted server must not take a client's old id for its own. */
  private readonly run = Math.random().toString(36).slice(2, 8);

  /**
   * The graph of `version` as the change from `since` when that is the last answer, else whole; with
   * `overviewFirst`, only its opening overview when it is large.
   */
  answer(uri: string, version: number, marks: readonly unknown[], since: string | undefined, build: () => Graph, overviewFirst = false): GraphAnswer {
    const previous = this.last.get(uri);
    let current = previous;
    if (!current || current.version !== version || current.marks.length !== marks.length || current.marks.some((m, i) => m !== marks[i])) {
      current = { id: `${this.run}.${version}.${++this.answers}`, version, marks, graph: build() };
      this.last.set(uri, current);
    }
    const overview = overviewFirst ? openingOverview(current.graph) : undefined;
    if (overview) return { id: current.id, overview };
    if (previous === undefined || since !== previous.id) return { id: current.id, graph: current.graph };
    return { id: current.id, base: since, delta: diffGraph(previous.graph, current.graph) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
