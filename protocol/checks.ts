/**
 * Checks on JSON that comes from another program (the preview page's messages, a restored page state)
 * before ppnet acts on it. Pure functions, no DOM and no `vscode`: the extension, the page and the
 * tests share them.
 */

/** The longest id or uri taken from the page. */
export const MAX_ID_LENGTH = 4096;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/**
 * What a handler of a request or notification may rely on: the declared parameters' fields, each
 * unknown until checked (any client may send anything), and maybe no parameters at all.
 */
export type Untrusted<T> = { [K in keyof T]?: unknown } | null | undefined;
