/** The "ppnet: New topology file" command: opens an untitled topology file holding the commented starter text. */
import { commands, ExtensionContext, window, workspace } from 'vscode';
import { STARTER_FILE } from '../../server/src/service/features/content/snippets';

export const NEW_TOPOLOGY_FILE_COMMAND = 'ppnet.newTopologyFile';

export function registerNewTopologyFileCommand(context: ExtensionContext): void {
  context.subscriptions.push(
    commands.registerCommand(NEW_TOPOLOGY_FILE_COMMAND, async () => {
      const document = await workspace.openTextDocument({ language: 'ppnet', content: STARTER_FILE });
      await window.showTextDocument(document);
    }),
  );
}
