import type { MatchContext } from './types.js';

// A token shape made mostly of one repeated letter (X's bearer tokens open with 21 A's) turns up inside
// binary data written as base64: a font or an image in a CSS `data:` URI, a bundled wasm module. There the
// candidate is only a slice of a longer base64 run that goes on through `+` or `/` on either side, or it
// follows a `;base64,` marker. A token the provider hands out is written whole: after a quote, a space, an
// `=` or a `Bearer `, and ends at a quote, a space or the end of the line.

/** Base64 characters a run of binary data goes on with (a token's own alphabet has no `+` or `/`). */
const BASE64_TAIL = /[A-Za-z0-9+/]*$/;
const BASE64_HEAD = /^[A-Za-z0-9+/]*/;
const DATA_URI = /;base64,[A-Za-z0-9+/=]*$/;
/** How far beyond the token a base64 run must reach to be data rather than the token's own text. */
const BLOB_MARGIN = 16;
/** A stretch of encoded data: a URL's path (`/v2/bearer/<token>`) is short words between its slashes. */
const ENCODED_STRETCH = /[A-Za-z0-9+]{32,}/;

/** True when the match is a slice of a longer base64 run (a `data:` URI's font or image), not a token. */
export function insideBase64Blob(m: MatchContext): boolean {
  const after = m.line.slice(m.before.length);
  const at = after.indexOf(m.secret);
  if (at < 0) return false;
  const left = m.before + after.slice(0, at);
  if (DATA_URI.test(left)) return true;
  const leftRun = BASE64_TAIL.exec(left)?.[0] ?? '';
  const rightRun = BASE64_HEAD.exec(after.slice(at + m.secret.length))?.[0] ?? '';
  const glue = leftRun.slice(-1) + rightRun.slice(0, 1);
  if (!/[+/]/.test(glue) || leftRun.length + rightRun.length < BLOB_MARGIN) return false;
  return ENCODED_STRETCH.test(leftRun) || ENCODED_STRETCH.test(rightRun);
}
