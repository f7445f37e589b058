/**
 * **ppnet: Export Route Filters and Policies…**: the active design's route filters and enterprise
 * policies as Bicep, ARM, Terraform or az commands (the server writes them, as `ppnet export` does),
 * saved where the user chooses through the workspace's file system; and the command the server's copy
 * action runs to put a circuit's Bicep or Terraform on the clipboard.
 */
import { commands, env, ExtensionContext, QuickPickItem, window, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COPY_TO_CLIPBOARD_COMMAND, INFRASTRUCTURE_EXPORT_REQUEST, InfrastructureExportParams } from '../../protocol/protocol';
import { INFRASTRUCTURE_FORMATS, InfrastructureFormat } from '../../protocol/infrastructure';

export const EXPORT_INFRASTRUCTURE_COMMAND = 'ppnet.exportInfrastructure';

/** A bound for text the copy command takes from a code action. */
const MAX_COPY_LENGTH = 16 * 1024 * 1024;

export function registerInfrastructureExport(context: ExtensionContext, client: () => BaseLanguageClient | undefined): void {
  context.subscriptions.push(
    commands.registerCommand(EXPORT_INFRASTRUCTURE_COMMAND, () => exportInfrastructure(client())),
    commands.registerCommand(COPY_TO_CLIPBOARD_COMMAND, async (text: unknown, what: unknown) => {
      if (typeof text !== 'string' || text.length > MAX_COPY_LENGTH) return;
      await env.clipboard.writeText(text);
      void window.showInformationMessage(`ppnet: copied ${typeof what === 'string' ? what : 'the export'}.`);
    }),
  );
}

async function exportInfrastructure(client: BaseLanguageClient | undefined): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (!document || document.languageId !== 'ppnet') {
    void window.showWarningMessage('ppnet: open a topology file (*.ppnet.yaml) to export its route filters and policies.');
    return;
  }
  if (!client) {
    void window.showWarningMessage('ppnet: the language server is not running; run ppnet: Restart Language Server.');
    return;
  }
  const items: (QuickPickItem & { format: InfrastructureFormat; extension: string })[] = INFRASTRUCTURE_FORMATS.map((f) => ({
    label: f.label,
    description: `.${f.extension}`,
    format: f.id,
    extension: f.extension,
  }));
  const picked = await window.showQuickPick(items, { title: 'Export route filters and policies', placeHolder: 'Format' });
  if (!picked) return;
  const params: InfrastructureExportParams = { uri: document.uri.toString(), format: picked.format };
  const exported = await client.sendRequest(INFRASTRUCTURE_EXPORT_REQUEST, params);
  if (!exported) {
    void window.showWarningMessage('ppnet: this file cannot be exported (it is above the size the editor checks).');
    return;
  }
  const base = document.uri.path.replace(/\.ppnet\.ya?ml$/i, '');
  const target = await window.showSaveDialog({
    defaultUri: document.uri.with({ path: `${base}.${picked.extension}` }),
    filters: { [picked.label]: [picked.extension] },
    saveLabel: 'Export',
  });
  if (!target) return;
  await workspace.fs.writeFile(target, new TextEncoder().encode(exported.text));
  const name = target.path.split('/').pop();
  if (exported.errors > 0) {
    void window.showWarningMessage(`ppnet: exported ${name}; the design has ${exported.errors} ${exported.errors === 1 ? 'error' : 'errors'} (see Problems), which the file's first comment repeats.`);
  } else void window.showInformationMessage(`ppnet: exported ${name}.`);
}

