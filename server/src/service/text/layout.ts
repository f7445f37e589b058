/** How a file is laid out: the line ending and indentation step that edits and completions follow. */

/** The file's line ending: CRLF when it has one, else LF. */
export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The file's indentation step in spaces: the smallest indentation of a key line, else two. */
export function indentUnit(text: string): number {
  let unit = Infinity;
  for (const match of text.matchAll(/^( +)[^\s#-]/gm)) unit = Math.min(unit, match[1].length);
  return Number.isFinite(unit) ? unit : 2;
}
