/**
 * Checks on JSON that comes from another program (the preview page's messages, a restored page state)
 * before ppnet acts on it. Pure functions, no DOM and no `vscode`: the extension, the page and the
 * tests share them.
 */
import type { Position, Range } from 'vscode-languageserver-types';

/** The longest id or uri taken from the page. */
export const MAX_ID_LENGTH = 4096;
/** LSP's largest line or character number (`uinteger`). */
const MAX_POSITION = 2 ** 31 - 1;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** A whole number from 0 up, as a version or a request number is. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function positionOf(value: unknown): Position | undefined {
  if (!isRecord(value)) return undefined;
  const { line, character } = value;
  const sound = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_POSITION;
  return sound(line) && sound(character) ? { line, character } : undefined;
}

/** A range of whole, non-negative positions whose start is not after its end (as LSP's), with no other field; else `undefined`. */
export function rangeOf(value: unknown): Range | undefined {
  if (!isRecord(value)) return undefined;
  const start = positionOf(value.start);
  const end = positionOf(value.end);
  if (!start || !end) return undefined;
  return start.line < end.line || (start.line === end.line && start.character <= end.character) ? { start, end } : undefined;
}

/**
 * What a handler of a request or notification may rely on: the declared parameters' fields, each
 * unknown until checked (any client may send anything), and maybe no parameters at all.
 */
export type Untrusted<T> = { [K in keyof T]?: unknown } | null | undefined;
