/**
 * The page's side of the layout workers: lays graphs out off the main thread, newest first, one job at
 * a time, each in its engine's worker (the grid's starts at once and in milliseconds; ELK's, a megabyte
 * of script, for the first small graph or after the first drawing, not while a large file opens).
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
 * No DOM here (the tests drive it with stand-in workers); layoutWorkerStart.ts starts the real ones.
 */
import { LaidOutGraph, LayoutEngine, layoutEngineFor } from '../../../diagram/geometry';
import type { Graph } from '../../../protocol/graph';
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
  private readonly workers = new Map<LayoutEngine, LayoutWorker>();
  private running: Request | undefined;
  private waiting: Request | undefined;
  /** The last layout made, for its input. */
  private last: { input: Graph; layout: WireLayout } | undefined;
  /** ELK's worker was started ahead of need, once (afterwards only when a small graph needs it). */
  private elkStarted = false;

  /** `start`: a new worker for an engine (layoutWorkerStarter's in the page). */
  constructor(private readonly start: (engine: LayoutEngine) => LayoutWorker) {}

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
          if (this.running.engine === 'elk') this.stopWorker('elk');
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
        this.stopWorker('elk');
        return this.run(request);
      }
      this.waiting = request;
    });
  }

  /** Starts the grid's worker ahead of the first layout, so that loading its script overlaps other work. */
  warm(): void {
    if (!this.workers.has('grid')) this.spawn('grid');
  }

  private run(request: Request): void {
    this.running = request;
    (this.workers.get(request.engine) ?? this.spawn(request.engine)).postMessage({ version: request.version, graph: request.input });
  }

  private spawn(engine: LayoutEngine): LayoutWorker {
    if (engine === 'elk') this.elkStarted = true;
    const worker = this.start(engine);
    worker.onmessage = (event) => this.answered(worker, event.data);
    worker.onerror = (event) => this.failed(worker, new Error(event.message || 'the layout worker failed'));
    this.workers.set(engine, worker);
    return worker;
  }

  private answered(worker: LayoutWorker, answer: LayoutAnswer): void {
    const request = this.running;
    if (!request || worker !== this.workers.get(request.engine) || answer.version !== request.version) return; // from a stopped worker or job
    this.running = undefined;
    if (!('error' in answer)) this.last = { input: request.input, layout: answer.layout };
    if (this.waiting) request.resolve(undefined);
    else if ('error' in answer) request.reject(new Error(answer.error));
    else request.resolve(fromWire(answer.layout, request.graph));
    // The first drawing is under way: ELK's worker may load now (it compiles ELK on a tiny graph of
    // its own), so that a small graph later (a focus, a filter) is drawn at once.
    if (!this.elkStarted) this.spawn('elk');
    this.next();
  }

  private failed(worker: LayoutWorker, error: Error): void {
    const engine = [...this.workers].find(([, w]) => w === worker)?.[0];
    if (engine === undefined) return;
    this.stopWorker(engine);
    const request = this.running;
    if (request?.engine !== engine) return; // ELK's, loading while the grid works: started again when needed
    this.running = undefined;
    if (!this.waiting) request.reject(error);
    else request.resolve(undefined);
    this.next();
  }

  private next(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) this.run(waiting);
  }

  private stopWorker(engine: LayoutEngine): void {
    this.workers.get(engine)?.terminate();
    this.workers.delete(engine);
  }
}
