/**
 * The language server's life in the editor: start it, restart it on request and after a crash, and
 * keep the status bar item in step. A crash is said out loud (a notification and a line in the output)
 * rather than healed in silence, so that a server that keeps dying is noticed and reported.
 *
 * We restart a lost server ourselves, with a fresh client, instead of letting vscode-languageclient do
 * it: its own restart gives up for good when the server dies while starting (the failed initialize
 * stops the client it has just restarted) or when a write to the dead process fails (EPIPE ends in a
 * shutdown that never asks whether to restart).
 */
import { EventEmitter, ExtensionContext, OutputChannel, window, workspace } from 'vscode';
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
import type { ServerHandle } from './activation';
import { ServerStatusItem } from './serverStatusItem';

/** Crashes tolerated within {@link CRASH_WINDOW_MS} before the server is left stopped. */
const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;
/** Errors on a live connection tolerated before it is given up as broken (and the server restarted). */
const MAX_CONNECTION_ERRORS = 3;
const SHOW_OUTPUT = 'Show Output';

export class LanguageServer implements ServerHandle {
  private current: LanguageClient | undefined;
  /** The clients whose loss has been handled, so that a loss reported twice counts once. */
  private readonly lost = new WeakSet<LanguageClient>();
  private readonly crashes: number[] = [];

  constructor(
    private readonly context: ExtensionContext,
    private readonly output: OutputChannel,
    private readonly status: ServerStatusItem,
  ) {}

  /** The client of the server that runs or starts, for features that send their own requests. */
  /** Fires when the server starts, runs, is lost or is given up: views that show its answers refresh. */
  private readonly stateChanged = new EventEmitter<void>();
  readonly onDidChangeState = this.stateChanged.event;

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
      // A server that dies or fails while starting is handled as any lost server: restarted, up to the limit.
      if (client === this.current && !this.lost.has(client)) this.output.appendLine(`The ppnet language server could not start: ${messageOf(error)}`);
      this.onLost(client);
    }
  }

  /** Stops whatever runs (or failed) and starts a fresh server, with a fresh crash count. */
  async restart(): Promise<void> {
    this.crashes.length = 0;
    this.output.appendLine('Restarting the ppnet language server.');
    await this.replace();
  }

  async dispose(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    await client?.dispose().catch(() => undefined);
  }

  private async replace(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    // Stopping a client that is not running fails, yet ends its process: only a failed graceful stop is news.
    const wasRunning = previous?.state === State.Running;
    await previous?.dispose().catch((error: unknown) => {
      if (wasRunning) this.output.appendLine(`Stopping the server failed: ${messageOf(error)}`);
    });
    await this.start();
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
      // Without this, a failed initialize pops up the raw error; the output says what happened instead.
      initializationFailedHandler: (error: unknown) => {
        this.output.appendLine(`The ppnet language server failed to initialize: ${messageOf(error)}`);
        return false;
      },
    };
    // The id 'ppnet' makes the client honour the `ppnet.trace.server` setting.
    const client = new QuietLanguageClient('ppnet', 'ppnet language server', serverOptions, clientOptions);
    client.onDidChangeState(({ newState }) => {
      if (client !== this.current) return;
      if (newState === State.Starting) this.status.show('starting');
      else if (newState === State.Running) this.status.show('running');
      // We stop a client only after it stopped being current, so this stop is one we did not ask for.
      else this.onLost(client);
      this.stateChanged.fire();
    });
    return client;
  }

  private errorHandler(): ErrorHandler {
    return {
      // A dead process shows as failed writes (EPIPE) before its connection closes: not a reason to
      // shut down, since the close that follows restarts it. A stream of errors on a live connection
      // means the connection is broken: shut it down, and the stop restarts the server.
      error: (error, _message, count): ErrorHandlerResult =>
        isBrokenPipe(error) || (count !== undefined && count <= MAX_CONNECTION_ERRORS)
          ? { action: ErrorAction.Continue, handled: true }
          : { action: ErrorAction.Shutdown, message: `The connection to the ppnet language server is broken (${error.message}).`, handled: true },
      closed: (): CloseHandlerResult => ({ action: CloseAction.DoNotRestart, message: 'The connection to the ppnet language server was closed.', handled: true }),
    };
  }

  /** The server behind `client` is gone: restart it with a fresh client, or give up after too many crashes. */
  private onLost(client: LanguageClient): void {
    if (client !== this.current || this.lost.has(client)) return;
    this.lost.add(client);
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > CRASH_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      const reason = `The ppnet language server stopped unexpectedly ${this.crashes.length} times in 3 minutes and was not restarted. Run "ppnet: Restart Language Server" to start it again.`;
      this.output.appendLine(reason);
      this.status.show('failed', 'the server stopped unexpectedly too often');
      void this.notify(reason, window.showErrorMessage);
      this.stateChanged.fire();
      return;
    }
    // One notification per series of crashes; the ones that follow go to the output only, so that a
    // server that keeps crashing does not bury the final word under a pile of notifications.
    if (this.crashes.length === 1) {
      const reason = 'The ppnet language server stopped unexpectedly and was restarted.';
      this.output.appendLine(reason);
      void this.notify(reason, window.showWarningMessage);
    } else {
      this.output.appendLine(`The ppnet language server stopped unexpectedly again (${this.crashes.length} times in 3 minutes) and was restarted.`);
    }
    this.status.show('starting');
    // After the client has finished reacting to the loss (it is inside its own close handling now).
    setTimeout(() => {
      if (client === this.current) void this.replace();
    }, 0);
  }

  private async notify(message: string, show: (message: string, ...items: string[]) => Thenable<string | undefined>): Promise<void> {
    if ((await show(message, SHOW_OUTPUT)) === SHOW_OUTPUT) this.output.show(true);
  }
}

/**
 * A client that writes its errors to the output without popping each up. When the server dies, the
 * library pops up one error per failed request and per failed start, several a second: they add
 * nothing to our own notice and crowd it out (VS Code shows at most three new notifications in 800 ms).
 */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown): void {
    super.error(message, data, false);
  }
}

/** Errors that say the other end of the pipe is gone. */
function isBrokenPipe(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
