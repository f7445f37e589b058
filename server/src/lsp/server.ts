/**
 * The language server: wires LSP to the language service. No logic of its own beyond documents,
 * configuration files and scheduling. No Node built-in either: the same wiring runs in a Node process
 * (./node.ts, the entry of dist/server.js and bin/ppnet-language-server.js) and in a web worker
 * (./browser.ts, dist/web/server.js); each entry brings its connection and where configs come from.
 */
import {
  CodeActionKind,
  Connection,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import type { LoadedConfig } from '../files/loadedConfig';
import { unreadableConfigDiagnostic } from '../files/loadedConfig';
import { CONFIG_FILE_NAME, createLanguageService, RenameError } from '../service';
import { GRAPH_DELTA_REQUEST, GRAPH_REQUEST, GraphDeltaParams, GraphParams, INFRASTRUCTURE_EXPORT_REQUEST, InfrastructureExportParams } from '../../../protocol/protocol';
import { isInfrastructureFormat } from '../../../protocol/infrastructure';
import type { Untrusted } from '../../../protocol/checks';
import { GraphAnswers } from './graphAnswers';

/** Where the server finds the `ppnet.config.yaml` that applies to a document. */
export interface ConfigSource {
  /** The nearest config above the document `uri`, read and parsed; `undefined` when there is none (or it cannot be read). */
  forDocument(uri: string): LoadedConfig | undefined;
  /** A config file changed on disk: forget what was read. */
  clear(): void;
  /** Calls `listener` when configs changed in a way the server does not learn from watched files. */
  onDidChange?(listener: () => void): void;
}

/**
 * Every handler runs to completion at once, so a request can only be cancelled while it waits in the
 * queue: answer it there. For the entries' `createConnection`.
 */
export const cancelUndispatched = (message: { jsonrpc: string }) => ({
  jsonrpc: message.jsonrpc,
  id: null, // set to the cancelled request's id by the connection
  error: new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.').toJson(),
});

/** How long validation runs before it lets requests in (one rule at least). */
const VALIDATION_SLICE_MS = 4;

export function startServer(connection: Connection, configs: ConfigSource): void {
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService();
  const publishedConfigs = new Set<string>();
  /** Each document's validation in progress, to stop it when a newer version comes or the document closes. */
  const pending = new Map<string, () => void>();
  const graphAnswers = new GraphAnswers();
  let canWatchFiles = false;

  /** The nearest config of a document, from the loader's cache: the disk is read again only after `refresh()`. */
  const configFor = (uri: string): LoadedConfig | undefined => {
    const config = configs.forDocument(uri);
    if (config && !config.unreadable && !publishedConfigs.has(config.uri)) {
      publishedConfigs.add(config.uri);
      void connection.sendDiagnostics({ uri: config.uri, diagnostics: config.diagnostics });
    }
    return config;
  };

  /** The failure of a check: the file is not at fault, so it is said on it, and the server keeps serving. */
  const failed = (document: TextDocument, error: unknown): Diagnostic[] => {
    connection.console.error(`ppnet: checking ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    service.forget(document.uri);
    return [service.internalErrorDiagnostic(error)];
  };

  /**
   * Validates the newest version of a document a few rules at a time (`validateSteps`), yielding to the
   * event loop between slices: a completion, a hover or any other request read meanwhile is answered
   * between two rules, from the newest parse (which the validation shares), instead of waiting behind
   * the whole validation. A newer version stops it (bursts of changes coalesce to their last version).
   */
  const scheduleValidation = (document: TextDocument) => {
    const uri = document.uri;
    pending.get(uri)?.();
    let timer: NodeJS.Immediate | undefined;
    let steps: Iterator<void, Diagnostic[]> | undefined;
    let target: TextDocument | undefined;
    let config: LoadedConfig | undefined;
    let started = false;
    const done = (checked: TextDocument, diagnostics: Diagnostic[]) => {
      pending.delete(uri);
      // A config that cannot be read is said on each file it would have set levels for.
      if (config?.unreadable) diagnostics.push(unreadableConfigDiagnostic(config, 'topology'));
      void connection.sendDiagnostics({ uri, version: checked.version, diagnostics });
    };
    const step = () => {
      const latest = documents.get(uri);
      // Closed, or a newer version (whose own validation runs): nothing to publish.
      if (!latest || (target && latest.version !== target.version)) return void pending.delete(uri);
      target = latest;
      try {
        if (!steps) {
          config = configFor(uri);
          const tooLarge = service.liveLimitDiagnostic(latest);
          if (tooLarge) return done(latest, [tooLarge]);
          steps = service.validateSteps(latest, { ruleLevels: config?.config.ruleLevels });
        }
        // The parse is the first step, alone; then rules run in slices of a few milliseconds: a request
        // waits at most about one slice.
        const until = performance.now() + (started ? VALIDATION_SLICE_MS : 0);
        started = true;
        for (let next = steps.next(); ; next = steps.next()) {
          if (next.done) return done(latest, next.value);
          if (performance.now() >= until) break;
        }
      } catch (error) {
        return done(latest, failed(latest, error));
      }
      timer = setImmediate(step);
    };
    timer = setImmediate(step);
    pending.set(uri, () => timer && clearImmediate(timer));
  };

  connection.onInitialize((params) => {
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] },
        completionProvider: { triggerCharacters: [' ', '[', ','] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
      },
      serverInfo: { name: 'ppnet-language-server', version: require('../../../../package.json').version },
    };
  });

  connection.onInitialized(() => {
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
  });

  const configsChanged = () => {
    configs.clear();
    for (const uri of publishedConfigs) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishedConfigs.clear();
    for (const document of documents.all()) scheduleValidation(document);
  };
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) configsChanged();
  });
  configs.onDidChange?.(configsChanged);

  documents.onDidOpen((event) => {
    // Without file events from the client, a config is looked for again when a file opens (not on every change).
    if (!canWatchFiles) {
      configs.clear();
      publishedConfigs.clear();
    }
    scheduleValidation(event.document);
  });
  documents.onDidChangeContent((event) => scheduleValidation(event.document));
  documents.onDidClose((event) => {
    pending.get(event.document.uri)?.();
    pending.delete(event.document.uri);
    service.forget(event.document.uri);
    graphAnswers.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  /**
   * Runs a feature on an open document, or answers `fallback` for one the server does not have or
   * that is too large for live checking.
   */
  const onDocument = <T>(uri: string, fallback: T, run: (document: TextDocument) => T): T => {
    const document = documents.get(uri);
    return document && !service.liveLimitDiagnostic(document) ? run(document) : fallback;
  };

  connection.onCodeAction((p) => onDocument(p.textDocument.uri, [], (d) => service.getCodeActions(d, p.context, p.range, { ruleLevels: configFor(d.uri)?.config.ruleLevels })));
  connection.onCompletion((p) => onDocument(p.textDocument.uri, null, (d) => service.doComplete(d, p.position)));
  connection.onHover((p) => onDocument(p.textDocument.uri, null, (d) => service.doHover(d, p.position)));
  connection.onDefinition((p) => onDocument(p.textDocument.uri, [], (d) => service.findDefinition(d, p.position)));
  connection.onReferences((p) => onDocument(p.textDocument.uri, [], (d) => service.findReferences(d, p.position, p.context.includeDeclaration)));
  connection.onDocumentHighlight((p) => onDocument(p.textDocument.uri, [], (d) => service.findDocumentHighlights(d, p.position)));
  connection.onDocumentSymbol((p) => onDocument(p.textDocument.uri, [], (d) => service.findDocumentSymbols(d)));
  connection.onFoldingRanges((p) => onDocument(p.textDocument.uri, [], (d) => service.getFoldingRanges(d)));
  connection.onWorkspaceSymbol((p) => service.findWorkspaceSymbols(p.query, documents.all().filter((d) => !service.liveLimitDiagnostic(d))));
  connection.onPrepareRename((p) => onDocument(p.textDocument.uri, null, (d) => service.prepareRename(d, p.position)));
  connection.onRenameRequest((p) =>
    onDocument(p.textDocument.uri, null, (d) => {
      try {
        return service.doRename(d, p.position, p.newName);
      } catch (error) {
        if (error instanceof RenameError) return new ResponseError(LSPErrorCodes.RequestFailed, error.message);
        throw error;
      }
    }),
  );

  // The preview's diagram, with the diagnostics the editor shows, so that its marks match the squiggles.
  connection.onRequest(GRAPH_REQUEST, (p: Untrusted<GraphParams>) =>
    typeof p?.uri !== 'string' ? null : onDocument(p.uri, null, (d) => service.getGraph(d, { ruleLevels: configFor(d.uri)?.config.ruleLevels })),
  );
  // The same for the preview, as the change from its last answer (protocol/graphDelta.ts).
  connection.onRequest(GRAPH_DELTA_REQUEST, (p: Untrusted<GraphDeltaParams>) => {
    if (typeof p?.uri !== 'string') return null;
    const since = typeof p.since === 'string' ? p.since : undefined;
    return onDocument(p.uri, null, (d) => {
      const ruleLevels = configFor(d.uri)?.config.ruleLevels;
      return graphAnswers.answer(d.uri, d.version, ruleLevels, since, () => service.getGraph(d, { ruleLevels }), p.overviewFirst === true);
    });
  });

  // The design as infrastructure as code, as ppnet export writes it, with the levels the editor shows.
  connection.onRequest(INFRASTRUCTURE_EXPORT_REQUEST, (p: Untrusted<InfrastructureExportParams>) => {
    if (typeof p?.uri !== 'string' || !isInfrastructureFormat(p.format)) return null;
    const { format, withFixes } = p;
    return onDocument(p.uri, null, (d) => service.exportInfrastructure(d, { format, withFixes: withFixes === true, ruleLevels: configFor(d.uri)?.config.ruleLevels }));
  });

  documents.listen(connection);
  connection.listen();
}
