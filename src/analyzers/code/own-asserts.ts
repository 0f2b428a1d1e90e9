/**
 * Two more kinds of the project's own checks (own-validators.ts has the `return true`/`return false` ones).
 *
 * A predicate whose answer is a check: `isBranchExists(git, b)` returning `git.branchLocal().then(({ all }) =>
 * all.includes(b))`, kept in a `const` and returned, or `return names.has(n)`. Every value it returns, followed
 * through `await`, a `const` of the function and a `.then` callback written as an expression, must be true only
 * where one of the rule's checks with a polarity passed for the parameter (`all.includes(b)` true: `b` is one
 * of the names the program read). A literal `false` (or a bare `return`) passes nothing and is allowed. The
 * check may sit in the callback of a search the answer makes (`return releases.some((r) => v === r.version)`:
 * found means the callback held for one entry).
 *
 * An assertion that throws unless its argument is confined: `assertPathUnderRoot(root, p)` whose top-level `if`
 * throws where the check fails. The call, a statement of its own, checks its argument for the code after it
 * (taint-guards.ts). The check counts when it is one of the rule's checks with a polarity on the parameter, or a
 * file path's confinement: a `const` bound to `path.relative(root, p)` refused where it is `..` or starts with
 * `..` and a separator (both: a bare `..` is the root's parent), or a `const` bound to `path.resolve`/`join`/
 * `normalize` of the parameter refused where it does not start with the root. A prefix check of the parameter
 * itself, not normalised (`p.startsWith(root)` passes `root/../etc`), does not count here; nor does a check after
 * an early `return`, a check of another value, a parameter given a new value, or a failing branch that returns.
 */
import type { SgNode } from '@ast-grep/napi';
import { GUARD_POLARITY } from './rule-schema.js';
import { implied } from './literal-choice.js';
import type { Matcher } from './rule-schema.js';
import { kindOf, nodeAt } from './syntax.js';
import type { ValidatorTarget } from './own-validators.js';
import { afterEnd } from './taint-support.js';
import { paramNames } from './function-params.js';

const FUNCTION_KINDS =
  /^(?:function_declaration|function_expression|arrow_function|method_definition|function|generator_function_declaration)$/;

/** A callee's last name that may name a check (a cheap test before any function is resolved). */
export function namedForChecking(callee: string): boolean {
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  return (
    /check|valid|verif|saniti[sz]|ensure|allow|safe|assert|exist|known|confine|inside|within|whitelist/i.test(
      last,
    ) ||
    (/^(?:is|has)[A-Z_]/.test(last) && !TYPE_TESTS.test(last))
  );
}

/**
 * The type and shape tests of the language and its utility libraries (`isArray`, lodash's `isEmpty`): no
 * membership or confinement, and so common that resolving each of them would cost the scan.
 */
const TYPE_TESTS =
  /^(?:is|has)(?:Array|String|Object|Function|NaN|Number|Buffer|PlainObject|Empty|Nil|Undefined|Null|Date|RegExp|Integer|SafeInteger|Finite|Boolean|Error|Symbol|Map|Set|WeakMap|Promise|Equal|Own|OwnProperty|Attribute|Class|Arguments|TypedArray|ArrayBuffer|Absolute|Directory|File|Stream|Readable|Writable|Native|Element|Window|Document|Node)$/;

/** The names passed to statement calls named for checking in a file's text, per file index (a cheap gate). */
const ASSERTED_NAMES = new WeakMap<object, Set<string>>();
const STATEMENT_CALL =
  /(?:^|[;{}):]|\belse)\s*(?:await\s+)?([\w$.]+)\s*\(\s*((?:[\w$]+(?:\.[\w$]+)*\s*,\s*){0,3}[\w$]+(?:\.[\w$]+)*)\s*[,)]/gm;

/** Whether `name` is passed to a statement call named for checking anywhere in the file (`text`). */
export function mayBeAsserted(index: object, text: () => string, name: string): boolean {
  let names = ASSERTED_NAMES.get(index);
  if (!names) {
    names = new Set<string>();
    const t = text();
    if (/assert|ensure|check|valid|verif|confine|inside|within|safe|allow/i.test(t))
      for (const m of t.matchAll(STATEMENT_CALL))
        if (m[1] && m[2] && namedForChecking(m[1])) for (const a of m[2].split(/\s*,\s*/)) names.add(a);
    ASSERTED_NAMES.set(index, names);
  }
  return names.has(name);
}

/** A statement call (`assertX(a, b);`, `await assertX(a);`) whose callee may name a check, else undefined. */
export function statementCall(statement: SgNode): SgNode | undefined {
  let e = statement.namedChildren()[0];
  if (e && kindOf(e) === 'await_expression') e = e.namedChildren()[0];
  if (!e || kindOf(e) !== 'call_expression') return undefined;
  return namedForChecking(e.field('function')?.text() ?? '') ? e : undefined;
}

/** A statement call that may be the project's own assertion, with where it covers (to `after`). */
export type AssertStatement = {
  node: SgNode;
  call: SgNode;
  start: number;
  end: number;
  after: number;
  /** The id of the function around it, once asked (null: none). */
  fn?: number | null;
};
/** The assertion statements of a scope, per file index and scope id. */
const ASSERTS = new WeakMap<object, Map<number, AssertStatement[]>>();

/** The statement calls in `scope` that may be assertions, in document order, found once per file and scope. */
export function assertStatements(index: object, scope: SgNode): AssertStatement[] {
  let perScope = ASSERTS.get(index);
  if (!perScope) ASSERTS.set(index, (perScope = new Map<number, AssertStatement[]>()));
  let list = perScope.get(scope.id());
  if (!list) {
    list = [];
    for (const node of scope.findAll({ rule: { kind: 'expression_statement' } })) {
      const call = statementCall(node);
      if (!call) continue;
      const r = node.range();
      list.push({ node, call, start: r.start.index, end: r.end.index, after: afterEnd(node) });
    }
    perScope.set(scope.id(), list);
  }
  return list;
}

/** The function a node is written in (its own returns are that function's, not an outer one's). */
export function ownerOf(n: SgNode): SgNode | null {
  let p = n.parent();
  while (p && !FUNCTION_KINDS.test(kindOf(p))) p = p.parent();
  return p;
}

/** The `const` declarations of the function itself (not a nested one's), by name, when declared once. */
function ownConsts(fn: SgNode, body: SgNode): Map<string, SgNode> {
  const out = new Map<string, SgNode>();
  const twice = new Set<string>();
  for (const d of body.findAll({ rule: { kind: 'variable_declarator' } })) {
    const id = d.field('name');
    const value = d.field('value');
    if (!id || kindOf(id) !== 'identifier') continue;
    const decl = d.parent();
    if (
      !value ||
      !decl ||
      !decl.text().startsWith('const') ||
      ownerOf(d)?.id() !== fn.id() ||
      out.has(id.text())
    )
      twice.add(id.text());
    else out.set(id.text(), value);
  }
  for (const n of twice) out.delete(n);
  return out;
}

/** The hits of the rule's polarity checks inside `within` whose value is one of `names`. */
function checksIn(
  t: ValidatorTarget,
  guards: readonly Matcher[],
  within: SgNode,
): { node: SgNode; x: string; allow: boolean }[] {
  const r = within.range();
  const out: { node: SgNode; x: string; allow: boolean }[] = [];
  const spots = t.module.index.spotsOf(t.module.root, t.module.lang, guards);
  for (const m of guards) {
    const polarity = GUARD_POLARITY.get(m);
    if (!polarity) continue;
    for (const hit of spots.get(m) ?? []) {
      if (hit.start < r.start.index || hit.end > r.end.index || hit.x === undefined) continue;
      const node = nodeAt(within, hit.start, hit.end);
      if (node) out.push({ node, x: hit.x, allow: polarity === 'allow' });
    }
  }
  return out;
}

/** The value an expression answers with: through parentheses, `await`, a `const` and an expression callback. */
function answers(e: SgNode, consts: Map<string, SgNode>, depth = 0): SgNode {
  const k = kindOf(e);
  if (depth > 6) return e;
  if (k === 'parenthesized_expression' || k === 'await_expression') {
    const inner = e.namedChildren()[0];
    return inner ? answers(inner, consts, depth + 1) : e;
  }
  if (k === 'identifier') {
    const v = consts.get(e.text());
    return v ? answers(v, consts, depth + 1) : e;
  }
  // `p.then((v) => check(v))`: the promise is answered with the callback's value.
  if (k === 'call_expression' && /\.then$/.test(e.field('function')?.text() ?? '')) {
    const args = (e.field('arguments')?.namedChildren() ?? []).filter((a) => kindOf(a) !== 'comment');
    const cb = args.length === 1 ? args[0] : undefined;
    const cbBody = cb && kindOf(cb) === 'arrow_function' ? cb.field('body') : null;
    if (cbBody && kindOf(cbBody) !== 'statement_block') return answers(cbBody, consts, depth + 1);
  }
  return e;
}

const SEARCH = /\.(?:some|find|findLast)$/;

/**
 * What the answer `value` being true says of a check inside it (`implied`), also through a search of a list
 * whose callback holds the check (`return releases.some((r) => version === r.version)`): a search that finds
 * something had the callback true for one entry, so the check held for the value and that entry. Not when the
 * callback's own parameter is the checked name (`list.some((version) => version === v)`: another value).
 */
function impliedByAnswer(check: SgNode, x: string, value: SgNode): boolean | undefined {
  let fn: SgNode | null = check;
  while (fn && fn.id() !== value.id() && kindOf(fn) !== 'arrow_function') fn = fn.parent();
  if (!fn || fn.id() === value.id()) return implied(check, value)[0];
  const body = fn.field('body');
  const call = fn.parent()?.parent();
  if (
    !body ||
    kindOf(body) === 'statement_block' ||
    kindOf(fn.parent()!) !== 'arguments' ||
    !call ||
    kindOf(call) !== 'call_expression' ||
    !SEARCH.test(call.field('function')?.text() ?? '') ||
    declares(fn, x)
  )
    return undefined;
  return implied(call, value)[0] === true ? implied(check, body)[0] : undefined;
}

/** Whether a callback's parameters (destructured ones too) declare the name a check reads (`x`, `x.y`). */
function declares(fn: SgNode, x: string): boolean {
  const base = x.split('.')[0] ?? x;
  const params = fn.field('parameters') ?? fn.field('parameter');
  return (
    !!params?.find({ rule: { kind: 'identifier', regex: `^${base.replace(/\$/g, '\\$')}$` } }) ||
    params?.text() === base
  );
}

/** The parameter indexes a predicate's answer checks (see the module comment). */
export function predicateParams(t: ValidatorTarget, guards: readonly Matcher[]): Set<number> {
  const out = new Set<number>();
  const body = t.fn.field('body');
  if (!body) return out;
  const names = paramNames(t.fn, body);
  const consts = kindOf(body) === 'statement_block' ? ownConsts(t.fn, body) : new Map<string, SgNode>();
  const values: SgNode[] = [];
  if (kindOf(body) === 'statement_block') {
    for (const r of body.findAll({ rule: { kind: 'return_statement' } })) {
      if (ownerOf(r)?.id() !== t.fn.id()) continue;
      const v = r.namedChildren().find((c) => kindOf(c) !== 'comment');
      if (v && kindOf(v) !== 'false') values.push(v);
    }
  } else values.push(body);
  if (values.length === 0) return out;
  let common: Set<number> | undefined;
  for (const v of values) {
    const value = answers(v, consts);
    const here = new Set<number>();
    for (const c of checksIn(t, guards, value)) {
      const i = names.indexOf(c.x);
      // The answer true must imply the check passed: an allow check true, a reject check false.
      if (i >= 0 && impliedByAnswer(c.node, c.x, value) === c.allow) here.add(i);
    }
    common = common === undefined ? here : new Set([...common].filter((i) => here.has(i)));
  }
  for (const i of common ?? []) out.add(i);
  return out;
}

const NORMALISED = /^(?:path\.)?(?:posix\.)?(resolve|join|normalize|relative)$/;

/** The parameter indexes an assertion refuses by throwing (see the module comment). */
export function assertedParams(t: ValidatorTarget, guards: readonly Matcher[]): Set<number> {
  const out = new Set<number>();
  const body = t.fn.field('body');
  if (!body || kindOf(body) !== 'statement_block') return out;
  const names = paramNames(t.fn, body);
  if (names.every((n) => n === undefined)) return out;
  const consts = ownConsts(t.fn, body);
  // `const rel = path.relative(root, p)`, `const full = path.resolve(root, p)`: the parameter, normalised.
  const derived = new Map<string, { index: number; relative: boolean }>();
  for (const [name, value] of consts) {
    const v = answers(value, new Map());
    if (kindOf(v) !== 'call_expression') continue;
    const fn = NORMALISED.exec(v.field('function')?.text() ?? '')?.[1];
    const args = (v.field('arguments')?.namedChildren() ?? []).filter((a) => kindOf(a) !== 'comment');
    if (!fn || args.length === 0) continue;
    // `relative(root, p)`: the path is the last argument; the others: any argument.
    const candidates = fn === 'relative' ? args.slice(-1) : args;
    for (const a of candidates) {
      const i = names.indexOf(a.text());
      if (i >= 0) derived.set(name, { index: i, relative: fn === 'relative' });
    }
  }
  for (const s of body.namedChildren()) {
    const k = kindOf(s);
    if (k === 'comment') continue;
    // A check after a `return` of this function may be skipped.
    if (
      k === 'return_statement' ||
      s.findAll({ rule: { kind: 'return_statement' } }).some((r) => ownerOf(r)?.id() === t.fn.id())
    )
      break;
    const cond = s.field('condition');
    if (k !== 'if_statement' || !cond || s.field('alternative') || !throws(s.field('consequence'))) continue;
    for (const c of checksIn(t, guards, cond)) {
      // Passing (the condition false) must imply the check passed: a reject check false, an allow check true.
      if (implied(c.node, cond)[1] !== c.allow) continue;
      const prefix = /\.startsWith\s*\(/.test(c.node.text());
      const i = names.indexOf(c.x);
      const d = derived.get(c.x);
      if (i >= 0 && !prefix) out.add(i);
      else if (d && !d.relative && prefix) out.add(d.index);
    }
    for (const [name, d] of derived) if (d.relative && refusesParent(cond, name)) out.add(d.index);
  }
  return out;
}

/** A branch's last statement: of its block, past comments, or the branch itself when it is one statement. */
export function lastStatement(branch: SgNode | null): SgNode | undefined {
  if (!branch) return undefined;
  if (kindOf(branch) !== 'statement_block') return branch;
  return branch
    .namedChildren()
    .filter((s) => kindOf(s) !== 'comment')
    .at(-1);
}

/** Whether a branch always throws: its last statement (or itself) is a `throw`. */
function throws(branch: SgNode | null): boolean {
  const end = lastStatement(branch);
  return !!end && kindOf(end) === 'throw_statement';
}

const DOTS = /^(['"`])\.\.\1$/;
const DOTS_SEP =
  /^(?:(['"`])\.\.(?:\/|\\\\)\1|`\.\.\$\{\s*(?:path\.)?sep\s*\}`|(['"])\.\.\2\s*\+\s*(?:path\.)?sep)$/;

/**
 * Whether `cond` false implies the relative path `rel` neither is `..` nor starts with `..` and a separator
 * (`rel.startsWith('..')` alone covers both): the path it was made from is under the root.
 */
function refusesParent(cond: SgNode, rel: string): boolean {
  let bare = false;
  let under = false;
  let any = false;
  const nodes = cond.findAll({
    rule: { any: [{ kind: 'call_expression' }, { kind: 'binary_expression' }] },
  });
  for (const n of [cond, ...nodes]) {
    if (implied(n, cond)[1] !== false) continue;
    if (kindOf(n) === 'call_expression') {
      const callee = n.field('function');
      if (!callee || callee.text() !== `${rel}.startsWith`) continue;
      const args = (n.field('arguments')?.namedChildren() ?? []).filter((a) => kindOf(a) !== 'comment');
      const a = args.length === 1 ? (args[0]?.text() ?? '') : '';
      if (DOTS.test(a)) any = true;
      else if (DOTS_SEP.test(a)) under = true;
    } else if (kindOf(n) === 'binary_expression' && /^={2,3}$/.test(n.field('operator')?.text() ?? '')) {
      const sides = [n.field('left')?.text() ?? '', n.field('right')?.text() ?? ''];
      if (sides.includes(rel) && sides.some((x) => DOTS.test(x))) bare = true;
    }
  }
  return any || (bare && under);
}
