/**
 * The language server in the browser (vscode.dev, github.dev): the same server, bundled for a web
 * worker (dist/web/server.js), spoken to over `postMessage`. The worker cannot read the disk, so the
 * client reads the workspace's `ppnet.config.yaml` files through the workspace file system and sends
 * them (CONFIG_FILES_NOTIFICATION), on start and whenever one changes.
 */
import { EventEmitter, ExtensionContext, OutputChannel, RelativePattern, Uri, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, State } from 'vscode-languageclient/browser';
import { CONFIG_FILES_NOTIFICATION, ConfigFileContent } from '../../protocol/protocol';
import type { ServerHandle } from './activation';
import { ServerStatusItem } from './serverStatusItem';

/** The worker constructor of the browser extension host (the project compiles without the DOM library). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

const CONFIG_GLOB = '**/ppnet.config.yaml';
/** Config changes are coalesced for this long before the configs are sent again. */
const CONFIG_DELAY_MS = 200;

export class BrowserLanguageServer implements ServerHandle {
  private current: LanguageClient | undefined;
  /** Fires when the worker server starts, runs or stops: the preview refreshes. */
  private readonly stateChanged = new EventEmitter<void>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly watcher = workspace.createFileSystemWatcher(CONFIG_GLOB);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly context: ExtensionContext,
    private readonly output: OutputChannel,
    private readonly status: ServerStatusItem,
  ) {
    const changed = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.sendConfigs(), CONFIG_DELAY_MS);
    };
    this.watcher.onDidCreate(changed);
    this.watcher.onDidChange(changed);
    this.watcher.onDidDelete(changed);
  }

  get client(): LanguageClient | undefined {
    return this.current;
  }

  async start(): Promise<void> {
    const serverMain = Uri.joinPath(this.context.extensionUri, 'dist', 'web', 'server.js').toString(true);
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'ppnet' }],
      outputChannel: this.output,
      initializationFailedHandler: (error: unknown) => {
        this.output.appendLine(`The ppnet language server failed to initialize: ${messageOf(error)}`);
        return false;
      },
    };
    const client = new LanguageClient('ppnet', 'ppnet language server', clientOptions, new Worker(serverMain, { name: 'ppnet language server' }));
    this.current = client;
    client.onDidChangeState(({ newState }) => {
      if (client !== this.current) return;
      this.status.show(newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'failed');
      this.stateChanged.fire();
    });
    this.status.show('starting');
    try {
      await client.start();
    } catch (error) {
      this.output.appendLine(`The ppnet language server could not start: ${messageOf(error)}`);
      this.status.show('failed', 'the language server could not start');
      return;
    }
    await this.sendConfigs();
  }

  async restart(): Promise<void> {
    this.output.appendLine('Restarting the ppnet language server.');
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    await client?.dispose().catch(() => undefined);
    this.stateChanged.fire();
  }

  async dispose(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.watcher.dispose();
    await this.stop();
    this.stateChanged.dispose();
  }

  /** Reads every config of the workspace and sends them all; an unreadable one is left out and said in the output. */
  private async sendConfigs(): Promise<void> {
    const client = this.current;
    if (!client || client.state !== State.Running) return;
    const uris = (await Promise.all((workspace.workspaceFolders ?? []).map((folder) => workspace.findFiles(new RelativePattern(folder, CONFIG_GLOB))))).flat();
    const decoder = new TextDecoder();
    const files: ConfigFileContent[] = [];
    for (const uri of uris) {
      try {
        files.push({ uri: uri.toString(), text: decoder.decode(await workspace.fs.readFile(uri)) });
      } catch (error) {
        this.output.appendLine(`ppnet: could not read ${uri.toString(true)}: ${messageOf(error)}`);
      }
    }
    if (client === this.current) await client.sendNotification(CONFIG_FILES_NOTIFICATION, { files });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
