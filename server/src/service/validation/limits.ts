/**
 * What ppnet refuses to do, and says so: a file above the size limit is not parsed (the command line
 * keeps the same limit), and a check that fails inside ppnet is reported on the file instead of taking
 * the server down.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './engine';

/**
 * Files larger than this (in UTF-8 bytes) are not checked, in the editor or by the command line: the
 * memory and time a check takes grow with the file, and faster than it for some shapes.
 */
export const LIVE_CHECK_LIMIT_BYTES = 5 * 1024 * 1024;

/** `ppnet check` and `ppnet graph` read no more than this of a file: the editor's limit. */
export const COMMAND_LINE_LIMIT_BYTES = LIVE_CHECK_LIMIT_BYTES;

export const LIMITS_URL = 'https://github.com/ppnet/ppnet#limits';

/** "5,000,017 bytes": exact, with thousands separators. */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'}`;
}

/** "5,242,880 bytes (5 MiB)": a limit, exactly and in round binary units. */
export function formatLimit(bytes: number): string {
  return `${formatBytes(bytes)} (${bytes / 1024 / 1024} MiB)`;
}

/** The document's size in UTF-8 bytes when it is above the limit, else `undefined`. */
function sizeAboveLiveLimit(document: TextDocument): number | undefined {
  const text = document.getText();
  // A UTF-16 code unit is 1 to 3 UTF-8 bytes: most texts are decided without counting.
  if (text.length * 3 <= LIVE_CHECK_LIMIT_BYTES) return undefined;
  const bytes = utf8Length(text);
  return bytes > LIVE_CHECK_LIMIT_BYTES ? bytes : undefined;
}

/** A diagnostic about the whole file, at its start (a warning unless said otherwise). */
export function fileDiagnostic(code: string, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Warning): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity,
    code,
    codeDescription: { href: LIMITS_URL },
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}

/** The diagnostic shown instead of live checking on a file above the limit, or `undefined` below it. */
export function liveLimitDiagnostic(document: TextDocument): Diagnostic | undefined {
  const bytes = sizeAboveLiveLimit(document);
  if (bytes === undefined) return undefined;
  return fileDiagnostic(
    'file-too-large',
    `File too large to check: ${formatBytes(bytes)}, above the limit of ${formatLimit(LIVE_CHECK_LIMIT_BYTES)}. ` +
      'ppnet does not check, complete or outline it, here or with "ppnet check": split the topology into smaller files.',
  );
}

/** The diagnostic shown when checking a file failed inside ppnet: the file is not the problem. */
export function internalErrorDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return fileDiagnostic(
    'internal-error',
    `ppnet could not check this file because of an error inside ppnet (${reason}). The diagnostics shown may be incomplete; please report it with the file.`,
  );
}

/** The UTF-8 length of a text, without Node's Buffer (the service also runs in a browser). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one code point of four bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}
