import { changedLines } from './text-diff.js';

export type Hint = 'timestamp' | 'file order' | 'build path' | 'permissions or owner' | 'archive metadata';

const TIMESTAMP = new RegExp(
  [
    '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?',
    '\\d{1,2}:\\d{2}:\\d{2}',
    '\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +\\d{1,2}? *(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* *\\d{0,4}',
    '\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* +\\d{1,2},? +\\d{4}',
    // Seconds or milliseconds since 1970, from 2001 to 2286.
    '\\b1\\d{9}(?:\\d{3})?\\b',
  ].join('|'),
  'g',
);
const ABS_PATH = /(?:[A-Za-z]:\\|\/)(?:[\w.@+~-]+[/\\])+[\w.@+~-]*/g;

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

/** Why two texts may differ, when the difference has a recognisable shape. */
export function textHints(a: string, b: string): Hint[] {
  const { removed, added } = changedLines(a, b);
  if (removed.length === 0 && added.length === 0) return ['file order'];
  const hints: Hint[] = [];
  const norm = (re: RegExp) => (l: string) => l.replace(re, '\u0000');
  if (sameMultiset(removed.map(norm(TIMESTAMP)), added.map(norm(TIMESTAMP)))) hints.push('timestamp');
  if (sameMultiset(removed.map(norm(ABS_PATH)), added.map(norm(ABS_PATH)))) hints.push('build path');
  if (hints.length === 0) {
    // Mixed causes: each kind noted when some changed line pair is explained by it.
    // Copies without the g flag: test() then keeps no position between calls.
    const both = (re: RegExp): boolean => removed.some((l) => re.test(l)) && added.some((l) => re.test(l));
    if (both(new RegExp(TIMESTAMP.source))) hints.push('timestamp');
    if (both(new RegExp(ABS_PATH.source))) hints.push('build path');
  }
  return hints;
}
