import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { VanguardError } from '../core/errors.js';
import { isUtf8 } from 'node:buffer';

export type ReadOutcome =
  | { kind: 'text'; text: string; utf8: boolean; bytes: Buffer }
  | { kind: 'binary' }
  | { kind: 'unreadable'; message: string };

const SNIFF = 8000;

/** True when the buffer looks binary (a NUL byte in its first 8,000 bytes, as git decides). */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SNIFF);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

// O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a file swapped for a link
// after the walk is not followed.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

/**
 * Reads a regular file of at most `maxBytes`, refusing anything else (FIFOs, devices, links,
 * files that grew past the limit) with a clear error instead of blocking or reading forever.
 */
export function readRegularFile(absPath: string, maxBytes: number): Buffer {
  const fd = openSync(absPath, OPEN_FLAGS);
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
 * Reads a file once: binary files are reported, invalid UTF-8 is decoded as Latin-1 so nothing is
 * lost. Synchronous on purpose: it runs in worker threads (or a CLI's main thread with nothing
 * else to do), where a blocking read of a small file costs a fraction of a promise-based one.
 */
export function readSource(absPath: string, maxBytes: number): ReadOutcome {
  let buf: Buffer;
  try {
    buf = readRegularFile(absPath, maxBytes);
  } catch (err) {
    return { kind: 'unreadable', message: (err as Error).message };
  }
  if (looksBinary(buf)) return { kind: 'binary' };
  const utf8 = isUtf8(buf);
  let text = buf.toString(utf8 ? 'utf8' : 'latin1');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind: 'text', text, utf8, bytes: buf };
}
