/**
 * The contracts between ppnet's programs, each declared once: the custom LSP requests and
 * notifications between the extension (or any client) and the language server, with their parameter
 * and result types, and the messages between the extension and the preview page, with the checks the
 * extension makes on what the page sends before acting on it. No `vscode` import.
 *
 * The page imports this file for its types only: its values bring the LSP library, which the page's
 * bundle does not carry (test/structure/imports.test.ts holds it to that).
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import type { Graph } from './graph';
import type { OpeningOverview } from '../diagram/overview';
import type { GraphDelta } from './graphDelta';
import { isCount, isId, isRecord, rangeOf } from './checks';
import type { InfrastructureFormat } from './infrastructure';

export const PREVIEW_VIEW_TYPE = 'ppnet.preview';

export interface GraphParams {
  uri: string;
}
/** The graph of an open document, whole (`ppnet graph`'s JSON); `null` when the server has no such document. */
export const GRAPH_REQUEST = new RequestType<GraphParams, Graph | null, void>('ppnet/graph');

/**
 * The preview's graph of an open document, as the change from the graph the server answered last
 * (`since`, that answer's `id`) when it still has it, else whole: `GraphDeltaParams` to
 * `GraphAnswer | null`. The server keeps the last graph of each open document, and answers the same
 * version again without rebuilding it.
 */
export interface GraphDeltaParams {
  uri: string;
  since?: string;
  /**
   * The preview holds nothing of this file yet: when the graph is large, answer only the overview it
   * opens on (`{ id, overview }`); the graph, asked for next without `since`, then comes from the same
   * answer without being built again.
   */
  overviewFirst?: boolean;
}
export type GraphAnswer = { id: string; graph: Graph } | { id: string; base: string; delta: GraphDelta } | { id: string; overview: OpeningOverview };
export const GRAPH_DELTA_REQUEST = new RequestType<GraphDeltaParams, GraphAnswer | null, void>('ppnet/graphDelta');

/**
 * Client to server, in the browser only (where the server cannot read the disk): the workspace's
 * `ppnet.config.yaml` files, all of them each time, sent on start and again whenever one changes.
 */
/** An object, not an array: JSON-RPC would spread an array's items as separate arguments. */
export interface ConfigFilesParams {
  files: ConfigFileContent[];
}
export interface ConfigFileContent {
  uri: string;
  text: string;
}
export const CONFIG_FILES_NOTIFICATION = new NotificationType<ConfigFilesParams>('ppnet/configFiles');

/**
 * A design's route filters and enterprise policies as infrastructure as code (what `ppnet export`
 * writes), for an open document: `InfrastructureExportParams` to `InfrastructureExport | null` (`null`
 * for a document the server does not have, or one too large to check live).
 */
export interface InfrastructureExportParams {
  uri: string;
  format: InfrastructureFormat;
  /** Apply the rules' route-filter quick fixes first. */
  withFixes?: boolean;
}
export interface InfrastructureExport {
  text: string;
  /** How many errors the design has (after the fixes applied). */
  errors: number;
  /** The titles of the fixes applied. */
  fixes: string[];
}
export const INFRASTRUCTURE_EXPORT_REQUEST = new RequestType<InfrastructureExportParams, InfrastructureExport | null, void>('ppnet/exportInfrastructure');

/**
 * The extension's command that a code action runs to put text on the clipboard (the language server
 * has no clipboard): arguments `[text, what]`, `what` saying in a few words what was copied.
 */
export const COPY_TO_CLIPBOARD_COMMAND = 'ppnet.copyToClipboard';

/**
 * The extension's command that a code lens runs to list places (VS Code's references view takes its
 * own types, which a server cannot send): arguments `[uri, position, locations]`, as LSP sends them.
 */
export const SHOW_REFERENCES_COMMAND = 'ppnet.showReferences';

/**
 * The extension's command that a code lens runs to show an entity in the preview, focused on it:
 * arguments `[uri, node]`, `node` the graph's node id (`circuit:er-ams`).
 */
export const SHOW_IN_PREVIEW_COMMAND = 'ppnet.showInPreview';

export type ExportFormat = 'svg' | 'png' | 'mermaid';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'mermaid'];

/** Extension to webview. */
export type ToWebview =
  /**
   * The graph of the previewed file; `fit` when the file changed, so the view starts fitted. `id`: the
   * server's answer it comes from, which a later `graphDelta` names as its base; `version`: the
   * document's, which the webview's `drawn` names.
   */
  | { type: 'graph'; uri: string; graph: Graph; fit: boolean; id?: string; version?: number }
  /**
   * What a large file opens on, ahead of its graph: the webview draws it and answers `wantGraph`.
   * `id` and `version` as in `graph`; the `graph` that follows comes from the same answer.
   */
  | { type: 'overview'; uri: string; overview: OpeningOverview; fit: boolean; id: string; version?: number }
  /** The graph as the change from the one of `base` (the webview has it: the extension sent it). */
  | { type: 'graphDelta'; uri: string; base: string; id: string; delta: GraphDelta; version?: number }
  /** No graph: `message` says why (no file, the server is not ready). */
  | { type: 'empty'; message: string }
  /** The cursor in the previewed file (zero-based, as LSP). */
  | { type: 'cursor'; line: number; character: number }
  /** Produce an export; the webview answers with `exported`. */
  | { type: 'export'; format: ExportFormat }
  /**
   * Focus on a node (its id) of the graph of `uri`: now, or when that graph arrives. The extension sends
   * it again after each graph until the webview answers `focused` with its `request` (a page that
   * reloads meanwhile loses what was posted to it).
   */
  | { type: 'focus'; uri: string; node: string; request: number };

/** Webview to extension. */
export type FromWebview =
  /** The page holds no graph (it just loaded, or cannot apply a `graphDelta`): send the graph whole. */
  | { type: 'ready' }
  /** The page holds only an `overview` (drawn, or not drawable in its present mode): send the graph. */
  | { type: 'wantGraph' }
  /**
   * Select and show the YAML of a node of the graph the page holds: its `range` (the node's, from the
   * graph) in the file `uri`. The extension bounds the range to the document, and reveals nothing in a
   * file it does not preview.
   */
  | { type: 'reveal'; uri: string; range: Range }
  /** An export's content: SVG or Mermaid text, or a PNG as a base64 data URL. */
  | { type: 'exported'; format: ExportFormat; data: string }
  /** A graph is on screen: the `version` of its `graph`, `graphDelta` or `overview` message (the bench times edits to it). */
  | { type: 'drawn'; version?: number }
  /** The `focus` of `request` is taken: applied to the graph of its file, or its node is not in it. */
  | { type: 'focused'; request: number };

/** A generous bound for an export (a large PNG at twice the size). */
export const MAX_EXPORT_LENGTH = 64 * 1024 * 1024;
export const PNG_PREFIX = 'data:image/png;base64,';

const isExportFormat = (value: unknown): value is ExportFormat => (EXPORT_FORMATS as readonly unknown[]).includes(value);

/** The message when it is one the extension understands and its fields are sound, else `undefined`. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'wantGraph':
      return { type: value.type };
    case 'reveal': {
      const range = rangeOf(value.range);
      return isId(value.uri) && range ? { type: 'reveal', uri: value.uri, range } : undefined;
    }
    case 'exported': {
      const { format, data } = value;
      if (!isExportFormat(format)) return undefined;
      if (typeof data !== 'string' || data.length === 0 || data.length > MAX_EXPORT_LENGTH) return undefined;
      if (format === 'png' && !(data.startsWith(PNG_PREFIX) && /^[A-Za-z0-9+/]*={0,2}$/.test(data.slice(PNG_PREFIX.length)))) return undefined;
      if (format === 'svg' && !data.startsWith('<svg')) return undefined;
      return { type: 'exported', format, data };
    }
    case 'drawn': {
      const { version } = value;
      if (version === undefined) return { type: 'drawn' };
      return isCount(version) ? { type: 'drawn', version } : undefined;
    }
    case 'focused':
      return isCount(value.request) ? { type: 'focused', request: value.request } : undefined;
    default:
      return undefined;
  }
}
