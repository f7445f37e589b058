/**
 * Messages between the extension and the preview webview, and the checks the extension makes on
 * what the webview sends before acting on it. No `vscode` import: the webview bundle and the tests
 * use this file too.
 */
import type { Graph } from './graph';
import type { OpeningOverview } from '../diagram/overview';
import type { GraphDelta } from './graphDelta';
import type { InfrastructureFormat } from './infrastructure';

export const PREVIEW_VIEW_TYPE = 'ppnet.preview';
/** The graph of an open document, whole (`ppnet graph`'s JSON): `{ uri }` to `Graph | null`. */
export const GRAPH_REQUEST = 'ppnet/graph';

/**
 * The preview's graph of an open document, as the change from the graph the server answered last
 * (`since`, that answer's `id`) when it still has it, else whole: `GraphDeltaParams` to
 * `GraphAnswer | null`. The server keeps the last graph of each open document, and answers the same
 * version again without rebuilding it.
 */
export const GRAPH_DELTA_REQUEST = 'ppnet/graphDelta';
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

/**
 * Client to server, in the browser only (where the server cannot read the disk): the workspace's
 * `ppnet.config.yaml` files, all of them each time, sent on start and again whenever one changes.
 */
export const CONFIG_FILES_NOTIFICATION = 'ppnet/configFiles';
/** An object, not an array: JSON-RPC would spread an array's items as separate arguments. */
export interface ConfigFilesParams {
  files: ConfigFileContent[];
}
export interface ConfigFileContent {
  uri: string;
  text: string;
}

/**
 * A design's route filters and enterprise policies as infrastructure as code (what `ppnet export`
 * writes), for an open document: `InfrastructureExportParams` to `InfrastructureExport | null` (`null`
 * for a document the server does not have, or one too large to check live).
 */
export const INFRASTRUCTURE_EXPORT_REQUEST = 'ppnet/exportInfrastructure';
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

/**
 * The extension's command that a code action runs to put text on the clipboard (the language server
 * has no clipboard): arguments `[text, what]`, `what` saying in a few words what was copied.
 */
export const COPY_TO_CLIPBOARD_COMMAND = 'ppnet.copyToClipboard';

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
  | { type: 'export'; format: ExportFormat };

/** Webview to extension. */
export type FromWebview =
  /** The page holds no graph (it just loaded, or cannot apply a `graphDelta`): send the graph whole. */
  | { type: 'ready' }
  /** The page holds only an `overview` (drawn, or not drawable in its present mode): send the graph. */
  | { type: 'wantGraph' }
  /** Reveal the YAML of a node of the current graph. */
  | { type: 'reveal'; node: string }
  /** An export's content: SVG or Mermaid text, or a PNG as a base64 data URL. */
  | { type: 'exported'; format: ExportFormat; data: string }
  /** A graph is on screen: the `version` of its `graph`, `graphDelta` or `overview` message (the bench times edits to it). */
  | { type: 'drawn'; version?: number };

/** What the webview keeps across reloads (`vscode.setState`). */
export interface PreviewState {
  uri: string;
  view?: { x: number; y: number; scale: number };
}

const MAX_ID_LENGTH = 4096;
/** A generous bound for an export (a large PNG at twice the size). */
export const MAX_EXPORT_LENGTH = 64 * 1024 * 1024;
export const PNG_PREFIX = 'data:image/png;base64,';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message when it is one the extension understands and its fields are sound, else `undefined`. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'wantGraph':
      return { type: value.type };
    case 'reveal':
      return typeof value.node === 'string' && value.node.length > 0 && value.node.length <= MAX_ID_LENGTH ? { type: 'reveal', node: value.node } : undefined;
    case 'exported': {
      const { format, data } = value;
      if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) return undefined;
      if (typeof data !== 'string' || data.length === 0 || data.length > MAX_EXPORT_LENGTH) return undefined;
      if (format === 'png' && !(data.startsWith(PNG_PREFIX) && /^[A-Za-z0-9+/]*={0,2}$/.test(data.slice(PNG_PREFIX.length)))) return undefined;
      if (format === 'svg' && !data.startsWith('<svg')) return undefined;
      return { type: 'exported', format: format as ExportFormat, data };
    }
    case 'drawn': {
      const { version } = value;
      if (version === undefined) return { type: 'drawn' };
      return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0 ? { type: 'drawn', version } : undefined;
    }
    default:
      return undefined;
  }
}

/** A restored state when it is sound, else `undefined`. */
export function parsePreviewState(value: unknown): PreviewState | undefined {
  if (!isRecord(value) || typeof value.uri !== 'string' || value.uri.length > MAX_ID_LENGTH) return undefined;
  const view = value.view;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (isRecord(view) && finite(view.x) && finite(view.y) && finite(view.scale) && view.scale > 0) {
    return { uri: value.uri, view: { x: view.x, y: view.y, scale: view.scale } };
  }
  return { uri: value.uri };
}
