/**
 * The preview panel: shows the graph of the active topology file (asked of the language server with
 * `GRAPH_DELTA_REQUEST` through graphFeed.ts), follows edits, the active editor and the cursor, reveals a node's YAML on click,
 * saves exports where the user chooses, and comes back after a window reload.
 */
import {
  commands,
  Disposable,
  Event,
  ExtensionContext,
  languages,
  Range,
  Selection,
  TextDocument,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  WebviewPanel,
  window,
  workspace,
} from 'vscode';
// The common client API: the preview runs in the desktop (Node) and in the browser extension host alike.
import { BaseLanguageClient as LanguageClient, State } from 'vscode-languageclient';
import { GraphFeed, REFRESH_DELAY_MS } from './graphFeed';
import { PendingFocus } from './pendingFocus';
import { previewHtml } from './html';
import { ExportFormat, FromWebview, GRAPH_DELTA_REQUEST, parseFromWebview, PNG_PREFIX, PREVIEW_VIEW_TYPE, SHOW_IN_PREVIEW_COMMAND, ToWebview } from '../../../protocol/protocol';
import { parsePreviewState } from '../../../protocol/previewState';
import { rangeInDocument } from './reveal';


const EXPORT_FILTERS: Record<ExportFormat, { label: string; extension: string }> = {
  svg: { label: 'SVG image', extension: 'svg' },
  png: { label: 'PNG image', extension: 'png' },
  mermaid: { label: 'Mermaid diagram', extension: 'mmd' },
};

const isTopology = (document: TextDocument) => document.languageId === 'ppnet';

/** The panel's title names the file it shows, from the first diagram on (as Markdown's preview does). */
const titleFor = (uri: Uri) => `Preview ${uri.path.split('/').pop()}`;

/** The preview's settings (package.json `ppnet.preview.*`), read when they apply so that changes take effect at once. */
const previewSetting = (name: 'followActiveEditor' | 'highlightCursor') => workspace.getConfiguration('ppnet.preview').get<boolean>(name, true);

class Preview implements Disposable {
  private readonly feed = new GraphFeed();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  /** The export a command asked for; only its answer is saved (the toolbar's are saved as they come). */
  private pendingExport: ExportFormat | undefined;
  private exportRequested = false;
  private readonly pendingFocus = new PendingFocus();
  private readonly disposables: Disposable[] = [];

  constructor(
    readonly panel: WebviewPanel,
    private uri: Uri | undefined,
    /** Whether the next graph is fitted to the view: not the first one after a reload, which keeps the zoom and pan the webview restored. */
    private fitNext: boolean,
    private readonly client: () => LanguageClient | undefined,
    private readonly onDispose: () => void,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(parseFromWebview(message))),
      panel.onDidDispose(() => this.dispose()),
    );
    if (uri) panel.title = titleFor(uri);
  }

  get documentUri(): Uri | undefined {
    return this.uri;
  }

  show(uri: Uri): void {
    if (this.uri?.toString() !== uri.toString()) {
      this.uri = uri;
      this.fitNext = true;
      this.panel.title = titleFor(uri);
    }
    void this.refresh();
  }

  /** Called on every change of the document or its diagnostics. */
  scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /**
   * Brings the webview to the current graph. One request at a time: a refresh asked for meanwhile runs
   * when it is done (newest wins, nothing is dropped, so that the feed knows what the webview holds).
   */
  async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = this.refreshOnce();
    try {
      await this.refreshing;
    } finally {
      this.refreshing = undefined;
    }
    if (this.refreshAgain) {
      this.refreshAgain = false;
      return this.refresh();
    }
  }

  private async refreshOnce(): Promise<void> {
    const uri = this.uri;
    if (!uri) return this.postEmpty('Open a .ppnet.yaml file to preview it.');
    const client = this.client();
    // A stopped client (crashed, restarting or given up) would only answer "Client is not running".
    if (!client || client.state === State.Stopped) return this.postEmpty('The ppnet language server is not running.');
    let message: ToWebview | null | undefined;
    try {
      const version = (await workspace.openTextDocument(uri)).version; // the server knows only open documents
      message = await this.feed.next((params) => client.sendRequest(GRAPH_DELTA_REQUEST, params), uri.toString(), version, this.fitNext);
    } catch (error) {
      const stopped = client.state !== State.Running; // the server died or restarted meanwhile
      return this.postEmpty(stopped ? 'The ppnet language server is not running.' : `The diagram is not available: ${(error as Error).message}`);
    }
    // The server learns of a document just opened a moment later; its diagnostics then refresh the preview.
    if (message === null) return this.postEmpty('Waiting for the language server…');
    if (message) this.post(message);
    const focus = this.pendingFocus.messageFor(uri.toString());
    if (focus) this.post(focus);
    this.fitNext = false;
    if (this.pendingExport && !this.exportRequested) this.requestExport(this.pendingExport);
  }

  private postEmpty(text: string): void {
    this.feed.webviewCleared();
    this.post({ type: 'empty', message: text });
  }

  /** Shows `uri` focused on the graph node `node` (a code lens's click). */
  focus(uri: Uri, node: string): void {
    this.pendingFocus.ask(uri.toString(), node);
    this.show(uri);
  }

  cursorMoved(line: number, character: number): void {
    this.post({ type: 'cursor', line, character });
  }

  /** Asks the webview for an export now, or once the first graph is there. */
  requestExport(format: ExportFormat): void {
    this.pendingExport = format;
    this.exportRequested = this.feed.webviewHoldsGraph;
    if (this.exportRequested) this.post({ type: 'export', format });
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private receive(message: FromWebview | undefined): void {
    if (!message) return; // not a message we know, or unsound fields: ignored
    switch (message.type) {
      case 'ready': // a new page holds no graph
        this.feed.webviewCleared();
        void this.refresh();
        break;
      case 'wantGraph': // the overview of a large file is drawn: now the graph
        void this.refresh();
        break;
      case 'reveal':
        void this.reveal(message);
        break;
      case 'exported':
        void this.save(message.format, message.data);
        break;
      case 'focused':
        this.pendingFocus.taken(message.request);
        break;
    }
  }

  /** Selects the range the page sent (a node's YAML), bounded to the document; nothing in a file the preview does not show. */
  private async reveal(message: Extract<FromWebview, { type: 'reveal' }>): Promise<void> {
    if (!this.uri || message.uri !== this.uri.toString()) return;
    const document = await workspace.openTextDocument(this.uri);
    const { start, end } = rangeInDocument(message.range, document);
    const range = new Range(start.line, start.character, end.line, end.character);
    const visible = window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri?.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === ViewColumn.One ? ViewColumn.Beside : ViewColumn.One);
    const editor = await window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
    editor.selection = new Selection(range.start, range.end);
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async save(format: ExportFormat, data: string): Promise<void> {
    if (this.pendingExport !== undefined && this.pendingExport !== format) return;
    this.pendingExport = undefined;
    this.exportRequested = false;
    const filter = EXPORT_FILTERS[format];
    const base = this.uri ? this.uri.path.replace(/\.ppnet\.ya?ml$/i, '') : 'topology';
    const target = await window.showSaveDialog({
      defaultUri: this.uri ? this.uri.with({ path: `${base}.${filter.extension}` }) : undefined,
      filters: { [filter.label]: [filter.extension] },
      saveLabel: `Export ${format.toUpperCase()}`,
    });
    if (!target) return;
    const bytes = format === 'png' ? base64Bytes(data.slice(PNG_PREFIX.length)) : new TextEncoder().encode(data);
    await workspace.fs.writeFile(target, bytes);
    void window.showInformationMessage(`ppnet: exported ${target.path.split('/').pop()}`);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.splice(0).forEach((d) => d.dispose());
    this.onDispose();
  }
}

/** 18 random bytes in base64, from Web Crypto (Node 20 and browsers alike: no Node built-in). */
function randomNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** Decodes base64 without Node's Buffer, which the browser extension host lacks. */
function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `client` gives the running language client (it changes when the server restarts). */
/** `onServerChange`: when the language server starts, stops or is given up, the open preview says so. */
export function registerPreview(context: ExtensionContext, client: () => LanguageClient | undefined, onServerChange?: Event<void>): void {
  let preview: Preview | undefined;
  if (onServerChange) context.subscriptions.push(onServerChange(() => preview?.scheduleRefresh()));
  const webviewRoot = Uri.joinPath(context.extensionUri, 'dist', 'webview');

  const setUp = (panel: WebviewPanel, uri: Uri | undefined, restoredView = false): Preview => {
    panel.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot] };
    panel.iconPath = Uri.joinPath(context.extensionUri, 'images', 'icon.png');
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomNonce(),
      scriptUri: panel.webview.asWebviewUri(Uri.joinPath(webviewRoot, 'preview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(Uri.joinPath(webviewRoot, 'preview.css')).toString(),
    });
    const created = new Preview(panel, uri, !restoredView, client, () => {
      if (preview === created) preview = undefined;
    });
    preview = created;
    if (uri) created.show(uri);
    return created;
  };

  const open = (column: ViewColumn) => {
    const document = window.activeTextEditor?.document;
    const uri = document && isTopology(document) ? document.uri : preview?.documentUri;
    if (preview) {
      preview.panel.reveal(column === ViewColumn.Beside ? undefined : column, true);
      if (uri) preview.show(uri);
      return preview;
    }
    const panel = window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'ppnet preview', { viewColumn: column, preserveFocus: true }, { retainContextWhenHidden: false });
    return setUp(panel, uri);
  };

  const exportCommand = (format: ExportFormat) => () => (preview ?? open(ViewColumn.Beside)).requestExport(format);

  context.subscriptions.push(
    commands.registerCommand('ppnet.openPreview', () => open(window.activeTextEditor?.viewColumn ?? ViewColumn.One)),
    commands.registerCommand('ppnet.openPreviewToSide', () => open(ViewColumn.Beside)),
    // A code lens's click: the entity alone with its flows (arguments as the server sends them, checked).
    commands.registerCommand(SHOW_IN_PREVIEW_COMMAND, (uri: unknown, node: unknown) => {
      if (typeof uri !== 'string' || typeof node !== 'string') return;
      const target = Uri.parse(uri);
      const shown = preview ?? setUp(window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'ppnet preview', { viewColumn: ViewColumn.Beside, preserveFocus: true }, { retainContextWhenHidden: false }), undefined);
      shown.panel.reveal(undefined, true);
      shown.focus(target, node);
    }),
    commands.registerCommand('ppnet.exportSvg', exportCommand('svg')),
    commands.registerCommand('ppnet.exportPng', exportCommand('png')),
    commands.registerCommand('ppnet.exportMermaid', exportCommand('mermaid')),
    window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: WebviewPanel, state: unknown) {
        const restored = parsePreviewState(state);
        setUp(panel, restored ? Uri.parse(restored.uri) : undefined, restored?.view !== undefined);
      },
    }),
    window.onDidChangeActiveTextEditor((editor) => {
      if (preview && editor && isTopology(editor.document) && previewSetting('followActiveEditor')) preview.show(editor.document.uri);
    }),
    workspace.onDidChangeTextDocument((event) => {
      if (preview?.documentUri?.toString() === event.document.uri.toString()) preview.scheduleRefresh();
    }),
    languages.onDidChangeDiagnostics((event) => {
      const uri = preview?.documentUri?.toString();
      if (uri && event.uris.some((u) => u.toString() === uri)) preview?.scheduleRefresh();
    }),
    window.onDidChangeTextEditorSelection((event) => {
      if (preview?.documentUri?.toString() !== event.textEditor.document.uri.toString() || !previewSetting('highlightCursor')) return;
      const active = event.selections[0]?.active;
      if (active) preview.cursorMoved(active.line, active.character);
    }),
    { dispose: () => preview?.panel.dispose() },
  );
}
