/**
 * Starts the layout worker from a blob of its bundle, which the page's script carries (scripts/build.mjs):
 * VS Code serves a webview's files from another origin than the page, where `new Worker(url)` is
 * refused. The Content-Security-Policy allows `worker-src blob:` for it (client/src/preview/html.ts).
 */
import workerSource from 'ppnet:layout-worker';
import type { LayoutWorker } from './layoutClient';

let workerUrl: string | undefined;

export function startLayoutWorker(): LayoutWorker {
  workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  return new Worker(workerUrl, { name: 'ppnet-layout' }) as unknown as LayoutWorker;
}
