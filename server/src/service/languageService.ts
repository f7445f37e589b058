/**
 * The language service: a plain library with no LSP connection and no editor import. The server,
 * the command line and the tests all use it through `createLanguageService()`.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionContext, CodeLens, CompletionList, Diagnostic, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-types';
import { getCodeActions } from './features/codeActions';
import type { Graph } from '../../../protocol/graph';
import type { EntityDigest, FindingPlace } from '../../../protocol/review';
import { buildGraph } from './features/graph';
import { digestEntities, placeFindings } from './features/places';
import { exportInfrastructure, IacExport, IacExportOptions, IacFormat } from './features/export';
import { copyRouteFilterActions, wantsRefactor } from './features/export/copyActions';
import { internalErrorDiagnostic, liveLimitDiagnostic } from './validation/limits';
import { doComplete } from './features/completion';
import { doHover } from './features/hover';
import { getInlayHints, InlayHintParts } from './features/inlayHints';
import { getCodeLenses } from './features/codeLenses';
import * as navigation from './features/navigation';
import { findDocumentSymbols, getFoldingRanges } from './features/symbols';
import { IncrementalParser } from './model/incremental';
import { Topology } from './model/model';
import type { SchemaFinding } from './model/schema';
import { DEPLOYMENT_CODES, validationSteps, ValidationOptions } from './validation/engine';
import type { DeployedEstate } from './deployed/estate';

export interface LanguageService {
  /** The topology of a document, parsed once per document version. */
  getTopology(document: TextDocument): Topology;
  /** The design's diagnostics; with `options.deployed`, the drift findings beside them. */
  validate(document: TextDocument, options?: ValidationOptions): Diagnostic[];
  /**
   * The same diagnostics, computed a rule at a time: the iterator yields between rules (a server
   * answers requests meanwhile) and returns what `validate` returns, which it then caches.
   */
  validateSteps(document: TextDocument, options?: ValidationOptions): Iterator<void, Diagnostic[]>;
  /**
   * Where the design and what is deployed differ (`ppnet drift`): the deployment rules' findings only,
   * with the config's levels and the file's disable comments applied.
   */
  drift(document: TextDocument, estate: DeployedEstate, options?: Omit<ValidationOptions, 'deployed'>): Diagnostic[];
  /** The preview's graph, marked with the diagnostics `validate` gives for the same options. */
  getGraph(document: TextDocument, options?: ValidationOptions): Graph;
  /** Where each diagnostic is by what it is on (entity, keys, text), not by line: for diffs and CI fingerprints. */
  placeFindings(document: TextDocument, diagnostics: readonly Diagnostic[]): FindingPlace[];
  /** Every entity with its content, for a diff to tell a rename from a removal and an addition. */
  digestEntities(document: TextDocument): EntityDigest[];
  /** The diagnostic to show instead of live checking when the document is above the editor's size limit. */
  liveLimitDiagnostic(document: TextDocument): Diagnostic | undefined;
  /** The diagnostic to show when checking failed inside ppnet (the file is not at fault). */
  internalErrorDiagnostic(error: unknown): Diagnostic;
  /**
   * Quick fixes for the diagnostics in `context`, actions that disable their rules, and, at a circuit's
   * `routeFilter` (`range`), actions that copy its Bicep or Terraform.
   */
  getCodeActions(document: TextDocument, context: CodeActionContext, range?: Range, options?: ValidationOptions): CodeAction[];
  doComplete(document: TextDocument, position: Position): CompletionList;
  doHover(document: TextDocument, position: Position): Hover | null;
  findDefinition(document: TextDocument, position: Position): Location[];
  findReferences(document: TextDocument, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(document: TextDocument, position: Position): { range: Range; placeholder: string } | null;
  /** Throws a `RenameError` (its message is for the user) for an invalid or taken id. */
  doRename(document: TextDocument, position: Position, newName: string): WorkspaceEdit | null;
  findDocumentHighlights(document: TextDocument, position: Position): DocumentHighlight[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument): FoldingRange[];
  /** Entities of the given (open) documents whose id or name contains the query. */
  findWorkspaceSymbols(query: string, documents: readonly TextDocument[]): SymbolInformation[];
  /** What the values in `range` mean, for the parts asked for (community names and values, regions, peering locations, subnet sizes). */
  getInlayHints(document: TextDocument, range: Range, parts: InlayHintParts): InlayHint[];
  /** A lens above each circuit, gateway and environment: what it serves, reaches and lacks, who uses it, its flows by route. */
  getCodeLenses(document: TextDocument): CodeLens[];
  /** The design's route filters and enterprise policies as infrastructure as code (Bicep, ARM, Terraform, az). */
  exportInfrastructure(document: TextDocument, options: IacExportOptions & ValidationOptions): IacExport;
  /** Forget a closed document. */
  forget(uri: string): void;
}

interface CachedDocument {
  version: number;
  text: string;
  topology: Topology;
  schemaFindings: () => SchemaFinding[];
  validated?: { ruleLevels: ValidationOptions['ruleLevels']; deployed: ValidationOptions['deployed']; diagnostics: Diagnostic[] };
}

export function createLanguageService(): LanguageService {
  const cache = new Map<string, CachedDocument>();
  /** Each document's parser keeps the parts of its last version, so that an edit re-parses only what changed. */
  const parsers = new Map<string, IncrementalParser>();
  const getTopology = (document: TextDocument): Topology => {
    const cached = cache.get(document.uri);
    const text = document.getText();
    if (cached && cached.version === document.version && cached.text === text) return cached.topology;
    let parser = parsers.get(document.uri);
    if (!parser) parsers.set(document.uri, (parser = new IncrementalParser()));
    const { topology, schemaFindings } = parser.update(text);
    cache.set(document.uri, { version: document.version, text, topology, schemaFindings });
    return topology;
  };
  /** Diagnostics once per version and levels: publishing and the preview's graph ask for the same ones. */
  function* validateSteps(document: TextDocument, options?: ValidationOptions): Generator<void, Diagnostic[]> {
    const topology = getTopology(document);
    const entry = cache.get(document.uri)!;
    let validated = entry.validated;
    if (!validated || validated.ruleLevels !== options?.ruleLevels || validated.deployed !== options?.deployed) {
      yield; // the parse is a step of its own: requests that came with the change read it at once
      const diagnostics = yield* validationSteps(topology, document, options, entry.schemaFindings);
      validated = entry.validated = { ruleLevels: options?.ruleLevels, deployed: options?.deployed, diagnostics };
    }
    return [...validated.diagnostics];
  }
  const validate = (document: TextDocument, options?: ValidationOptions): Diagnostic[] => {
    const steps = validateSteps(document, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  };
  const forget = (uri: string) => {
    cache.delete(uri);
    parsers.delete(uri);
  };
  const exportWith = (document: TextDocument, options: IacExportOptions & ValidationOptions): IacExport =>
    exportInfrastructure(
      {
        validate: (d) => validate(d, { ruleLevels: options.ruleLevels }),
        getCodeActions: (d, diagnostics) => getCodeActions(getTopology(d), d, { diagnostics }),
        getTopology,
        forget,
      },
      document,
      options,
    );
  return {
    getTopology,
    validate,
    validateSteps,
    drift: (document, estate, options) => validate(document, { ...options, deployed: estate }).filter((d) => DEPLOYMENT_CODES.has(String(d.code))),
    getGraph: (document, options) => {
      const title = decodeURIComponent(document.uri.split('/').pop() || document.uri);
      return buildGraph(getTopology(document), document, validate(document, options), title);
    },
    placeFindings: (document, diagnostics) => placeFindings(getTopology(document), document, diagnostics),
    digestEntities: (document) => digestEntities(getTopology(document)),
    liveLimitDiagnostic,
    internalErrorDiagnostic,
    getCodeActions: (document, context, range, options) => {
      const actions = getCodeActions(getTopology(document), document, context);
      if (!range || !wantsRefactor(context.only)) return actions;
      const exportCircuit = (format: IacFormat, circuit: string) => exportWith(document, { format, circuit, ruleLevels: options?.ruleLevels }).text;
      return [...actions, ...copyRouteFilterActions(getTopology(document), document, range, exportCircuit)];
    },
    doComplete: (document, position) => doComplete(getTopology(document), document, position),
    doHover: (document, position) => doHover(() => getTopology(document), document, position),
    findDefinition: (document, position) => navigation.findDefinition(getTopology(document), document, position),
    findReferences: (document, position, includeDeclaration) =>
      navigation.findReferences(getTopology(document), document, position, includeDeclaration),
    prepareRename: (document, position) => navigation.prepareRename(getTopology(document), document, position),
    doRename: (document, position, newName) => navigation.doRename(getTopology(document), document, position, newName),
    findDocumentHighlights: (document, position) => navigation.findDocumentHighlights(getTopology(document), document, position),
    findDocumentSymbols: (document) => findDocumentSymbols(getTopology(document), document),
    getFoldingRanges: (document) => getFoldingRanges(getTopology(document), document),
    findWorkspaceSymbols: (query, documents) =>
      navigation.findWorkspaceSymbols(query, documents.map((document) => ({ document, topology: getTopology(document) }))),
    getInlayHints: (document, range, parts) => getInlayHints(getTopology(document), document, range, parts),
    getCodeLenses: (document) => getCodeLenses(getTopology(document), document),
    exportInfrastructure: exportWith,
    forget,
  };
}
