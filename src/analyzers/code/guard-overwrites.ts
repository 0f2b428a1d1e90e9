import type { SgNode } from '@ast-grep/napi';
import { escapeRegex } from './scope.js';

/**
 * Where a scope gives a name a new value: a guard's check of `f` says nothing of `f` once `f = req.query.g`
 * has replaced it (used by taint-guards.ts, per scope and name).
 */

/** Assignment kinds per grammar (a kind the grammar lacks is an error to ast-grep). */
const ASSIGNMENTS = {
  js: [{ kind: 'assignment_expression' }, { kind: 'augmented_assignment_expression' }],
  python: [{ kind: 'assignment' }, { kind: 'augmented_assignment' }],
};

/**
 * The start of every assignment in `scope` (nested functions included) that replaces the value of the text
 * on its left with one not made from it nor fixed: `f = f.trim()`, `f = ''` and `f += '.css'` keep what a
 * check said of `f`'s text, `f = req.query.g` does not.
 */
export function overwritesIn(scope: SgNode, python: boolean): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const a of scope.findAll({ rule: { any: python ? ASSIGNMENTS.python : ASSIGNMENTS.js } })) {
    const left = a.field('left')?.text();
    const right = a.field('right');
    if (!left || !right) continue;
    // A literal (`folder = ''`, `f += '.css'`) leaves the value one the check allowed or one the code wrote.
    if (/^(?:string|number|integer|float|true|false|null|none)$/.test(String(right.kind()))) continue;
    if (mentions(right.text(), left)) continue;
    let list = out.get(left);
    if (!list) out.set(left, (list = []));
    list.push(a.range().start.index);
  }
  return out;
}

/** Whether `code` names `name` as a whole word (not `xf` nor `a.f`), as `reassigns` reads a name. */
function mentions(code: string, name: string): boolean {
  const i = code.indexOf(name);
  if (i === -1) return false;
  // The left side is any expression's text (`req.headers['x-forwarded-' + h]`), escaped whole.
  return new RegExp(`(^|[^\\w$.])${escapeRegex(name)}(?![\\w$])`).test(code);
}

/** Whether one of `starts` lies strictly between `from` and `to`. */
export function overwrittenBetween(starts: readonly number[] | undefined, from: number, to: number): boolean {
  return !!starts?.some((s) => s > from && s < to);
}
