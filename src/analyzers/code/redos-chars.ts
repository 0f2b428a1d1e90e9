/**
 * Sets of characters for the ReDoS check (redos.ts): sorted, merged, inclusive code-point ranges. The
 * end of the input is the pseudo code point -1, which no class contains.
 */
export type CharSet = readonly (readonly [number, number])[];

const MAX = 0x10ffff;

/** The union of two sets, sorted and merged. */
export function union(a: CharSet, b: CharSet): CharSet {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const prev = out[out.length - 1];
    if (prev && lo <= prev[1] + 1) prev[1] = Math.max(prev[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** Every character (0 … U+10FFFF) not in the set. */
export function negate(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let from = 0;
  for (const [lo, hi] of union(set, [])) {
    if (hi < 0) continue;
    if (lo > from) out.push([from, lo - 1]);
    from = Math.max(from, hi + 1);
  }
  if (from <= MAX) out.push([from, MAX]);
  return out;
}

/** Whether the two sets share a character. */
export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i]!;
    const [blo, bhi] = b[j]!;
    if (alo <= bhi && blo <= ahi) return true;
    if (ahi < bhi) i++;
    else j++;
  }
  return false;
}

/** The set with the other case of every ASCII letter added (the `i` flag). */
export function withCase(set: CharSet): CharSet {
  const extra: [number, number][] = [];
  for (const [lo, hi] of set) {
    for (const [from, to, shift] of [
      [65, 90, 32],
      [97, 122, -32],
    ] as const) {
      const l = Math.max(lo, from);
      const h = Math.min(hi, to);
      if (l <= h) extra.push([l + shift, h + shift]);
    }
  }
  return union(set, extra);
}

const DIGIT: CharSet = [[48, 57]];
const WORD: CharSet = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: CharSet = union(
  [
    [9, 13],
    [32, 32],
    [160, 160],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2028, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
    [0xfeff, 0xfeff],
  ],
  [],
);

/** The set of a class escape letter (`d`, `W`, `s`, …), or undefined for any other letter. */
export function classEscape(letter: string): CharSet | undefined {
  switch (letter) {
    case 'd':
      return DIGIT;
    case 'D':
      return negate(DIGIT);
    case 'w':
      return WORD;
    case 'W':
      return negate(WORD);
    case 's':
      return SPACE;
    case 'S':
      return negate(SPACE);
    default:
      return undefined;
  }
}

/** The characters both sets hold. */
export function intersection(a: CharSet, b: CharSet): CharSet {
  const out: [number, number][] = [];
  for (const [alo, ahi] of a)
    for (const [blo, bhi] of b) {
      const lo = Math.max(alo, blo);
      const hi = Math.min(ahi, bhi);
      if (lo <= hi) out.push([lo, hi]);
    }
  return union(out, []);
}
