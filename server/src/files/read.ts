/**
 * Reading files as the command line and the server need them: never more than a limit (a device or a
 * pipe may never end), standard input as `-`, and every failure as words the user can act on rather
 * than an exception.
 */
import * as fs from 'fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position } from 'vscode-languageserver-types';
import { NotTextKind, notTextMessage, sniffNotText } from '../service';

/** What a file read gave: its text, or why there is none. */
export type ReadOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'unreadable'; reason: string }
  /** Above the limit: `bytes` is the file's size when it is known (a regular file), else it is a stream. */
  | { kind: 'too-large'; bytes?: number }
  /** Bytes that are not UTF-8 text: what to say, and where. */
  | { kind: 'not-text'; message: string; at: Position };

/** The words for a failed file operation: "permission denied (EACCES)". */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a folder, not a file',
    ELOOP: 'too many symbolic links (a loop?)',
    ENAMETOOLONG: 'the name is too long',
    EMFILE: 'too many open files',
    ENFILE: 'too many open files',
    EIO: 'input/output error',
    ENXIO: 'no such device',
    ENODEV: 'no such device',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EEXIST: 'it exists already',
    EBUSY: 'the file is busy',
    ETXTBSY: 'the file is busy',
    EINVAL: 'not a file that can be read',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

const CHUNK = 64 * 1024;

/** Sleeps without a busy loop (a non-blocking standard input has nothing yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads an open file descriptor to its end, or to one byte more than `limit`. */
function readAtMost(fd: number, limit: number): Buffer | 'too-large' {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    let read: number;
    try {
      read = fs.readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(10);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(buffer.subarray(0, read));
    total += read;
    if (total > limit) return 'too-large';
  }
  return Buffer.concat(chunks, total);
}

/**
 * The bytes of a file, or of standard input for `-`, reading no more than `limit` bytes (plus one, to
 * know there is more).
 */
export function readBytes(file: string, limit: number): { data: Buffer } | Exclude<ReadOutcome, { kind: 'text' } | { kind: 'not-text' }> {
  if (file === '-') {
    try {
      const bytes = readAtMost(0, limit);
      return bytes === 'too-large' ? { kind: 'too-large' } : { data: bytes };
    } catch (error) {
      return { kind: 'unreadable', reason: describeError(error) };
    }
  }
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    return { kind: 'unreadable', reason: describeError(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { kind: 'unreadable', reason: describeError({ code: 'EISDIR' }) };
    if (stat.isFile() && stat.size > limit) return { kind: 'too-large', bytes: stat.size };
    const bytes = readAtMost(fd, limit);
    if (bytes === 'too-large') return { kind: 'too-large', bytes: stat.isFile() ? fs.fstatSync(fd).size : undefined };
    return { data: bytes };
  } catch (error) {
    return { kind: 'unreadable', reason: describeError(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a text file (or standard input for `-`) of at most `limit` bytes, as UTF-8. */
export function readText(file: string, limit: number): ReadOutcome {
  const read = readBytes(file, limit);
  return 'data' in read ? decode(read.data) : read;
}

/**
 * UTF-8 text (a byte order mark is dropped), or what the bytes are instead: UTF-16 with or without a
 * byte order mark, binary content, or text in another encoding. UTF-8 with NUL characters is left to
 * the language service, which says the same of it in the editor.
 */
export function decode(bytes: Uint8Array): ReadOutcome {
  const start: Position = { line: 0, character: 0 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return notText('utf-16le', true, start);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return notText('utf-16be', true, start);
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // not UTF-8: say what it is
  }
  const sniffed = sniffNotText((i) => bytes[i], bytes.length);
  if (sniffed) return notText(sniffed.kind, false, sniffed.kind === 'binary' ? positionOfByte(bytes, sniffed.offset) : start);
  const bad = firstInvalidUtf8(bytes);
  return {
    kind: 'not-text',
    message:
      `Not UTF-8 text: the byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')} here is not valid UTF-8, so ppnet cannot read the file. ` +
      'If it is text in another encoding (such as Windows-1252), save it as UTF-8, for example with "iconv -f WINDOWS-1252 -t UTF-8".',
    at: positionOfByte(bytes, bad),
  };
}

function notText(kind: NotTextKind, bom: boolean, at: Position): ReadOutcome {
  return { kind: 'not-text', message: notTextMessage(kind, bom), at };
}

/** The position (line, UTF-16 character) of a byte, from the valid UTF-8 before it. */
function positionOfByte(bytes: Uint8Array, offset: number): Position {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return TextDocument.create('file:///', 'ppnet', 0, before).positionAt(before.length);
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1];
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f) || (byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}
