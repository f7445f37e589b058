/**
 * The extension in the browser (vscode.dev, github.dev): package.json `browser`, bundled as
 * dist/web/client.js. The same commands and preview as the desktop entry (extension.ts); the language
 * server runs in a web worker (browserLanguageServer.ts).
 */
import { commands, ExtensionContext, window } from 'vscode';
import { BrowserLanguageServer } from './browserLanguageServer';
import { registerNewTopologyFileCommand } from './newTopologyFile';
import { registerPreview } from './preview/preview';
import { SHOW_OUTPUT_COMMAND, ServerStatusItem } from './serverStatusItem';

let server: BrowserLanguageServer | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('ppnet');
  const status = new ServerStatusItem();
  server = new BrowserLanguageServer(context, output, status);
  const languageServer = server;
  context.subscriptions.push(
    output,
    status,
    commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    commands.registerCommand('ppnet.restartServer', () => languageServer.restart()),
  );
  registerNewTopologyFileCommand(context);
  registerPreview(context, () => languageServer.client);
  await languageServer.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server?.dispose();
  server = undefined;
}
