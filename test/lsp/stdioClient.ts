/**
 * One language server process driven over JSON-RPC on stdio, for the tests and the bench alike: every
 * published diagnostics notification is kept and stamped on arrival, requests can be timed, and the
 * process's peak resident memory is read from `/proc/<pid>/status` (VmHWM).
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, Position, RequestType, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export interface Publication {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  /** `performance.now()` when the notification arrived. */
  at: number;
}

export interface ServerCommand {
  /** Script run with this Node binary. */
  script: string;
  args: string[];
  /** Answers to `workspace/configuration`, by section. */
  settings: Record<string, unknown>;
  /** The language id of opened documents. */
  languageId: string;
  /** A command to run the server through (such as `setpriv` to run it as another user). */
  wrap?: string[];
}

export class StdioLspClient {
  /** The server process: tests that need raw stdio (several messages in one write) use its streams. */
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly publications: Publication[] = [];
  private readonly waiters = new Set<() => void>();
  private configurationPulled = false;
  capabilities: Record<string, unknown> = {};
  stderr = '';

  constructor(private readonly command: ServerCommand) {
    const [program, ...args] = [...(command.wrap ?? []), process.execPath, command.script, ...command.args];
    this.process = spawn(program, args, { stdio: 'pipe' });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Omit<Publication, 'at'>) => {
      this.publications.push({ ...params, at: performance.now() });
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationPulled = true;
      this.wake();
      return params.items.map((item) => (item.section ? (this.command.settings[item.section] ?? null) : null));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid!;
  }

  /** `initialize` with the client's capabilities; `announceSettings` tells servers that pull settings to pull them. */
  async initialize(capabilities: object = {}, announceSettings = false): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
    });
    this.capabilities = result.capabilities;
    await this.connection.sendNotification('initialized', {});
    if (announceSettings) await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    return result;
  }

  /** Waits until the server has pulled its settings (for servers that pull them at all). */
  async settingsPulled(timeoutMs = 10_000): Promise<void> {
    await this.until(() => this.configurationPulled, timeoutMs, 'the server never pulled its settings');
    // The server applies the answer asynchronously; let its event loop turn once.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  supports(capability: string): boolean {
    return !!this.capabilities[capability];
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.command.languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[] | object[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * A request declared in protocol/protocol.ts, its parameters and result typed by the declaration; or
   * any method by name (a test sends unsound parameters that way).
   */
  request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  request<R>(method: string, params: object): Promise<R>;
  request(method: string | RequestType<unknown, unknown, void>, params: object): Promise<unknown> {
    // By name: this connection is vscode-jsonrpc's own copy, whose RequestType is not the protocol's.
    return this.connection.sendRequest(typeof method === 'string' ? method : method.method, params);
  }

  /** The first diagnostics published for `uri` (at any time) that satisfy `accept`. */
  async diagnostics(uri: string, accept: (p: Publication) => boolean = () => true, timeoutMs = 10_000): Promise<Publication> {
    return this.diagnosticsAfter(0, uri, accept, timeoutMs);
  }

  /** Every diagnostics notification received so far for `uri`, in order. */
  publishedFor(uri: string): Publication[] {
    return this.publications.filter((p) => p.uri === uri);
  }

  clearPublished(): void {
    this.publications.length = 0;
  }

  /** How many publications have arrived so far: pass it to `diagnosticsAfter` to wait for newer ones. */
  mark(): number {
    return this.publications.length;
  }

  /** The first publication for `uri` after `mark` that satisfies `accept`. */
  async diagnosticsAfter(mark: number, uri: string, accept: (p: Publication) => boolean, timeoutMs = 120_000): Promise<Publication> {
    let found: Publication | undefined;
    await this.until(
      () => (found = this.publications.slice(mark).find((p) => p.uri === uri && accept(p))) !== undefined,
      timeoutMs,
      `no matching diagnostics for ${uri}`,
    );
    return found!;
  }

  /** Sends a request and returns its result with the round-trip time in milliseconds. */
  async timedRequest<R>(method: string, uri: string, position: Position): Promise<{ result: R; ms: number }> {
    const start = performance.now();
    const result = await this.connection.sendRequest<R>(method, { textDocument: { uri }, position });
    return { result, ms: performance.now() - start };
  }

  /** Peak resident set size of the server process so far, in bytes. */
  peakMemory(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  }

  async shutdown(): Promise<void> {
    const exited = new Promise((resolve) => (this.process.exitCode !== null ? resolve(undefined) : this.process.once('exit', resolve)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    await exited;
  }

  private wake(): void {
    for (const wake of this.waiters) wake();
  }

  private async until(condition: () => boolean, timeoutMs: number, failure: string): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!condition()) {
      if (performance.now() > deadline) throw new Error(`${failure}; stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 200);
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        const waiters = this.waiters;
        waiters.add(done);
      });
    }
  }
}
