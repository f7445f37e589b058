/**
 * The status bar item of the language server. It is always shown while the server starts or after it
 * failed (wherever the user is, since checks are missing then), and beside topology files once the
 * server runs. A click shows the output.
 */
import { Disposable, StatusBarAlignment, StatusBarItem, TextEditor, ThemeColor, window } from 'vscode';

export type ServerState = 'starting' | 'running' | 'failed';

export const SHOW_OUTPUT_COMMAND = 'ppnet.showOutput';

export class ServerStatusItem implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscription: Disposable;
  private state: ServerState = 'starting';

  constructor() {
    this.item = window.createStatusBarItem('ppnet.server', StatusBarAlignment.Right, 100);
    this.item.name = 'ppnet language server';
    this.item.command = SHOW_OUTPUT_COMMAND;
    this.subscription = window.onDidChangeActiveTextEditor((editor) => this.updateVisibility(editor));
  }

  show(state: ServerState, reason?: string): void {
    this.state = state;
    switch (state) {
      case 'starting':
        this.item.text = '$(loading~spin) ppnet';
        this.item.tooltip = 'ppnet: the language server is starting';
        this.item.backgroundColor = undefined;
        break;
      case 'running':
        this.item.text = '$(check) ppnet';
        this.item.tooltip = 'ppnet: the language server is running. Click to show its output.';
        this.item.backgroundColor = undefined;
        break;
      case 'failed':
        this.item.text = '$(error) ppnet';
        this.item.tooltip = `ppnet: ${reason ?? 'the language server is not running'}. Click to show the output; run "ppnet: Restart Language Server" to try again.`;
        this.item.backgroundColor = new ThemeColor('statusBarItem.errorBackground');
        break;
    }
    this.updateVisibility(window.activeTextEditor);
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  private updateVisibility(editor: TextEditor | undefined): void {
    if (this.state !== 'running' || editor?.document.languageId === 'ppnet') this.item.show();
    else this.item.hide();
  }
}
