/**
 * The language server: wires LSP to the language service. No logic of its own beyond documents,
 * configuration files and scheduling.
 */
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigLoader, LoadedConfig } from './configFiles';
import { CONFIG_FILE_NAME, createLanguageService } from './service';

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService();
  const configs = new ConfigLoader();
  const publishedConfigs = new Set<string>();
  const pending = new Map<string, NodeJS.Immediate>();
  let canWatchFiles = false;

  const configFor = (uri: string): LoadedConfig | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    const config = configs.forFile(fileURLToPath(uri));
    if (config && !publishedConfigs.has(config.uri)) {
      publishedConfigs.add(config.uri);
      void connection.sendDiagnostics({ uri: config.uri, diagnostics: config.diagnostics });
    }
    return config;
  };

  const validateNow = (document: TextDocument) => {
    const config = configFor(document.uri);
    const diagnostics = service.validate(document, { ruleLevels: config?.config.ruleLevels });
    // A newer version may have arrived meanwhile: drop a stale result.
    if (documents.get(document.uri)?.version !== document.version) return;
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  /** Coalesces bursts of changes: only the latest version of a document is validated. */
  const scheduleValidation = (document: TextDocument) => {
    const previous = pending.get(document.uri);
    if (previous) clearImmediate(previous);
    pending.set(
      document.uri,
      setImmediate(() => {
        pending.delete(document.uri);
        const latest = documents.get(document.uri);
        if (latest) validateNow(latest);
      }),
    );
  };

  connection.onInitialize((params) => {
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'ppnet-language-server', version: require('../../../package.json').version },
    };
  });

  connection.onInitialized(() => {
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((c) => path.basename(c.uri) === CONFIG_FILE_NAME)) return;
    configs.clear();
    for (const uri of publishedConfigs) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishedConfigs.clear();
    for (const document of documents.all()) scheduleValidation(document);
  });

  documents.onDidOpen((event) => scheduleValidation(event.document));
  documents.onDidChangeContent((event) => scheduleValidation(event.document));
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer) clearImmediate(timer);
    pending.delete(event.document.uri);
    service.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getCodeActions(document, params.context) : [];
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) startServer();
