/**
 * The project's own validators: a function that refuses a parameter with one of the rule's own checks and says
 * so by its answer. uibuilder's `checkUrl(url, res, caller, log)` returns `false` after `if (url.includes('..'))`
 * (and after other refusals) and `true` as its last statement, so `if (uiblib.checkUrl(params.url, res) ===
 * false) return` leaves every `url` holding `..` behind: the call checks `params.url` as the `includes('..')`
 * inside it does. The guard engine (taint-guards.ts) reads such a call in a condition as an allow check of its
 * argument; the function is found through the caller's imports or in its own module (summaries.ts).
 *
 * A function counts only when its answer tells: every `return` in it is `return true` or `return false`, the one
 * `return true` is its last statement, and the refusal is an `if` among its top-level statements whose branch
 * ends in `return false` or a `throw`, with a condition that, when false, implies the check passed (a rule's
 * reject check such as `p.includes('..')` true, or an allow check such as `allowed.has(p)` false, takes the
 * branch). An early `return true`, a refusal nested in another statement, a result that is not a boolean
 * literal (`return url.length > 0`) or a check the rule does not list: not a validator. A parameter the function
 * assigns (`name = name.slice(0, 8)`) is not checked as passed: the check saw another value. An `async`
 * function answers with a promise, always truthy: it checks only where the call is awaited.
 */
import { perText } from './text-scans.js';
import type { Scan } from './text-scans.js';
import type { SgNode } from '@ast-grep/napi';
import type { FileLanguage } from './languages.js';
import type { FileIndex } from './file-index.js';
import { GUARD_POLARITY } from './rule-schema.js';
import { implied } from './literal-choice.js';
import type { Matcher } from './rule-schema.js';
import { kindOf, nodeAt } from './syntax.js';
import { assertedParams, lastStatement, namedForChecking, ownerOf, predicateParams } from './own-asserts.js';
import { paramNames } from './function-params.js';

/** A function another module or the caller's own defines, as summaries.ts's `targets` finds it. */
export interface ValidatorTarget {
  module: { root: SgNode; index: FileIndex; lang: FileLanguage; summaries: Map<string, unknown> };
  fn: SgNode;
}

/** A call whose callee's name says it checks: a cheap test before any function is resolved. */
export const VALIDATOR_CALL =
  /(?:^|[^\w$])([\w$.]*(?:check|valid|verif|saniti[sz]|ensure|allow|safe|assert|exist|known|confine|inside|within|whitelist|is[A-Z_]|has[A-Z_])[\w$]*)\s*\(\s*((?:[\w$]+(?:\.[\w$]+)*\s*,\s*){0,3}[\w$]+(?:\.[\w$]+)*)\s*[,)]/gi;

/** The plain names passed (among the first four) to a call that may be named for checking in `text` (mayName). */
export function validatorArgNames(key: object, text: string): readonly string[] {
  // Asked once per file and set of guards (each taint rule's): the scan is the text's, read once.
  return perText(ARG_NAMES, key, text, () => argNamesIn(text));
}

const ARG_NAMES = new WeakMap<object, Scan<readonly string[]>>();

function argNamesIn(text: string): string[] {
  if (
    !/check|valid|verif|saniti|ensure|allow|safe|assert|exist|known|confine|inside|within|whitelist|is[A-Z_]|has[A-Z_]/i.test(
      text,
    )
  )
    return [];
  return [...text.matchAll(VALIDATOR_CALL)].flatMap((m) =>
    m[1] === undefined || m[2] === undefined || !namedForChecking(m[1]) ? [] : m[2].split(/\s*,\s*/),
  );
}

/**
 * The argument indexes every function a call may reach checks (`check`, cached per module under `kind`): none when
 * one of them is `async` and the call is not awaited (`if (!check(x))` on a promise never takes the branch; a throw
 * in it rejects a promise).
 */
function checkedByEvery(
  targets: readonly ValidatorTarget[],
  kind: string,
  awaited: boolean,
  check: (t: ValidatorTarget) => ReadonlySet<number>,
): ReadonlySet<number> {
  let out: ReadonlySet<number> | undefined;
  for (const t of targets) {
    if (!awaited && t.fn.children().some((c) => !c.isNamed() && c.text() === 'async')) return new Set();
    const key = `${kind}:${t.fn.id()}`;
    let kept = t.module.summaries.get(key) as ReadonlySet<number> | undefined;
    if (!kept) t.module.summaries.set(key, (kept = check(t)));
    const k = kept;
    out = out === undefined ? k : new Set([...out].filter((i) => k.has(i)));
  }
  return out ?? new Set();
}

/** The parameter indexes a function refuses with one of `guards` (see the module comment), cached per module. */
export function validatedParams(
  targets: readonly ValidatorTarget[],
  guards: readonly Matcher[],
  guardsKey: string,
  awaited: boolean,
): ReadonlySet<number> {
  return checkedByEvery(
    targets,
    `own-validator:${guardsKey}`,
    awaited,
    (t) => new Set([...refused(t, guards), ...predicateParams(t, guards)]),
  );
}

/**
 * The parameter indexes a function refuses by throwing where one of `guards` fails (own-asserts.ts): a call of
 * it, a statement of its own, checks those arguments for the code after it.
 */
export function assertedArgs(
  targets: readonly ValidatorTarget[],
  guards: readonly Matcher[],
  guardsKey: string,
  awaited: boolean,
): ReadonlySet<number> {
  return checkedByEvery(targets, `own-assert:${guardsKey}`, awaited, (t) => assertedParams(t, guards));
}

function refused(t: ValidatorTarget, guards: readonly Matcher[]): ReadonlySet<number> {
  const out = new Set<number>();
  const body = t.fn.field('body');
  const params = (t.fn.field('parameters')?.namedChildren() ?? []).filter((p) => kindOf(p) !== 'comment');
  if (!body || kindOf(body) !== 'statement_block' || params.length === 0) return out;
  const statements = body.namedChildren().filter((s) => kindOf(s) !== 'comment');
  const last = statements[statements.length - 1];
  if (!last || !/^return\s+true\s*;?$/.test(last.text())) return out;
  // Its own returns (not a nested function's): boolean literals, and `true` only at the end.
  for (const r of body.findAll({ rule: { kind: 'return_statement' } })) {
    if (ownerOf(r)?.id() !== t.fn.id()) continue;
    if (r.id() !== last.id() && !/^return\s+false\s*;?$/.test(r.text())) return out;
  }
  const names = paramNames(t.fn, body);
  const spots = t.module.index.spotsOf(t.module.root, t.module.lang, guards);
  for (const s of statements) {
    const cond = s.field('condition');
    if (kindOf(s) !== 'if_statement' || !cond || s.field('alternative') || !refuses(s.field('consequence')))
      continue;
    const r = cond.range();
    for (const m of guards) {
      const polarity = GUARD_POLARITY.get(m);
      if (!polarity) continue;
      for (const hit of spots.get(m) ?? []) {
        if (hit.start < r.start.index || hit.end > r.end.index || hit.x === undefined) continue;
        const i = names.indexOf(hit.x);
        const node = i < 0 ? undefined : nodeAt(cond, hit.start, hit.end);
        // Passing (the condition false) must imply the check passed: a reject check false, an allow check true.
        if (node && implied(node, cond)[1] === (polarity === 'allow')) out.add(i);
      }
    }
  }
  return out;
}

/** Whether a branch always refuses: its last statement (or itself) is `return false` or a `throw`. */
function refuses(branch: SgNode | null): boolean {
  const end = lastStatement(branch);
  return !!end && (kindOf(end) === 'throw_statement' || /^return\s+false\s*;?$/.test(end.text()));
}

/**
 * The names a condition checks through calls of the project's validators, with the sides of the `if` where
 * they passed: `!check(x)` and `check(x) === false` are false where `x` passed, `check(x)` true.
 */
export function validatorChecks(
  cond: SgNode,
  calls: { validatedArgs?(call: SgNode): ReadonlySet<number> | undefined } | undefined,
): { name: string; onTrue: boolean; onFalse: boolean }[] {
  if (!calls?.validatedArgs) return [];
  const text = cond.text();
  if (
    !/check|valid|verif|saniti|ensure|allow|safe|assert|exist|known|confine|inside|within|whitelist|is[A-Z_]|has[A-Z_]/i.test(
      text,
    )
  )
    return [];
  const out: { name: string; onTrue: boolean; onFalse: boolean }[] = [];
  const calls0 = kindOf(cond) === 'call_expression' ? [cond] : [];
  for (const call of [...calls0, ...cond.findAll({ rule: { kind: 'call_expression' } })]) {
    const callee = call.field('function')?.text() ?? '';
    if (!namedForChecking(callee)) continue;
    const indexes = calls.validatedArgs(call);
    if (!indexes || indexes.size === 0) continue;
    const args = (call.field('arguments')?.namedChildren() ?? []).filter((a) => kindOf(a) !== 'comment');
    // `check(x) === false` / `!== true`: the comparison's truth is the call's, turned over.
    let node = call;
    let flip = false;
    const p = call.parent();
    const op = p?.field('operator')?.text();
    if (p && kindOf(p) === 'binary_expression' && op && /^[!=]==?$/.test(op)) {
      const other = p.field('left')?.id() === call.id() ? p.field('right') : p.field('left');
      const lit = other ? kindOf(other) : '';
      if (lit !== 'true' && lit !== 'false') continue;
      node = p;
      flip = (lit === 'false') === op.startsWith('=');
    }
    const [t, f] = implied(node, cond);
    const [whenTrue, whenFalse] = flip ? [t === false, f === false] : [t === true, f === true];
    if (!whenTrue && !whenFalse) continue;
    for (const i of indexes) {
      const a = args[i];
      if (a && /^[\w$]+(?:\.[\w$]+)*$/.test(a.text()))
        out.push({ name: a.text(), onTrue: whenTrue, onFalse: whenFalse });
    }
  }
  return out;
}
