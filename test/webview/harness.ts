/**
 * The preview page in headless Chromium: the real HTML (with its Content-Security-Policy) served over
 * a local HTTP origin, the bundled script and stylesheet, and a fake `acquireVsCodeApi` that records
 * what the page posts. Extension messages are delivered as window messages, as VS Code does.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/html';
import type { Graph } from '../../protocol/graph';
import type { FromWebview, ToWebview } from '../../protocol/protocol';
import { ROOT } from '../support';

// Page functions run in the browser; the tests compile without the DOM library.
declare const window: Window & Record<string, unknown>;
declare const document: { addEventListener(type: string, listener: () => void): void; body: { classList: { add(name: string): void } }; documentElement: { style: { setProperty(name: string, value: string): void } } };
interface Window {
  postMessage(message: unknown, target: string): void;
}

export const CHROMIUM = '/usr/bin/chromium';
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const RESULTS = path.join(ROOT, 'test-results');
export const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';

/** Why browser tests cannot run here, or `undefined` when they can. */
export function browserMissing(): string | undefined {
  return fs.existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (CI installs chromium); browser tests skipped`;
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

/** Serves `/preview.html` and the webview bundle from `dist/webview`, nothing else. */
export async function startServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const bundle = path.join(ROOT, 'dist', 'webview');
  if (!fs.existsSync(path.join(bundle, 'preview.js'))) throw new Error('dist/webview/preview.js is missing: run npm run build');
  let origin = '';
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/preview.html') {
      const html = previewHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/webview/preview.js`, styleUri: `${origin}/webview/preview.css` });
      response.writeHead(200, { 'content-type': 'text/html' }).end(html);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const name = url.pathname.replace(/^\/webview\//, '');
    const file = path.join(bundle, name);
    if (!url.pathname.startsWith('/webview/') || path.dirname(file) !== bundle || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface PageProblems {
  console: string[];
  pageErrors: string[];
}

/** The theme classes and a few of the variables VS Code gives a webview. */
export const THEMES = {
  light: { className: 'vscode-light', vars: { '--vscode-editor-background': '#ffffff', '--vscode-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171' } },
  dark: { className: 'vscode-dark', vars: { '--vscode-editor-background': '#1e1e1e', '--vscode-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-editorWidget-background': '#252526', '--vscode-button-secondaryBackground': '#3a3d41', '--vscode-button-secondaryForeground': '#ffffff' } },
  'high-contrast': { className: 'vscode-high-contrast', vars: { '--vscode-editor-background': '#000000', '--vscode-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff', '--vscode-editorWidget-background': '#0c141f', '--vscode-panel-border': '#6fc3df' } },
} as const;

/**
 * Opens the preview page with a fake VS Code API. `state` is what `getState` returns (a reloaded panel).
 * Posted messages collect in `window.__posted`, the saved state in `window.__state`.
 */
export async function openPreview(
  browser: Browser,
  origin: string,
  options: {
    theme?: keyof typeof THEMES;
    state?: unknown;
    viewport?: { width: number; height: number };
    /** Called in Node with each message the page posts, as it posts it (the bench times `drawn` with it). */
    onPosted?: (message: Record<string, unknown>) => void;
  } = {},
): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems: PageProblems = { console: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  const theme = THEMES[options.theme ?? 'light'];
  const onPosted = options.onPosted;
  if (onPosted) await page.exposeFunction('__onPosted', (message: Record<string, unknown>) => onPosted(message));
  await page.addInitScript(
    ({ state, theme: t }) => {
      const w = window as unknown as Record<string, unknown>;
      w.__posted = [];
      w.__state = state;
      w.acquireVsCodeApi = () => ({
        postMessage: (message: unknown) => {
          (w.__posted as unknown[]).push(message);
          if (typeof w.__onPosted === 'function') (w.__onPosted as (m: unknown) => void)(message);
        },
        getState: () => w.__state,
        setState: (next: unknown) => (w.__state = next),
      });
      document.addEventListener('DOMContentLoaded', () => {
        document.body.classList.add(t.className);
        for (const [name, value] of Object.entries(t.vars)) document.documentElement.style.setProperty(name, value);
      });
    },
    { state: options.state, theme },
  );
  await page.goto(`${origin}/preview.html`);
  await waitForPosted(page, (m) => m.type === 'ready');
  return { page, problems };
}

export async function send(page: Page, message: ToWebview): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

/** The `reveal` the page posts for a node of a graph it shows: the node's range in the file. */
export function revealOf(shown: { uri: string; graph: Graph }, id: string): FromWebview {
  const range = shown.graph.nodes.find((n) => n.id === id)?.range;
  assert.ok(range, `${id} has a range`);
  return { type: 'reveal', uri: shown.uri, range };
}

export async function posted(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(() => (window as unknown as { __posted: Record<string, unknown>[] }).__posted);
}

/** Waits until the page has posted a message that `accept` takes, and returns it. */
export async function waitForPosted(page: Page, accept: (message: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await posted(page)).find(accept);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching message; posted: ${JSON.stringify(await posted(page)).slice(0, 500)}`);
    await page.waitForTimeout(25);
  }
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, name);
}

/** A browser and the page server for the tests of one `describe`, started before them and closed after. */
export function browserForSuite(): { browser(): Browser; origin(): string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser!, origin: () => server!.origin };
}

/** The page neither threw nor logged an error or warning. */
export function assertNoProblems(problems: PageProblems): void {
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.console, []);
}
