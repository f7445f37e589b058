/** The ppnet language server over stdio, for the server tests: the shared stdio client, started on `bin/ppnet-language-server.js`. */
import * as path from 'path';
import { StdioLspClient } from '../lsp/stdioClient';
import { ROOT } from '../support';

export class TestClient extends StdioLspClient {
  constructor() {
    super({ script: path.join(ROOT, 'bin', 'ppnet-language-server.js'), args: ['--stdio'], settings: {}, languageId: 'ppnet' });
  }
}
