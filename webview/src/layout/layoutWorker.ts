/**
 * The preview's layout worker: lays out each graph the page sends (ELK or the grid, as `ppnet graph`
 * does) off the page's main thread. One job at a time; the page drops answers for versions it no
 * longer wants and terminates the worker when a long job is stale (layoutClient.ts).
 */
import './elkInWorker';
import { layoutGraph } from '../../../server/src/diagram/layout';
import { LayoutAnswer, LayoutJob, toWire } from './layoutWire';

interface WorkerScope {
  onmessage: ((event: { data: LayoutJob }) => void) | null;
  postMessage(answer: LayoutAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { version, graph } = event.data;
  layoutGraph(graph).then(
    (laid) => scope.postMessage({ version, layout: toWire(laid) }),
    (error: unknown) => scope.postMessage({ version, error: error instanceof Error ? error.message : String(error) }),
  );
};
