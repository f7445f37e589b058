/**
 * The language service: a plain library with no LSP connection and no editor import. The server,
 * the command line and the tests all use it through `createLanguageService()`.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionContext, Diagnostic } from 'vscode-languageserver-types';
import { getCodeActions } from './codeActions';
import { buildTopology, Topology } from './model';
import { parseText } from './parse';
import { validateTopology, ValidationOptions } from './validation';

export interface LanguageService {
  /** The topology of a document, parsed once per document version. */
  getTopology(document: TextDocument): Topology;
  validate(document: TextDocument, options?: ValidationOptions): Diagnostic[];
  /** Quick fixes for the diagnostics in `context`, and actions that disable their rules. */
  getCodeActions(document: TextDocument, context: CodeActionContext): CodeAction[];
  /** Forget a closed document. */
  forget(uri: string): void;
}

export function createLanguageService(): LanguageService {
  const cache = new Map<string, { version: number; text: string; topology: Topology }>();
  const getTopology = (document: TextDocument): Topology => {
    const cached = cache.get(document.uri);
    const text = document.getText();
    if (cached && cached.version === document.version && cached.text === text) return cached.topology;
    const topology = buildTopology(parseText(text));
    cache.set(document.uri, { version: document.version, text, topology });
    return topology;
  };
  return {
    getTopology,
    validate: (document, options) => validateTopology(getTopology(document), document, options),
    getCodeActions: (document, context) => getCodeActions(getTopology(document), document, context),
    forget: (uri) => void cache.delete(uri),
  };
}
