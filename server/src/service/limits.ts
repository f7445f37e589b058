/**
 * What the editor refuses to do live, and says so: a file above the live-checking limit is not
 * parsed while typing (the command line still checks it), and a check that fails inside ppnet is
 * reported on the file instead of taking the server down.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './validation';

/** Files larger than this (in UTF-8 bytes) are not checked while typing. */
export const LIVE_CHECK_LIMIT_BYTES = 5 * 1024 * 1024;

const LIMITS_URL = 'https://github.com/ppnet/ppnet#limits';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** The document's size in UTF-8 bytes when it is above the limit, else `undefined`. */
function sizeAboveLiveLimit(document: TextDocument): number | undefined {
  const text = document.getText();
  // A UTF-16 code unit is 1 to 3 UTF-8 bytes: most texts are decided without counting.
  if (text.length * 3 <= LIVE_CHECK_LIMIT_BYTES) return undefined;
  const bytes = utf8Length(text);
  return bytes > LIVE_CHECK_LIMIT_BYTES ? bytes : undefined;
}

/** A diagnostic about the whole file, at its start. */
function fileDiagnostic(code: string, message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
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
    `File too large for live checking: ${megabytes(bytes)}, limit ${megabytes(LIVE_CHECK_LIMIT_BYTES)}. ` +
      'ppnet does not check it, complete or outline it while you type; run "ppnet check" on it, or split the topology into smaller files.',
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
