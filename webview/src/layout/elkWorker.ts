/**
 * ELK's layout worker (small graphs drawn whole). The page starts it for the first small graph, or
 * after its first drawing otherwise (layoutClient.ts): never while a large file opens, where loading
 * ELK competed with the language server for the processor.
 */
import './elkInWorker';
import { elkLayout } from '../../../diagram/elkLayout';
import type { Graph } from '../../../protocol/graph';
import { serveLayouts } from './serveLayouts';

serveLayouts(elkLayout);

/**
 * A first layout of a tiny graph at once: ELK's code runs slowly until the engine has compiled it (a
 * 16-node graph took 350 ms the first time, 55 ms from the fifth), and this way that starts while the
 * page still waits for the graph, or before a focus or filter narrows a large one to a small graph.
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
void elkLayout(WARM_UP).catch(() => undefined);
