import { compareNumeric } from './generic.js';

/**
 * Maven's version order, as its ComparableVersion defines it (and OSV's Maven ranges mean): a
 * version is a list of numbers, qualifiers and nested lists. `-` and a change between digits and
 * letters open a nested list; `.` does not. Trailing "null" items (0, the release qualifier, an
 * empty list) are dropped from every list, also before a nested one: `1.0-alpha` is `1-alpha`.
 *
 * Maven's order is not transitive for every string it accepts, and this one follows Maven rather
 * than repair it: `1.0.alpha` < `1` < `1.sp` < `1.0.alpha` (a number outranks any qualifier at
 * the same place, while a missing item is the release qualifier). Versions as published — numbers,
 * then qualifiers after `-` or `.` — are totally ordered (versions.test.ts checks both).
 */
type Item = { kind: 'num'; v: string } | { kind: 'str'; v: string } | { kind: 'list'; items: Item[] };

// Maven's qualifier order; unknown qualifiers sort after these, lexically.
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const RELEASE = QUALIFIERS.indexOf('');
const ALIASES: Record<string, string> = { cr: 'rc', ga: '', final: '', release: '' };
// Single letters that name a qualifier only when a number follows them (`1.0a1` but not `1.0a`).
const SHORT: Record<string, string> = { a: 'alpha', b: 'beta', m: 'milestone' };

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

function isNull(i: Item): boolean {
  if (i.kind === 'num') return /^0+$/.test(i.v);
  if (i.kind === 'str') return qualifierKey(i.v)[0] === RELEASE;
  return i.items.length === 0;
}

function word(text: string, followedByDigit: boolean): Item {
  if (/^\d+$/.test(text)) return { kind: 'num', v: text };
  return { kind: 'str', v: (followedByDigit ? SHORT[text] : undefined) ?? text };
}

/** Drops trailing null items, and null items before a nested list, from the end of one list. */
function normalize(items: Item[]): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (isNull(item)) items.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
}

/** Parses a Maven version into ComparableVersion's nested items. */
export function mavenItems(version: string): Item[] {
  const v = version.trim().toLowerCase();
  const root: Item[] = [];
  const lists: Item[][] = [root];
  let list = root;
  const open = (): void => {
    const inner: Item[] = [];
    list.push({ kind: 'list', items: inner });
    lists.push(inner);
    list = inner;
  };
  let start = 0;
  let digit = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '.' || c === '-') {
      list.push(i === start ? { kind: 'num', v: '0' } : word(v.slice(start, i), false));
      start = i + 1;
      if (c === '-') open();
    } else if (c >= '0' && c <= '9') {
      if (!digit && i > start) {
        list.push(word(v.slice(start, i), true));
        start = i;
        open();
      }
      digit = true;
    } else {
      if (digit && i > start) {
        list.push(word(v.slice(start, i), false));
        start = i;
        open();
      }
      digit = false;
    }
  }
  if (v.length > start) list.push(word(v.slice(start), false));
  for (let i = lists.length - 1; i >= 0; i--) normalize(lists[i]!);
  return root;
}

/** One item against another, or against nothing (the shorter list's missing tail). */
function compareItem(x: Item, y: Item | undefined): number {
  if (y === undefined) {
    if (x.kind === 'num') return isNull(x) ? 0 : 1;
    if (x.kind === 'str') return compareQualifier(x.v, '');
    return x.items.length === 0 ? 0 : compareItem(x.items[0]!, undefined);
  }
  if (x.kind === 'num') return y.kind === 'num' ? compareNumeric(x.v, y.v) : 1;
  if (x.kind === 'str') return y.kind === 'str' ? compareQualifier(x.v, y.v) : -1;
  if (y.kind === 'list') return compareLists(x.items, y.items);
  return y.kind === 'num' ? -1 : 1;
}

function compareLists(x: readonly Item[], y: readonly Item[]): number {
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    const c = a === undefined ? (b === undefined ? 0 : -compareItem(b, undefined)) : compareItem(a, b);
    if (c !== 0) return c;
  }
  return 0;
}

/** Maven version ordering after ComparableVersion (qualifiers alpha < beta < milestone < rc < snapshot < release < sp). */
export function compareMaven(a: string, b: string): number {
  return compareLists(mavenItems(a), mavenItems(b));
}
