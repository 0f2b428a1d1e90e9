import { compareNumeric } from './generic.js';

type Item = { kind: 'num'; v: string } | { kind: 'str'; v: string };

// Maven's ComparableVersion qualifier order; unknown qualifiers sort after these, lexically.
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = {
  a: 'alpha',
  b: 'beta',
  m: 'milestone',
  cr: 'rc',
  ga: '',
  final: '',
  release: '',
};

function qualifierKey(q: string): [number, string] {
  const norm = ALIASES[q] ?? q;
  const i = QUALIFIERS.indexOf(norm);
  return i >= 0 ? [i, ''] : [QUALIFIERS.length, norm];
}

function compareQualifier(a: string, b: string): number {
  const [ia, sa] = qualifierKey(a);
  const [ib, sb] = qualifierKey(b);
  if (ia !== ib) return ia < ib ? -1 : 1;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Splits a Maven version into items at `.`, `-` and digit/letter transitions, trimming trailing null items. */
export function mavenItems(v: string): Item[] {
  const raw =
    v
      .trim()
      .toLowerCase()
      .match(/\d+|[a-z]+/g) ?? [];
  const items: Item[] = raw.map((t) => (/^\d/.test(t) ? { kind: 'num', v: t } : { kind: 'str', v: t }));
  while (items.length > 0 && isNull(items[items.length - 1]!)) items.pop();
  return items;
}

function isNull(i: Item): boolean {
  return i.kind === 'num' ? /^0+$/.test(i.v) : qualifierKey(i.v)[0] === QUALIFIERS.indexOf('');
}

function compareItem(x: Item | undefined, y: Item | undefined): number {
  if (x === undefined && y === undefined) return 0;
  if (x === undefined) return -compareItem(y, undefined);
  if (y === undefined) {
    // Against a missing item: numbers are >= 0, qualifiers compare with the release qualifier.
    return x.kind === 'num' ? (/^0+$/.test(x.v) ? 0 : 1) : compareQualifier(x.v, '');
  }
  if (x.kind === 'num' && y.kind === 'num') return compareNumeric(x.v, y.v);
  if (x.kind !== y.kind) return x.kind === 'num' ? 1 : -1;
  return compareQualifier(x.v, y.v);
}

/** Maven version ordering after ComparableVersion (qualifiers alpha < beta < milestone < rc < snapshot < release < sp). */
export function compareMaven(a: string, b: string): number {
  const x = mavenItems(a);
  const y = mavenItems(b);
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const c = compareItem(x[i], y[i]);
    if (c !== 0) return c;
  }
  // Equal item lists from different spellings ("1.0" and "1-0", "1.0.0" and "1") are the same version to Maven.
  return 0;
}
