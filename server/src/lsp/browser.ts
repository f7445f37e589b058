/**
 * The language server in a web worker (dist/web/server.js, for vscode.dev and github.dev): LSP over
 * the worker's `postMessage`, and configs sent by the client, which reads them through the workspace
 * file system (the worker has no disk). The bundle holds no Node built-in: scripts/build.mjs fails if
 * one slips in.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { CONFIG_FILES_NOTIFICATION, ConfigFilesParams } from '../../../protocol/protocol';
import type { Untrusted } from '../../../protocol/checks';
import { SentConfigSource } from './browserConfig';
import { cancelUndispatched, startServer } from './server';

// The server coalesces changes with setImmediate, which a worker lacks.
const scope = globalThis as unknown as Record<string, unknown>;
if (typeof scope.setImmediate !== 'function') {
  scope.setImmediate = (callback: () => void) => setTimeout(callback, 0);
  scope.clearImmediate = (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle);
}

// The worker's global scope (typed loosely: the project compiles without the DOM and WebWorker libraries).
const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(worker), new BrowserMessageWriter(worker), { cancelUndispatched });
const configs = new SentConfigSource();
connection.onNotification(CONFIG_FILES_NOTIFICATION, (params: Untrusted<ConfigFilesParams>) => configs.update(params?.files));
startServer(connection, configs);
