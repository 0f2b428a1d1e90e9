/** A fallback ordering for versions no ecosystem grammar accepts: numeric runs by value, the rest by code point. */
export function compareGeneric(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  const n = Math.max(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const c = compareToken(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

function tokens(v: string): string[] {
  return v.match(/\d+|[^\d]+/g) ?? [];
}

function compareToken(x: string, y: string): number {
  const dx = /^\d/.test(x);
  const dy = /^\d/.test(y);
  if (dx && dy) return compareNumeric(x, y);
  if (dx !== dy) return dx ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compares two digit strings by value without overflow (leading zeros ignored). */
export function compareNumeric(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Clamps a comparison result to -1, 0 or 1. */
export function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/**
 * Compares lists of identifiers element by element: numbers by value, words lexically, and a list
 * that extends an equal prefix sorts after it. `numbersFirst` says whether a number sorts before a
 * word (SemVer prerelease) or after it (PEP 440 local versions).
 */
export function compareIdentifiers(
  a: readonly string[],
  b: readonly string[],
  numbersFirst: boolean,
  caseInsensitive = false,
): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a[i];
    let y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const c = compareNumeric(x, y);
      if (c !== 0) return c;
      continue;
    }
    if (nx !== ny) return nx === numbersFirst ? -1 : 1;
    if (caseInsensitive) {
      x = x.toLowerCase();
      y = y.toLowerCase();
    }
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
