import type { Reporter } from './types.js';

const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escapeUnsafe = (s: string): string =>
  s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * JSON whose text is safe on a terminal: C1 controls, line separators and bidirectional overrides
 * (which JSON allows raw inside strings) are written as \u escapes, so the parsed data is unchanged.
 */
export function safeJson(value: unknown, indent?: number): string {
  return escapeUnsafe(JSON.stringify(value, null, indent));
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Arrays longer than this are written one element at a time. */
const SPLIT_OVER = 64;

/**
 * The text of `safeJson(value, indent)` in pieces: the top-level object and its members member by
 * member, and long arrays (a report's findings) element by element, so a large report is never one
 * string of tens of megabytes that must be built, scanned for unsafe characters and encoded at once.
 */
export function* safeJsonChunks(value: unknown, indent = 2, depth = 0): Generator<string> {
  const pad = (d: number): string => ' '.repeat(indent * d);
  const v: unknown =
    typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function'
      ? (value as { toJSON: () => unknown }).toJSON()
      : value;
  const split =
    v !== null &&
    typeof v === 'object' &&
    indent > 0 &&
    depth < 3 &&
    (Array.isArray(v) ? v.length > SPLIT_OVER : depth < 2 && Object.keys(v).length > 0);
  if (!split) {
    yield escapeUnsafe(JSON.stringify(v, null, indent)).replaceAll('\n', `\n${pad(depth)}`);
    return;
  }
  const inner = `\n${pad(depth + 1)}`;
  if (Array.isArray(v)) {
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield i === 0 ? inner : `,${inner}`;
      const el: unknown = v[i];
      if (omitted(el)) yield 'null';
      else yield* safeJsonChunks(el, indent, depth + 1);
    }
    yield `\n${pad(depth)}]`;
    return;
  }
  let first = true;
  for (const [k, x] of Object.entries(v)) {
    if (omitted(x)) continue;
    yield `${first ? '{' : ','}${inner}${escapeUnsafe(JSON.stringify(k))}: `;
    first = false;
    yield* safeJsonChunks(x, indent, depth + 1);
  }
  yield first ? '{}' : `\n${pad(depth)}}`;
}

/** The scan result as JSON: the contract the server ingests (see docs/json-schema.md). */
export const jsonReport: Reporter = (result) => `${safeJson(result, 2)}\n`;
jsonReport.chunks = function* (result) {
  yield* safeJsonChunks(result, 2);
  yield '\n';
};
