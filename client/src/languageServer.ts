/**
 * The language server's life in the editor: start it, restart it on request and after a crash, and
 * keep the status bar item in step. A crash is said out loud (a notification and a line in the output)
 * rather than healed in silence, so that a server that keeps dying is noticed and reported.
 */
import { ExtensionContext, OutputChannel, window, workspace } from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { ServerStatusItem } from './serverStatusItem';

/** Crashes tolerated within {@link CRASH_WINDOW_MS} before the server is left stopped. */
const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;
const SHOW_OUTPUT = 'Show Output';

export class LanguageServer {
  private current: LanguageClient | undefined;
  private readonly crashes: number[] = [];

  constructor(
    private readonly context: ExtensionContext,
    private readonly output: OutputChannel,
    private readonly status: ServerStatusItem,
  ) {}

  /** The running client, for features that send their own requests. */
  get client(): LanguageClient | undefined {
    return this.current;
  }

  async start(): Promise<void> {
    const client = this.createClient();
    this.current = client;
    this.status.show('starting');
    try {
      await client.start();
    } catch (error) {
      this.status.show('failed', `the server could not start: ${messageOf(error)}`);
      this.output.appendLine(`The ppnet language server could not start: ${messageOf(error)}`);
    }
  }

  /** Stops whatever runs (or failed) and starts a fresh server, with a fresh crash count. */
  async restart(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    this.crashes.length = 0;
    if (previous) await previous.dispose().catch((error: unknown) => this.output.appendLine(`Stopping the server failed: ${messageOf(error)}`));
    this.output.appendLine('Restarting the ppnet language server.');
    await this.start();
  }

  async dispose(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    await client?.dispose();
  }

  private createClient(): LanguageClient {
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.stdio },
      debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'ppnet' }],
      synchronize: { fileEvents: workspace.createFileSystemWatcher('**/ppnet.config.yaml') },
      outputChannel: this.output,
      errorHandler: this.errorHandler(),
    };
    // The id 'ppnet' makes the client honour the `ppnet.trace.server` setting.
    const client = new LanguageClient('ppnet', 'ppnet language server', serverOptions, clientOptions);
    client.onDidChangeState(({ newState }) => {
      if (client !== this.current) return;
      if (newState === State.Starting) this.status.show('starting');
      else if (newState === State.Running) this.status.show('running');
    });
    return client;
  }

  private errorHandler(): ErrorHandler {
    return {
      // A few broken messages are survivable; a stream of them means the connection is gone.
      error: (_error, _message, count): ErrorHandlerResult => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: (): CloseHandlerResult => {
        const now = Date.now();
        this.crashes.push(now);
        while (this.crashes.length > 0 && now - this.crashes[0] > CRASH_WINDOW_MS) this.crashes.shift();
        if (this.crashes.length > MAX_RESTARTS) {
          const reason = `The ppnet language server stopped unexpectedly ${this.crashes.length} times in 3 minutes and was not restarted. Run "ppnet: Restart Language Server" to start it again.`;
          this.status.show('failed', 'the server stopped unexpectedly too often');
          void this.notify(reason, window.showErrorMessage);
          return { action: CloseAction.DoNotRestart, message: reason, handled: true };
        }
        this.status.show('starting');
        // One notification per series of crashes; the ones that follow go to the output only, so that a
        // server that keeps crashing does not bury the final word under a pile of notifications.
        if (this.crashes.length === 1) {
          const reason = 'The ppnet language server stopped unexpectedly and was restarted.';
          void this.notify(reason, window.showWarningMessage);
          return { action: CloseAction.Restart, message: reason, handled: true };
        }
        return { action: CloseAction.Restart, message: `The ppnet language server stopped unexpectedly again (${this.crashes.length} times in 3 minutes) and was restarted.`, handled: true };
      },
    };
  }

  private async notify(message: string, show: (message: string, ...items: string[]) => Thenable<string | undefined>): Promise<void> {
    if ((await show(message, SHOW_OUTPUT)) === SHOW_OUTPUT) this.output.show(true);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
