import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { escapeRegex } from './scope.js';
import { absoluteRefusedBeside, dotdotOnly } from './dotdot-guard.js';
import type { Definition } from './scope.js';

// A containment check by `path.relative` (JavaScript): `const rel = path.relative(root, file)` and then
// `if (rel.startsWith('..') || path.isAbsolute(rel)) return` (or `rel.includes('..')`, or the negated `&&` form
// of either). `relative(root, file)` starts with a `..` segment exactly where `file` leaves `root`, and the
// `..` check alone covers that on POSIX; on Windows a `file` on another drive or share (`D:\x`, `\\srv\share`)
// has no relative path, and `relative` returns it absolute, no `..` in it (`path.win32.relative('C:\\app',
// 'D:\\x')` is `D:\\x`). Only with the `isAbsolute(rel)` refusal in the same condition is the check full
// containment on every platform. `relative` resolves both paths against the working folder, so what the check
// says holds for `file` as the working folder reads it: it covers `file` only where `file` is absolute by its
// own definition (every value it is given is a `path.resolve(…)`), which then names the checked file wherever
// it is used. A check of `relative(root, file)` with the `..` test alone stays what it was (dotdot-guard.ts).

const RELATIVE = /^(?:\(\s*0\s*,\s*)?(?:[\w$]+\s*\.\s*)?(?:(?:posix|win32)\s*\.\s*)?relative(?:\s*\))?$/;
const RESOLVE = /^(?:\(\s*0\s*,\s*)?(?:[\w$]+\s*\.\s*)?(?:(?:posix|win32)\s*\.\s*)?resolve(?:\s*\))?$/;

function callOf(n: SgNode | undefined | null, callee: RegExp): SgNode[] | undefined {
  if (!n || kindOf(n) !== 'call_expression' || !callee.test(n.field('function')?.text() ?? ''))
    return undefined;
  return (n.field('arguments')?.namedChildren() ?? []).filter((a) => kindOf(a) !== 'comment');
}

type DefsOf = { definitionsOf(use: SgNode): Definition[] };

/** The plain values a name is given where `use` reads it; undefined when any definition is not one. */
function valuesOf(use: SgNode, defsOf: DefsOf): SgNode[] | undefined {
  const defs = defsOf.definitionsOf(use);
  if (defs.length === 0) return undefined;
  const values = defs.flatMap((d) => (d.kind === 'value' && d.keys.length === 0 ? [d.value] : []));
  return values.length === defs.length ? values : undefined;
}

/** The name `file` of `relative(root, file)` (or of `relative(root, path.resolve(file))`), once. */
function relativeTarget(call: SgNode): SgNode | undefined {
  const args = callOf(call, RELATIVE);
  if (args?.length !== 2) return undefined;
  let target = args[1];
  const inner = callOf(target, RESOLVE);
  if (inner) target = inner.length === 1 ? inner[0] : undefined;
  return target && kindOf(target) === 'identifier' ? target : undefined;
}

/**
 * The name a `path.relative` containment check makes safe (see above): `match` checks `x` only for `..`, the
 * same condition refuses an absolute `x` beside it, `x` is `relative(root, file)` (written there, or the one
 * value of a name), and every value of `file` is a `path.resolve(…)`.
 */
export function relativeContained(
  match: SgNode | undefined,
  x: string | undefined,
  defsOf: DefsOf,
): string | undefined {
  if (!match || x === undefined || !dotdotOnly(match, x) || !absoluteRefusedBeside(match, x))
    return undefined;
  const checked = match.find({ rule: { regex: `^${escapeRegex(x)}$` } });
  if (!checked) return undefined;
  let call: SgNode | undefined = checked;
  if (kindOf(checked) === 'identifier') {
    const values = valuesOf(checked, defsOf);
    call = values?.length === 1 ? values[0] : undefined;
  }
  const target = call && relativeTarget(call);
  if (!target) return undefined;
  const values = valuesOf(target, defsOf);
  return values?.every((v) => callOf(v, RESOLVE) !== undefined) ? target.text() : undefined;
}

/**
 * The names a file's text may check by `path.relative` (for GuardChecker.mayName, a cheap text scan): the
 * second argument of `relative(…, file)` written in a check, or in the value of the checked name.
 */
export function relativeTargetNames(x: string, text: string): string[] {
  const of = (s: string): string[] =>
    [
      ...s.matchAll(
        /\brelative\s*\)?\s*\([^(),]*(?:\([^()]*\)[^(),]*)*,\s*(?:[\w$.]*resolve\s*\)?\s*\(\s*)?([\w$]+)/g,
      ),
    ].map((m) => m[1] as string);
  if (!/^[\w$]+$/.test(x)) return of(x);
  const bound = new RegExp(`\\b${escapeRegex(x)}\\s*=\\s*([^;\\n]*\\brelative\\b[^;\\n]*)`, 'g');
  return [...text.matchAll(bound)].flatMap((m) => of(m[1] as string));
}
