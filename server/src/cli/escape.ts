/**
 * Control characters out of everything the command line prints: a value or a file name could
 * otherwise clear the screen, set a terminal's title or hide lines in a CI log.
 */

/** C0 controls but tab and line feed, DEL, and C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this does
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The text with each control character written as `\xHH` (ESC as `\x1B`): visible, inert, and still one line. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The same for every string inside a value about to become JSON. */
export function escapeControlInJson(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? escapeControl(value) : value;
}
