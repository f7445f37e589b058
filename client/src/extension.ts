/**
 * The VS Code client: starts the language server and hands it topology files. It holds no checks of
 * its own; everything a user sees comes from the server. Activation happens when a topology file opens
 * (the contributed language) or one of our commands runs; nothing here does work before that.
 */
import { ExtensionContext } from 'vscode';
import { activateWith } from './activation';
import { LanguageServer } from './languageServer';

let server: LanguageServer | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  // Kept before start() returns, so that a deactivate during a slow start still stops it.
  await activateWith(context, (output, status) => (server = new LanguageServer(context, output, status)));
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
