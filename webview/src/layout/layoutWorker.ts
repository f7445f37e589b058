/**
 * The preview's layout worker: lays out each graph the page sends (ELK or the grid, as `ppnet graph`
 * does) off the page's main thread. One job at a time; the page drops answers for versions it no
 * longer wants and terminates the worker when a long job is stale (layoutClient.ts).
 */
import './elkInWorker';
import { layoutGraph } from '../../../server/src/diagram/layout';
import { LayoutAnswer, LayoutJob, toWire } from './layoutWire';
import type { Graph } from '../../../server/src/service';

interface WorkerScope {
  onmessage: ((event: { data: LayoutJob }) => void) | null;
  postMessage(answer: LayoutAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;

/**
 * A first ELK layout of a small graph, once: ELK's code runs slowly until the engine has compiled it
 * (a 16-node graph took 350 ms the first time, 55 ms from the fifth). Run after the page's first grid
 * layout (a large file's overview), so that a focus or filter narrowed to a small graph later is drawn
 * at once; not at start, where it slowed the opening of a large file by competing with the language
 * server for the processor.
 */
const WARM_UP: Graph = {
  title: '',
  nodes: [
    { id: 'a', kind: 'site', caption: 'Site', label: 'a', group: 'g', diagnostics: [] },
    { id: 'b', kind: 'environment', caption: 'Environment', label: 'b', diagnostics: [] },
  ],
  groups: [{ id: 'g', kind: 'site', label: 'g' }],
  edges: [{ id: 'e', from: 'a', to: 'b', route: 'expressroute', flows: [] }],
  flows: [],
  counts: { error: 0, warning: 0, info: 0, hint: 0 },
};
let firstLayoutDone = false;

scope.onmessage = (event) => {
  const { version, graph } = event.data;
  layoutGraph(graph).then(
    (laid) => {
      scope.postMessage({ version, layout: toWire(laid) });
      const warmUp = !firstLayoutDone && laid.engine === 'grid';
      firstLayoutDone = true;
      if (warmUp) void layoutGraph(WARM_UP, { engine: 'elk' }).catch(() => undefined);
    },
    (error: unknown) => scope.postMessage({ version, error: error instanceof Error ? error.message : String(error) }),
  );
};
