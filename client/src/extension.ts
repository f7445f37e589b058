/**
 * The VS Code client: starts the language server and hands it topology files. It holds no checks of
 * its own; everything a user sees comes from the server. Activation happens when a topology file opens
 * (the contributed language) or one of our commands runs; nothing here does work before that.
 */
import { commands, ExtensionContext, window } from 'vscode';
import { LanguageServer } from './languageServer';
import { registerNewTopologyFileCommand } from './newTopologyFile';
import { registerPreview } from './preview/preview';
import { SHOW_OUTPUT_COMMAND, ServerStatusItem } from './serverStatusItem';

let server: LanguageServer | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('ppnet');
  const status = new ServerStatusItem();
  server = new LanguageServer(context, output, status);
  const languageServer = server;
  context.subscriptions.push(
    output,
    status,
    commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    commands.registerCommand('ppnet.restartServer', () => languageServer.restart()),
  );
  registerNewTopologyFileCommand(context);
  registerPreview(context, () => languageServer.client, languageServer.onDidChangeState);
  await languageServer.start();
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
