/**
 * The language server: wires LSP to the language service. No logic of its own beyond documents,
 * configuration files and scheduling. No Node built-in either: the same wiring runs in a Node process
 * (./node.ts, the entry of dist/server.js and bin/ppnet-language-server.js) and in a web worker
 * (./browser.ts, dist/web/server.js); each entry brings its connection and where configs come from.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import type { DeployedSource, LoadedConfig } from '../files/loadedConfig';
import { deployedProblemDiagnostic, unreadableConfigDiagnostic } from '../files/loadedConfig';
import { CONFIG_FILE_NAME, createLanguageService, DeployedEstate, RenameError, ValidationOptions } from '../service';
import { GRAPH_DELTA_REQUEST, GRAPH_REQUEST, GraphDeltaParams, GraphParams, INFRASTRUCTURE_EXPORT_REQUEST, InfrastructureExportParams } from '../../../protocol/protocol';
import { isInfrastructureFormat } from '../../../protocol/infrastructure';
import type { Untrusted } from '../../../protocol/checks';
import { GraphAnswers } from './graphAnswers';
import { anyInlayHint, DEFAULT_SETTINGS, EditorSettings, pushedSection, readSettings, sameSettings } from './settings';

/** Where the server finds the `ppnet.config.yaml` that applies to a document. */
export interface ConfigSource {
  /** The nearest config above the document `uri`, read and parsed; `undefined` when there is none (or it cannot be read). */
  forDocument(uri: string): LoadedConfig | undefined;
  /** A config file changed on disk: forget what was read. */
  clear(): void;
  /** Calls `listener` when configs changed in a way the server does not learn from watched files. */
  onDidChange?(listener: () => void): void;
}

const withoutProblem = ({ ruleLevels, deployed }: ValidationOptions & { problem?: Diagnostic }): ValidationOptions => ({ ruleLevels, deployed });

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

/**
 * `deployed`: where a config's `deployed:` folder is read from (the Node server); without it, a config
 * that names one gets an information that this server cannot read folders.
 */
export function startServer(connection: Connection, configs: ConfigSource, deployed?: DeployedSource): void {
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService();
  const publishedConfigs = new Set<string>();
  /** The exports whose findings are published: cleared when a folder is read again. */
  let publishedInputs = new Set<string>();
  /** Each document's validation in progress, to stop it when a newer version comes or the document closes. */
  const pending = new Map<string, () => void>();
  const graphAnswers = new GraphAnswers();
  let canWatchFiles = false;
  /** Inlay hints and code lenses: off until the client's settings (or initialization options) turn them on. */
  let initialSettings = DEFAULT_SETTINGS;
  let settings = DEFAULT_SETTINGS;
  let canPullSettings = false;
  let canRegisterSettings = false;
  let canRefreshHints = false;
  let canRefreshLenses = false;

  /** The nearest config of a document, from the loader's cache: the disk is read again only after `refresh()`. */
  const configFor = (uri: string): LoadedConfig | undefined => {
    const config = configs.forDocument(uri);
    if (config && !config.unreadable && !publishedConfigs.has(config.uri)) {
      publishedConfigs.add(config.uri);
      void connection.sendDiagnostics({ uri: config.uri, diagnostics: config.diagnostics });
    }
    return config;
  };

  /** The estate of a config's `deployed:` folder, its exports' findings published; or the diagnostic that says why there is none. */
  const estateFor = (config: LoadedConfig | undefined): { estate?: DeployedEstate; problem?: Diagnostic } => {
    if (!config?.config.deployed || config.unreadable) return {};
    const load = deployed?.forConfig(config);
    if (!load || 'problem' in load) return { problem: deployedProblemDiagnostic(config, load?.problem) };
    for (const input of load.inputs) {
      if (publishedInputs.has(input.uri)) continue;
      publishedInputs.add(input.uri);
      void connection.sendDiagnostics({ uri: input.uri, diagnostics: input.diagnostics });
    }
    return { estate: load.estate };
  };

  /** The levels and the deployed estate a document is checked with (the editor's diagnostics and the preview's marks alike). */
  const optionsFor = (uri: string): ValidationOptions & { problem?: Diagnostic } => {
    const config = configFor(uri);
    const { estate, problem } = estateFor(config);
    return { ruleLevels: config?.config.ruleLevels, deployed: estate, problem };
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
    let problem: Diagnostic | undefined;
    let started = false;
    const done = (checked: TextDocument, diagnostics: Diagnostic[], tooLarge = false) => {
      pending.delete(uri);
      // A config that cannot be read is said on each file it would have set levels for.
      if (config?.unreadable) diagnostics.push(unreadableConfigDiagnostic(config, 'topology'));
      if (problem && !tooLarge) diagnostics.push(problem);
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
          const { problem: deployedProblem, ...options } = optionsFor(uri);
          problem = deployedProblem;
          const tooLarge = service.liveLimitDiagnostic(latest);
          if (tooLarge) return done(latest, [tooLarge], true);
          steps = service.validateSteps(latest, options);
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
      later();
    };
    // Three turns of the event loop before each slice: the messages read meanwhile queue their handlers,
    // the handlers run, and their answers are written (the connection writes a turn after a handler
    // returns). So before the parse too: a request that came with the keystroke is answered first, and
    // one that needs no parse (a hover on a key) does not wait for it.
    const later = (turns = 3): void => void (timer = setImmediate(() => (turns > 1 ? later(turns - 1) : step())));
    later();
    pending.set(uri, () => timer && clearImmediate(timer));
  };

  connection.onInitialize((params) => {
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const workspace = params.capabilities.workspace;
    canPullSettings = !!workspace?.configuration;
    canRegisterSettings = !!workspace?.didChangeConfiguration?.dynamicRegistration;
    canRefreshHints = !!workspace?.inlayHint?.refreshSupport;
    canRefreshLenses = !!workspace?.codeLens?.refreshSupport;
    settings = initialSettings = readSettings(params.initializationOptions, DEFAULT_SETTINGS);
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
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
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
    // VS Code then sends the `ppnet` section whenever it changes; the pull gets it now.
    if (canRegisterSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ppnet' });
    if (canPullSettings) void pullSettings();
  });

  /** New settings: hints and lenses the client shows are asked for again, when it can be told to. */
  const applySettings = (next: EditorSettings) => {
    if (sameSettings(settings, next)) return;
    settings = next;
    if (canRefreshHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };
  const pullSettings = async () => {
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: 'ppnet' }]);
      applySettings(readSettings(section, initialSettings));
    } catch (error) {
      connection.console.error(`ppnet: reading the settings failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  connection.onDidChangeConfiguration((params) => {
    const pushed = pushedSection((params as Untrusted<typeof params>)?.settings);
    if (pushed) applySettings(readSettings(pushed, initialSettings));
    else if (canPullSettings) void pullSettings();
  });

  /** A folder of exports changed: its findings are published again, and every document is checked again. */
  const deployedChanged = () => {
    for (const uri of publishedInputs) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishedInputs = new Set();
    for (const document of documents.all()) scheduleValidation(document);
  };
  deployed?.onDidChange(deployedChanged);

  const configsChanged = () => {
    configs.clear();
    deployed?.clear();
    for (const uri of publishedInputs) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishedInputs = new Set();
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
  connection.languages.inlayHint.on((p) => (anyInlayHint(settings) ? onDocument(p.textDocument.uri, [], (d) => service.getInlayHints(d, p.range, settings.inlayHints)) : []));
  connection.onCodeLens((p) => (settings.codeLens ? onDocument(p.textDocument.uri, [], (d) => service.getCodeLenses(d)) : []));
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
    typeof p?.uri !== 'string' ? null : onDocument(p.uri, null, (d) => service.getGraph(d, withoutProblem(optionsFor(d.uri)))),
  );
  // The same for the preview, as the change from its last answer (protocol/graphDelta.ts).
  connection.onRequest(GRAPH_DELTA_REQUEST, (p: Untrusted<GraphDeltaParams>) => {
    if (typeof p?.uri !== 'string') return null;
    const since = typeof p.since === 'string' ? p.since : undefined;
    return onDocument(p.uri, null, (d) => {
      const options = withoutProblem(optionsFor(d.uri));
      return graphAnswers.answer(d.uri, d.version, [options.ruleLevels, options.deployed], since, () => service.getGraph(d, options), p.overviewFirst === true);
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
