/**
 * The page's side of the layout worker: lays graphs out off the main thread, newest first.
 *
 * - Each request carries a version; an answer for any request but the newest is dropped, and its
 *   promise resolves to `undefined`.
 * - A newer request while the worker is busy: an ELK job (up to a second or so) is terminated and the
 *   worker started afresh; a grid job (milliseconds) runs out, its answer is dropped and the newest
 *   request follows. Requests in between are never laid out.
 * - A graph whose structure is that of the last one laid out takes that layout at once, with its new
 *   texts (stableLayout.ts): positions stay put across renames and edits of names, and most edits
 *   change nothing the overview's layout reads.
 *
 * No DOM here (the tests drive it with a stand-in worker); layoutWorkerStart.ts starts the real one.
 */
import { LaidOutGraph, LayoutEngine, layoutEngineFor } from '../../../server/src/diagram/geometry';
import type { Graph } from '../../../server/src/service';
import { fromWire, LayoutAnswer, LayoutJob, layoutInput, WireLayout } from './layoutWire';
import { reuseLayout } from './stableLayout';

/** What the client needs of a worker (a Web Worker, or a stand-in in tests). */
export interface LayoutWorker {
  postMessage(job: LayoutJob): void;
  terminate(): void;
  onmessage: ((event: { data: LayoutAnswer }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

interface Request {
  version: number;
  graph: Graph;
  /** What the layout reads of the graph (layoutInput). */
  input: Graph;
  engine: LayoutEngine;
  resolve: (laid: LaidOutGraph | undefined) => void;
  reject: (error: Error) => void;
}

export class LayoutClient {
  private worker: LayoutWorker | undefined;
  private running: Request | undefined;
  private waiting: Request | undefined;
  /** The last layout made, for its input. */
  private last: { input: Graph; layout: WireLayout } | undefined;

  /** `start`: a new worker (startLayoutWorker in the page). */
  constructor(private readonly start: () => LayoutWorker) {}

  /** `graph` laid out, or `undefined` when a newer layout was asked for before this one was done. */
  layout(graph: Graph, version: number): Promise<LaidOutGraph | undefined> {
    return new Promise((resolve, reject) => {
      const input = layoutInput(graph);
      const request: Request = { version, graph, input, engine: layoutEngineFor(graph), resolve, reject };
      this.waiting?.resolve(undefined);
      this.waiting = undefined;
      // An edit that changes no structure (a rename, a name; in the overview most edits) keeps the last layout.
      const reused = this.last && reuseLayout(this.last.input, this.last.layout, input);
      if (reused) {
        if (this.running) {
          if (this.running.engine === 'elk') this.stopWorker();
          this.running.resolve(undefined);
          this.running = undefined;
        }
        this.last = { input, layout: reused };
        return resolve(fromWire(reused, graph));
      }
      if (!this.running) return this.run(request);
      if (this.running.engine === 'elk') {
        // Stale and possibly long: stop it.
        this.running.resolve(undefined);
        this.running = undefined;
        this.stopWorker();
        return this.run(request);
      }
      this.waiting = request;
    });
  }

  /** Starts the worker ahead of the first layout, so that loading its script overlaps other work. */
  warm(): void {
    if (!this.worker) this.spawn();
  }

  private run(request: Request): void {
    this.running = request;
    (this.worker ?? this.spawn()).postMessage({ version: request.version, graph: request.input });
  }

  private spawn(): LayoutWorker {
    const worker = this.start();
    worker.onmessage = (event) => this.answered(worker, event.data);
    worker.onerror = (event) => this.failed(worker, new Error(event.message || 'the layout worker failed'));
    this.worker = worker;
    return worker;
  }

  private answered(worker: LayoutWorker, answer: LayoutAnswer): void {
    const request = this.running;
    if (worker !== this.worker || !request || answer.version !== request.version) return; // from a stopped worker or job
    this.running = undefined;
    if (!('error' in answer)) this.last = { input: request.input, layout: answer.layout };
    if (this.waiting) request.resolve(undefined);
    else if ('error' in answer) request.reject(new Error(answer.error));
    else request.resolve(fromWire(answer.layout, request.graph));
    this.next();
  }

  private failed(worker: LayoutWorker, error: Error): void {
    if (worker !== this.worker) return;
    this.stopWorker();
    const request = this.running;
    this.running = undefined;
    if (request && !this.waiting) request.reject(error);
    else request?.resolve(undefined);
    this.next();
  }

  private next(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) this.run(waiting);
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
