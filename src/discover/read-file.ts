import { readFileSync } from 'node:fs';
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

/**
 * Reads a file once: binary files are reported, invalid UTF-8 is decoded as Latin-1 so nothing is
 * lost. Synchronous on purpose: it runs in worker threads (or a CLI's main thread with nothing
 * else to do), where a blocking read of a small file costs a fraction of a promise-based one.
 */
export function readSource(absPath: string): ReadOutcome {
  let buf: Buffer;
  try {
    buf = readFileSync(absPath);
  } catch (err) {
    return { kind: 'unreadable', message: (err as Error).message };
  }
  if (looksBinary(buf)) return { kind: 'binary' };
  const utf8 = isUtf8(buf);
  let text = buf.toString(utf8 ? 'utf8' : 'latin1');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind: 'text', text, utf8, bytes: buf };
}
