/**
 * The editor settings the server reads: which inlay hints to give and whether to give code lenses
 * (package.json's `ppnet.inlayHints.*` and `ppnet.codeLens.enabled`). All off until the user turns them
 * on. A client sends them as its `ppnet` settings section (pulled with `workspace/configuration`, or
 * pushed in `workspace/didChangeConfiguration`), or, without either, as `initializationOptions` of the
 * same shape: `{ inlayHints: { communities: true, ... }, codeLens: { enabled: true } }`.
 */
import { InlayHintParts, NO_INLAY_HINTS } from '../service';

export interface EditorSettings {
  inlayHints: InlayHintParts;
  codeLens: boolean;
}

export const DEFAULT_SETTINGS: EditorSettings = { inlayHints: NO_INLAY_HINTS, codeLens: false };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The settings `value` (untrusted: a client's section or options) sets; what it leaves out, or sets to a non-boolean, is `fallback`'s. */
export function readSettings(value: unknown, fallback: EditorSettings): EditorSettings {
  const section = isRecord(value) ? value : {};
  const hints = isRecord(section.inlayHints) ? section.inlayHints : {};
  const lens = isRecord(section.codeLens) ? section.codeLens : {};
  const flag = (from: Record<string, unknown>, name: string, otherwise: boolean) => (typeof from[name] === 'boolean' ? (from[name] as boolean) : otherwise);
  const inlayHints = Object.fromEntries(
    (Object.keys(NO_INLAY_HINTS) as (keyof InlayHintParts)[]).map((part) => [part, flag(hints, part, fallback.inlayHints[part])]),
  ) as unknown as InlayHintParts;
  return { inlayHints, codeLens: flag(lens, 'enabled', fallback.codeLens) };
}

export function anyInlayHint(settings: EditorSettings): boolean {
  return Object.values(settings.inlayHints).some(Boolean);
}

export function sameSettings(a: EditorSettings, b: EditorSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The `ppnet` section a client pushed in `workspace/didChangeConfiguration` (`{ ppnet: {...} }`), when it pushed one. */
export function pushedSection(settings: unknown): Record<string, unknown> | undefined {
  return isRecord(settings) && isRecord(settings.ppnet) ? settings.ppnet : undefined;
}
