/**
 * The extension in the browser (vscode.dev, github.dev): package.json `browser`, bundled as
 * dist/web/client.js. The same commands and preview as the desktop entry (activation.ts); the language
 * server runs in a web worker (browserLanguageServer.ts).
 */
import { ExtensionContext } from 'vscode';
import { activateWith } from './activation';
import { BrowserLanguageServer } from './browserLanguageServer';

let server: BrowserLanguageServer | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  await activateWith(context, (output, status) => (server = new BrowserLanguageServer(context, output, status)));
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
