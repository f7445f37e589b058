/**
 * Starts a layout worker from a blob of its bundle, which the page's script carries (scripts/build.mjs):
 * VS Code serves a webview's files from another origin than the page, where `new Worker(url)` is
 * refused. The Content-Security-Policy allows `worker-src blob:` for it (client/src/preview/html.ts).
 */
import gridSource from 'ppnet:layout-worker/grid';
import elkSource from 'ppnet:layout-worker/elk';
import type { LayoutEngine } from '../../../diagram/geometry';
import type { LayoutWorker } from './layoutClient';

const SOURCES: Record<LayoutEngine, string> = { grid: gridSource, elk: elkSource };

/** Starts a new worker for an engine each time it is called; each engine's blob is made once. */
export function layoutWorkerStarter(): (engine: LayoutEngine) => LayoutWorker {
  const urls = new Map<LayoutEngine, string>();
  return (engine) => {
    let url = urls.get(engine);
    if (!url) {
      url = URL.createObjectURL(new Blob([SOURCES[engine]], { type: 'text/javascript' }));
      urls.set(engine, url);
    }
    return new Worker(url, { name: `ppnet-layout-${engine}` }) as unknown as LayoutWorker;
  };
}
