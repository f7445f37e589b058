/**
 * What the desktop entry (extension.ts) and the browser entry (browserExtension.ts) share: the output
 * channel, the status item, the commands and the preview, around whichever language server the entry
 * starts (a Node process or a web worker).
 */
import { commands, Event, ExtensionContext, OutputChannel, window } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerInfrastructureExport } from './infrastructureExport';
import { registerNewTopologyFileCommand } from './newTopologyFile';
import { registerPreview } from './preview/preview';
import { SHOW_OUTPUT_COMMAND, ServerStatusItem } from './serverStatusItem';
import { registerShowReferences } from './showReferences';

/** What the shared activation needs of a language server. */
export interface ServerHandle {
  readonly client: BaseLanguageClient | undefined;
  /** Fires when the server starts, runs, stops or is given up, so that the preview refreshes. */
  readonly onDidChangeState: Event<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function activateWith<S extends ServerHandle>(
  context: ExtensionContext,
  createServer: (output: OutputChannel, status: ServerStatusItem) => S,
): Promise<S> {
  const output = window.createOutputChannel('ppnet');
  const status = new ServerStatusItem();
  const server = createServer(output, status);
  context.subscriptions.push(
    output,
    status,
    commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    commands.registerCommand('ppnet.restartServer', () => server.restart()),
  );
  registerNewTopologyFileCommand(context);
  registerPreview(context, () => server.client, server.onDidChangeState);
  registerInfrastructureExport(context, () => server.client);
  registerShowReferences(context);
  await server.start();
  return server;
}
