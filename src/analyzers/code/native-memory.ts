import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Syntax trees live in native memory that V8 does not see, so a worker that parses thousands of files
 * keeps gigabytes of dead trees until a major GC happens by chance. After every PARSED_BYTES_PER_GC bytes
 * of parsed source this asks V8 for a collection, which frees the trees of files already analysed.
 */
const PARSED_BYTES_PER_GC = 64 * 1024 * 1024;

let parsedSinceGc = 0;
let gc: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (gc !== undefined) return gc;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return (gc = existing);
  setFlagsFromString('--expose-gc');
  const fn: unknown = runInNewContext('typeof gc === "function" ? gc : null');
  gc = typeof fn === 'function' ? (fn as () => void) : null;
  return gc;
}

/** Records `bytes` of parsed source and collects garbage when enough has accumulated. */
export function noteParsed(bytes: number): void {
  parsedSinceGc += bytes;
  if (parsedSinceGc < PARSED_BYTES_PER_GC) return;
  parsedSinceGc = 0;
  collector()?.();
}
