/**
 * A layout worker's side of the wire: lays out each graph the page sends with its one engine and
 * answers with its version. One job at a time; the page drops answers for versions it no longer wants
 * and terminates the ELK worker when a long job is stale (layoutClient.ts).
 */
import type { LaidOutGraph } from '../../../diagram/geometry';
import type { Graph } from '../../../protocol/graph';
import { LayoutAnswer, LayoutJob, toWire } from './layoutWire';

interface WorkerScope {
  onmessage: ((event: { data: LayoutJob }) => void) | null;
  postMessage(answer: LayoutAnswer): void;
}

export function serveLayouts(layout: (graph: Graph) => LaidOutGraph | Promise<LaidOutGraph>): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => {
    const { version, graph } = event.data;
    Promise.resolve()
      .then(() => layout(graph))
      .then(
        (laid) => scope.postMessage({ version, layout: toWire(laid) }),
        (error: unknown) => scope.postMessage({ version, error: error instanceof Error ? error.message : String(error) }),
      );
  };
}
