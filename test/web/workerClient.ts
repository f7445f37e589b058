/**
 * The web-worker language server (dist/web/server.js) in headless Chromium: a loopback HTTP server
 * serves the bundle and a blank page, the page starts the worker, and a tiny LSP client in the page
 * speaks JSON-RPC to it through `postMessage`, as vscode-languageclient/browser does in vscode.dev.
 */
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { NotificationType } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ROOT } from '../support';

export const WEB_SERVER_BUNDLE = path.join(ROOT, 'dist', 'web', 'server.js');

// Page functions run in the browser; the tests compile without the DOM library.
declare const window: Record<string, unknown>;
declare const Worker: new (url: string) => { postMessage(message: unknown): void; onmessage: ((event: { data: unknown }) => void) | null; onerror: ((event: { message: string }) => void) | null };

/** Serves `/` (a blank page) and `/server.js` (the web-worker server bundle), nothing else. */
export async function serveBundle(): Promise<{ origin: string; close: () => Promise<void> }> {
  if (!fs.existsSync(WEB_SERVER_BUNDLE)) throw new Error('dist/web/server.js is missing: run npm run build');
  const server = http.createServer((request, response) => {
    if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ppnet web worker</title>');
    else if (request.url === '/server.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(WEB_SERVER_BUNDLE));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Publication {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** An LSP client in a page, talking to the server in its worker. */
export class WorkerLspClient {
  private constructor(readonly page: Page) {}

  /** Opens the page, starts the worker and initializes the server. */
  static async start(browser: Browser, origin: string): Promise<{ client: WorkerLspClient; initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } } }> {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    await page.evaluate(() => {
      const worker = new Worker('/server.js');
      let nextId = 1;
      const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
      const publications: unknown[] = [];
      const errors: string[] = [];
      worker.onerror = (event) => errors.push(event.message);
      worker.onmessage = ({ data }) => {
        const message = data as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
        if (message.method === undefined && message.id !== undefined) {
          const waiter = waiting.get(message.id);
          waiting.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error.message));
          else waiter?.resolve(message.result);
        } else if (message.method !== undefined && message.id !== undefined) {
          // A request from the server (registerCapability and the like): accepted.
          worker.postMessage({ jsonrpc: '2.0', id: message.id, result: null });
        } else if (message.method === 'textDocument/publishDiagnostics') {
          publications.push(message.params);
        }
      };
      window.__lsp = {
        publications,
        errors,
        request: (method: string, params: unknown) =>
          new Promise((resolve, reject) => {
            const id = nextId++;
            waiting.set(id, { resolve, reject });
            worker.postMessage({ jsonrpc: '2.0', id, method, params });
          }),
        notify: (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params }),
      };
    });
    const client = new WorkerLspClient(page);
    const initializeResult = (await client.request('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null })) as Awaited<ReturnType<typeof WorkerLspClient.start>>['initializeResult'];
    await client.notify('initialized', {});
    if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
    return { client, initializeResult };
  }

  request(method: string, params: unknown): Promise<unknown> {
    return this.page.evaluate(({ method, params }) => (window.__lsp as { request(m: string, p: unknown): Promise<unknown> }).request(method, params), { method, params });
  }

  /** A notification declared in protocol/protocol.ts, its parameters typed by the declaration; or any method by name. */
  notify<P>(type: NotificationType<P>, params: P): Promise<void>;
  notify(method: string, params: unknown): Promise<void>;
  notify(type: string | NotificationType<unknown>, params: unknown): Promise<void> {
    const method = typeof type === 'string' ? type : type.method;
    return this.page.evaluate(({ method, params }) => (window.__lsp as { notify(m: string, p: unknown): void }).notify(method, params), { method, params });
  }

  /** Everything the server published so far, and the worker's errors. */
  state(): Promise<{ publications: Publication[]; errors: string[] }> {
    return this.page.evaluate(() => {
      const lsp = window.__lsp as { publications: Publication[]; errors: string[] };
      return { publications: [...lsp.publications], errors: [...lsp.errors] };
    });
  }

  /** The first diagnostics for `uri` published after `after` publications that satisfy `accept`. */
  async diagnostics(uri: string, options: { after?: number; accept?: (p: Publication) => boolean; timeoutMs?: number } = {}): Promise<Diagnostic[]> {
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    for (;;) {
      const { publications, errors } = await this.state();
      if (errors.length) throw new Error(`worker errors: ${errors.join('; ')}`);
      const found = publications.slice(options.after ?? 0).find((p) => p.uri === uri && (options.accept?.(p) ?? true));
      if (found) return found.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} within the time (got ${publications.length} publications)`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async publicationCount(): Promise<number> {
    return (await this.state()).publications.length;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'ppnet', version, text } });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
