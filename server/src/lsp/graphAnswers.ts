/**
 * The preview's graphs (`GRAPH_DELTA_REQUEST`): the last graph answered for each open document, so that
 * the next answer is the change from it (protocol/graphDelta.ts) and the same version asked again (the
 * extension asks after an edit and again when its diagnostics arrive) is not built twice.
 */
import type { Graph } from '../service';
import { diffGraph } from '../../../protocol/graphDelta';
import type { GraphAnswer } from '../../../protocol/protocol';

interface Answered {
  id: string;
  version: number;
  /** The rule levels the graph's marks were made with (the config's object: a new one is a change). */
  levels: unknown;
  graph: Graph;
}

export class GraphAnswers {
  private readonly last = new Map<string, Answered>();
  private answers = 0;
  /** Ids differ between server runs too: a restarted server must not take a client's old id for its own. */
  private readonly run = Math.random().toString(36).slice(2, 8);

  /** The graph of `version` as the change from `since` when that is the last answer, else whole. */
  answer(uri: string, version: number, levels: unknown, since: string | undefined, build: () => Graph): GraphAnswer {
    const previous = this.last.get(uri);
    let current = previous;
    if (!current || current.version !== version || current.levels !== levels) {
      current = { id: `${this.run}.${version}.${++this.answers}`, version, levels, graph: build() };
      this.last.set(uri, current);
    }
    if (previous === undefined || since !== previous.id) return { id: current.id, graph: current.graph };
    return { id: current.id, base: since, delta: diffGraph(previous.graph, current.graph) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
