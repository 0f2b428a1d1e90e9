import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { VanguardError } from '../core/errors.js';
import { isUtf8 } from 'node:buffer';

export type ReadOutcome =
  /** `bytes` holds the text as UTF-8 when it was decoded from UTF-16 or UTF-32 (`encoding` says which). */
  | { kind: 'text'; text: string; utf8: boolean; bytes: Buffer; encoding?: WideEncoding }
  | { kind: 'binary' }
  | { kind: 'unreadable'; message: string };

const SNIFF = 8000;

/** True when the buffer looks binary (a NUL byte in its first 8,000 bytes, as git decides). */
export function looksBinary(buf: Uint8Array): boolean {
  return buf.subarray(0, SNIFF).indexOf(0) !== -1; // memchr: most files are text, read to the end of the sniff
}

// O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a file swapped for a link
// after the walk is not followed.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

/**
 * Reads a regular file of at most `maxBytes`, refusing anything else (FIFOs, devices, links,
 * files that grew past the limit) with a clear error instead of blocking or reading forever.
 */
export function readRegularFile(absPath: string | Uint8Array, maxBytes: number): Buffer {
  // Bytes for a name that is not valid UTF-8 (a worker receives them as a plain Uint8Array).
  const fd = openSync(typeof absPath === 'string' ? absPath : Buffer.from(absPath), OPEN_FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new VanguardError('READ_FAILED', 'not a regular file');
    if (st.size > maxBytes) throw new VanguardError('TOO_LARGE', `larger than ${maxBytes} bytes`);
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === st.size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/**
 * The first `bytes` bytes of a regular file as Latin-1, or undefined for anything else (missing, a FIFO,
 * a device, a link): a glance at a file the walk did not hand over (a library's other build beside one),
 * which must neither block nor follow a link out of the tree.
 */
export function readHead(absPath: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absPath, OPEN_FLAGS);
    if (!fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.toString('latin1', 0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads a file once: binary files are reported, invalid UTF-8 is decoded as Latin-1 so nothing is
 * lost. Synchronous on purpose: it runs in worker threads (or a CLI's main thread with nothing
 * else to do), where a blocking read of a small file costs a fraction of a promise-based one.
 */
export function readSource(absPath: string | Uint8Array, maxBytes: number): ReadOutcome {
  let buf: Buffer;
  try {
    buf = readRegularFile(absPath, maxBytes);
  } catch (err) {
    return { kind: 'unreadable', message: (err as Error).message };
  }
  const wide = wideEncodingOf(buf);
  if (wide !== undefined) {
    const text = decodeWide(buf, wide);
    if (text !== undefined)
      return { kind: 'text', text, utf8: false, bytes: Buffer.from(text), encoding: wide };
  }
  if (looksBinary(buf)) return { kind: 'binary' };
  const utf8 = isUtf8(buf);
  // Decoded on first use: byte-oriented analyzers (secrets) never need the string.
  let text: string | undefined;
  return {
    kind: 'text',
    utf8,
    bytes: buf,
    get text(): string {
      if (text === undefined) {
        text = buf.toString(utf8 ? 'utf8' : 'latin1');
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      return text;
    },
  };
}

export type WideEncoding = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/**
 * UTF-16 or UTF-32 by its byte-order mark, or without one by the NUL pattern of mostly-ASCII text
 * (Windows tools write UTF-16LE .reg, .ps1 and config files): such text is decoded and scanned, not
 * skipped as binary.
 */
export function wideEncodingOf(buf: Uint8Array): WideEncoding | undefined {
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0)
    return 'utf-32le';
  if (buf.length >= 4 && buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff)
    return 'utf-32be';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  const n = Math.min(buf.length, SNIFF) & ~3;
  if (n < 8) return undefined;
  // Without a NUL byte there is no pattern to count (the common case, found natively).
  if (buf.subarray(0, n).indexOf(0) === -1) return undefined;
  // Count NUL bytes by position in 4-byte units: ASCII in UTF-32LE is `c 0 0 0`, in UTF-16LE `c 0 c 0`.
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (buf[i] === 0) zeros[i & 3]!++;
  const units = n / 4;
  const most = (k: number): boolean => zeros[k]! >= units * 0.7;
  const few = (k: number): boolean => zeros[k]! <= units * 0.1;
  if (few(0) && most(1) && most(2) && most(3)) return 'utf-32le';
  if (most(0) && most(1) && most(2) && few(3)) return 'utf-32be';
  if (few(0) && few(2) && most(1) && most(3)) return 'utf-16le';
  if (most(0) && most(2) && few(1) && few(3)) return 'utf-16be';
  return undefined;
}

/** Decodes UTF-16/32 text; undefined when the bytes are not well-formed text in that encoding. */
export function decodeWide(buf: Buffer, enc: WideEncoding): string | undefined {
  let text: string;
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    if (buf.length % 2 !== 0) return undefined;
    const le = enc === 'utf-16le' ? buf : swap16(buf);
    try {
      text = new TextDecoder('utf-16le', { fatal: true }).decode(le);
    } catch (err) {
      void err; // Unpaired surrogates: not UTF-16 text after all; the caller treats it as binary.
      return undefined;
    }
  } else {
    if (buf.length % 4 !== 0) return undefined;
    const parts: string[] = [];
    const chunk: number[] = [];
    for (let i = 0; i < buf.length; i += 4) {
      const cp = enc === 'utf-32le' ? buf.readUInt32LE(i) : buf.readUInt32BE(i);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
      chunk.push(cp);
      if (chunk.length === 8192) parts.push(String.fromCodePoint(...chunk.splice(0)));
    }
    parts.push(String.fromCodePoint(...chunk));
    text = parts.join('');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A NUL in decoded text means the guess was wrong (binary data with a lucky pattern); so does text
  // without a single space or line break (Latin-1 that happens to start with ÿþ decodes to a few CJK signs).
  return text.includes('\0') || !/[ \t\n]/.test(text) ? undefined : text;
}

function swap16(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  out.swap16();
  return out;
}

/** A name for reports: valid UTF-8 as it is, any other byte as `\xNN` (unambiguous, printable). */
export function displayName(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0;
    if (len > 0 && i + len <= bytes.length && isUtf8(bytes.subarray(i, i + len))) {
      out += bytes.toString('utf8', i, i + len);
      i += len;
    } else {
      out += `\\x${b.toString(16).padStart(2, '0').toUpperCase()}`;
      i++;
    }
  }
  return out;
}
