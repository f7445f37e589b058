/** The ppnet language server over stdio, for the server tests: the shared stdio client, started on `bin/ppnet-language-server.js`. */
import * as path from 'path';
import { StdioLspClient } from '../lsp/stdioClient';
import { ROOT } from '../support';

export class TestClient extends StdioLspClient {
  /**
   * `wrap` runs the server through another command, such as `setpriv` to run it as another user;
   * `settings`: the answers to `workspace/configuration` by section (a test may change them later).
   */
  constructor(wrap: string[] = [], settings: Record<string, unknown> = {}) {
    super({ script: path.join(ROOT, 'bin', 'ppnet-language-server.js'), args: ['--stdio'], settings, languageId: 'ppnet', wrap });
  }

  /** Tells the server that files changed on disk (`workspace/didChangeWatchedFiles`). */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }
}
