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
  if (!/^[\w$]+$/.test(x)) return targetsIn(x);
  // Asked once per guard hit, with the whole file's text: answered once per name and text, and read only in the
  // parts of the text where such a binding can be (relativeParts), not the whole of a 1 MB bundle per name.
  if (text !== named.text) named = { text, parts: relativeParts(text), byName: new Map() };
  if (named.parts === '') return [];
  let found = named.byName.get(x);
  if (found === undefined) {
    const bound = new RegExp(`\\b${escapeRegex(x)}\\s*=\\s*([^;\\n]*\\brelative\\b[^;\\n]*)`, 'g');
    found = [...named.parts.matchAll(bound)].flatMap((m) => targetsIn(m[1] as string));
    named.byName.set(x, found);
  }
  return found;
}

/**
 * The stretches of `text` where `name = … relative …` can be written, joined by `;`: for each word `relative`, its
 * statement (from the `;` or line break before it to the one after it), reaching back over blanks, one `=` and a
 * name before it (`rel =\n  path.relative(…)`, `rel\n= relative(…)`). The binding's pattern (a
 * name, `=`, then text with no `;` or line break that holds `relative`) matches in these stretches exactly where it
 * matches in the whole text: each match lies inside one stretch, and `;` (which neither blanks nor the bound text
 * cross, and which is no word character) keeps stretches apart.
 */
function relativeParts(text: string): string {
  const parts: [number, number][] = [];
  for (const m of text.matchAll(/\brelative\b/g)) {
    const p = m.index;
    const last = parts[parts.length - 1];
    if (last && p < last[1]) continue;
    let start = Math.max(text.lastIndexOf(';', p - 1), text.lastIndexOf('\n', p - 1)) + 1;
    const semi = text.indexOf(';', p);
    const line = text.indexOf('\n', p);
    const end = Math.min(semi < 0 ? text.length : semi, line < 0 ? text.length : line);
    // Back over the blanks, one `=` and the blanks before it, and the name: `rel =\n  relative(…)`, `rel\n= relative(…)`.
    let k = start - 1;
    while (k >= 0 && /\s/.test(text[k]!)) k--;
    if (k >= 0 && text[k] === '=') k--;
    while (k >= 0 && /\s/.test(text[k]!)) k--;
    while (k >= 0 && /[\w$]/.test(text[k]!)) k--;
    start = k + 1;
    if (last && start <= last[1]) last[1] = end;
    else parts.push([start, end]);
  }
  return parts.map(([a, b]) => text.slice(a, b)).join(';');
}

// The targets of the `relative(…, file)` calls written in a text.
const targetsIn = (s: string): string[] =>
  [
    ...s.matchAll(
      /\brelative\s*\)?\s*\([^(),]*(?:\([^()]*\)[^(),]*)*,\s*(?:[\w$.]*resolve\s*\)?\s*\(\s*)?([\w$]+)/g,
    ),
  ].map((m) => m[1] as string);

// relativeTargetNames' answers for the text last asked about (a worker analyses one file at a time).
let named: { text: string; parts: string; byName: Map<string, string[]> } = {
  text: '',
  parts: '',
  byName: new Map(),
};
