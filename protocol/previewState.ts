/**
 * What the preview page keeps across reloads (`vscode.setState`), which the extension reads back when
 * VS Code restores the panel after a window reload. The page imports this file for its check too, so
 * that it holds no value of protocol.ts (whose values bring the LSP library).
 */
import { isRecord, MAX_ID_LENGTH } from './checks';

export interface PreviewState {
  uri: string;
  view?: { x: number; y: number; scale: number };
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
