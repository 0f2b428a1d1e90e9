import { ParseError } from '../../../core/errors.js';

/** A parsed JSON document with the 1-based line of every object key, by key path. */
export interface JsonWithLines {
  value: unknown;
  lineOf(path: readonly string[]): number | undefined;
}

const SEP = '\u0000';
const MAX_NESTING = 2100;

/**
 * Parses JSON (or JSONC with trailing commas, as bun.lock writes it) and records where each key sits, so
 * findings can point at the exact line of a package entry.
 */
export function parseJsonWithLines(text: string, opts: { trailingCommas?: boolean } = {}): JsonWithLines {
  const lines = new Map<string, number>();
  const chars = opts.trailingCommas ? text.split('') : undefined;
  // Stack of containers: for objects the current key path entry, for arrays the running index.
  const stack: { obj: boolean; key: string; idx: number }[] = [];
  const path: string[] = [];
  let line = 1;
  let expectKey = false;
  let lastComma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 34) {
      // A string: find its end, honouring escapes.
      const start = i;
      let j = text.indexOf('"', i + 1);
      let escaped = false;
      // Skip quotes preceded by an odd number of backslashes.
      while (j > 0) {
        let k = j - 1;
        while (text.charCodeAt(k) === 92) k--;
        if ((j - 1 - k) % 2 === 0) break;
        escaped = true;
        j = text.indexOf('"', j + 1);
      }
      if (j < 0) j = text.length;
      const top = stack[stack.length - 1];
      if (top?.obj && expectKey) {
        const raw = text.slice(start + 1, j);
        const key = escaped || raw.includes('\\') ? decodeKey(`"${raw}"`) : raw;
        top.key = key;
        path[stack.length - 1] = key;
        path.length = stack.length;
        lines.set(path.join(SEP), line);
        expectKey = false;
      }
      lastComma = -1;
      i = j;
      continue;
    }
    if (c === 123 || c === 91) {
      const top = stack[stack.length - 1];
      if (top && !top.obj) path[stack.length - 1] = String(top.idx);
      stack.push({ obj: c === 123, key: '', idx: 0 });
      // Key paths are joined per key: unbounded nesting would cost quadratic time and memory.
      if (stack.length > MAX_NESTING)
        throw new ParseError(`JSON nested deeper than ${MAX_NESTING} levels`, line);
      expectKey = c === 123;
      lastComma = -1;
      continue;
    }
    if (c === 125 || c === 93) {
      if (chars && lastComma >= 0) chars[lastComma] = ' ';
      stack.pop();
      path.length = stack.length;
      lastComma = -1;
      continue;
    }
    if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.obj) expectKey = true;
      else if (top) top.idx++;
      lastComma = i;
      continue;
    }
    if (c !== 32 && c !== 9 && c !== 13) lastComma = -1;
  }
  const src = chars ? chars.join('') : text;
  let value: unknown;
  try {
    value = JSON.parse(src);
  } catch (err) {
    throw new ParseError(`invalid JSON: ${(err as Error).message}`, errorLine(src, (err as Error).message), {
      cause: err,
    });
  }
  return { value, lineOf: (p) => lines.get(p.join(SEP)) };
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    // A malformed key is reported by the full parse below; the line index just keeps the raw text.
    return quoted.slice(1, -1);
  }
}

function errorLine(text: string, message: string): number | undefined {
  const l = /line (\d+)/.exec(message);
  if (l) return Number(l[1]);
  const p = /position (\d+)/.exec(message);
  if (p) return text.slice(0, Number(p[1])).split('\n').length;
  return undefined;
}

/** Narrows unknown JSON to a plain object (arrays and null excluded). */
export function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** A string field of a JSON object, or undefined. */
export function str(o: Record<string, unknown> | undefined, k: string): string | undefined {
  const v = o?.[k];
  return typeof v === 'string' ? v : undefined;
}
