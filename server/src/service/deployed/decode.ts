/**
 * The text of an exported file from its bytes, whatever wrote it: UTF-8 with or without a byte order
 * mark (`az`, PowerShell 7), UTF-16 with one (Windows PowerShell 5.1's `>` and `Out-File`) and UTF-16
 * without one (told by its NUL bytes). Pure: the command line and the language server both use it.
 */
import { sniffNotText } from '../syntax/parse';

export type Decoded = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { problem: string };

export function decodeExport(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  const sniffed = sniffNotText((i) => bytes[i], bytes.length);
  if (sniffed?.kind === 'utf-16le' || sniffed?.kind === 'utf-16be') return utf16(bytes, sniffed.kind);
  if (sniffed) return { problem: `binary content (a NUL byte at offset ${sniffed.offset}), not the JSON text of an export` };
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { problem: 'neither UTF-8 nor UTF-16 text (save the export as UTF-8)' };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (bytes.length % 2) return { problem: `${encoding.toUpperCase()} text cut in the middle of a character (an odd number of bytes)` };
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return { problem: `not valid ${encoding.toUpperCase()} text` };
  }
}
