/**
 * Lays the graph out: ELK (layered, groups as compound nodes, edges routed across them) for small
 * graphs, which it draws best, and the grid layout for large ones, which ELK's layered algorithm with
 * hierarchical edges cannot lay out in time (it grows much faster than the graph: bench/RESULTS.md).
 * Pure and deterministic: the webview (in a worker) and `ppnet graph` get the same coordinates for the
 * same graph.
 */
import type { Graph } from '../protocol/graph';
import { elkLayout } from './elkLayout';
import { LaidOutGraph, layoutEngineFor, LayoutOptions } from './geometry';
import { gridLayout } from './gridLayout';

export * from './geometry';

export async function layoutGraph(graph: Graph, options: LayoutOptions = {}): Promise<LaidOutGraph> {
  return layoutEngineFor(graph, options.engine) === 'elk' ? elkLayout(graph) : gridLayout(graph);
}
