/**
 * Sinks that run only when a parameter was given: `const read = (name, isFullPath) => { if (isFullPath) return
 * fs.readFile(name); … }`. A summary's sink hit under such a branch records the parameter (SinkHit.needs); a
 * call that does not pass it (`read(req.params.topic)`: the parameter is undefined) or passes a falsy literal
 * (`false`, `null`, `undefined`, `0`, `''`) never reaches the sink, and a call that hands on a parameter of its
 * own function (`read(topic, isFullPath)`) needs that one in turn. JavaScript only, and only a parameter
 * that is a plain name without a default value which the function never writes or declares again; any other
 * argument (a spread among the arguments, an expression) counts as given.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { FUNCTIONS, MAX_ANCESTORS } from './name-binding.js';
import { paramNames } from './function-params.js';

/** The names a condition requires truthy: the condition itself, or each side of an `&&`. */
function truthyNames(cond: SgNode | null, out: Set<string>): void {
  if (!cond) return;
  const k = kindOf(cond);
  if (k === 'parenthesized_expression') return truthyNames(cond.namedChildren()[0] ?? null, out);
  if (k === 'identifier') out.add(cond.text());
  else if (k === 'binary_expression' && cond.field('operator')?.text() === '&&') {
    truthyNames(cond.field('left'), out);
    truthyNames(cond.field('right'), out);
  }
}

/** The name a condition requires falsy (`!p`), for the `else` branch. */
function falsyName(cond: SgNode | null): string | undefined {
  if (!cond) return undefined;
  if (kindOf(cond) === 'parenthesized_expression') return falsyName(cond.namedChildren()[0] ?? null);
  if (kindOf(cond) !== 'unary_expression' || cond.field('operator')?.text() !== '!') return undefined;
  const arg = cond.field('argument');
  return arg && kindOf(arg) === 'identifier' ? arg.text() : undefined;
}

/** The usable parameter names of `fn` by index: plain names without a default value, never written. */
function plainParams(fn: SgNode): (string | undefined)[] {
  const body = fn.field('body');
  if (!body) return [];
  const list = (fn.field('parameters')?.namedChildren() ?? []).filter((p) => kindOf(p) !== 'comment');
  const names = paramNames(fn, body);
  const updated = new Set(
    body
      .findAll({ rule: { kind: 'update_expression' } })
      .map((u) => u.field('argument')?.text())
      .filter((t) => t !== undefined),
  );
  // Bound again where paramNames does not look: a destructuring write (`[name, flag] = spec.split('!')`), a
  // loop's or a catch clause's own name (`for (const flag of …)`, `catch (flag)`); and any use of `arguments`,
  // whose items alias the parameters in sloppy code (`arguments[1] = true`).
  if (body.find({ rule: { kind: 'identifier', regex: '^arguments$' } })) return [];
  for (const n of body.findAll({
    rule: {
      any: [{ kind: 'for_in_statement' }, { kind: 'catch_clause' }, { kind: 'assignment_expression' }],
    },
  })) {
    const k = kindOf(n);
    const target = n.field(k === 'catch_clause' ? 'parameter' : 'left');
    if (!target || (k === 'assignment_expression' && !/_pattern$/.test(kindOf(target)))) continue;
    updated.add(target.text());
    for (const id of target.findAll({
      rule: { any: [{ kind: 'identifier' }, { kind: 'shorthand_property_identifier_pattern' }] },
    }))
      updated.add(id.text());
  }
  // A TypeScript parameter with a default value (`flag: boolean = true`) is given even when the call omits it.
  return names.map((n, i) => (list[i]?.field('value') || (n && updated.has(n)) ? undefined : n));
}

/**
 * The parameters of `fn` (by index) that must be truthy for `node`, inside `fn`, to run: it lies in the
 * consequence of `if (p)` / `if (p && …)` / `p ? … : …` / `p && …`, or in the `else` of `if (!p)`, on the way
 * up to `fn`, and no function between declares a parameter of that name.
 */
export function neededParams(fn: SgNode, node: SgNode, python: boolean): number[] {
  if (python) return [];
  const names = new Set<string>();
  let child = node;
  let up = 0;
  for (let a = node.parent(); a && a.id() !== fn.id(); child = a, a = a.parent()) {
    if (++up > MAX_ANCESTORS) return [];
    const k = kindOf(a);
    if (k === 'if_statement') {
      const cond = a.field('condition');
      if (a.field('consequence')?.id() === child.id()) truthyNames(cond, names);
      else if (a.field('alternative')?.id() === child.id()) {
        const n = falsyName(cond);
        if (n) names.add(n);
      }
    } else if (k === 'ternary_expression' && a.field('consequence')?.id() === child.id()) {
      truthyNames(a.field('condition'), names);
    } else if (k === 'binary_expression' && a.field('operator')?.text() === '&&') {
      if (a.field('right')?.id() === child.id()) truthyNames(a.field('left'), names);
    } else if (FUNCTIONS.has(k)) {
      // The names tested inside a nested function that declares them again are that function's own.
      for (const n of [...names]) if (declares(a, n)) names.delete(n);
    }
  }
  if (names.size === 0) return [];
  const out: number[] = [];
  plainParams(fn).forEach((p, i) => {
    if (p !== undefined && names.has(p)) out.push(i);
  });
  return out;
}

/** True when function `fn` declares `name` itself: as a parameter, or with a declaration in its body. */
function declares(fn: SgNode, name: string): boolean {
  const ids = (n: SgNode | null): boolean =>
    !!n && (n.text() === name || n.findAll({ rule: { kind: 'identifier' } }).some((i) => i.text() === name));
  if (ids(fn.field('parameter')) || ids(fn.field('parameters'))) return true;
  const body = fn.field('body');
  if (!body) return false;
  return body.findAll({ rule: { kind: 'variable_declarator' } }).some((d) => ids(d.field('name')));
}

const FALSY_LITERALS = new Set(['false', 'null', 'undefined', '0', "''", '""', '``']);

/**
 * What a call gives for the parameters a callee needs: 'never' when one of them is not passed (no argument at
 * its position, and no spread that could fill it) or is a falsy literal; otherwise the indexes of parameters
 * of `caller` (when given) that the call hands on unchanged in a needed place, which the caller then needs.
 */
export function callNeeds(
  call: SgNode,
  needs: readonly number[] | undefined,
  caller: SgNode | undefined,
): 'never' | number[] {
  if (!needs || needs.length === 0) return [];
  const args = (call.field('arguments')?.namedChildren() ?? []).filter((c) => kindOf(c) !== 'comment');
  const out: number[] = [];
  const own = caller ? plainParams(caller) : [];
  for (const j of needs) {
    if (args.slice(0, j + 1).some((a) => kindOf(a) === 'spread_element')) continue;
    if (kindOf(call.field('arguments') ?? call) !== 'arguments') continue;
    const arg = args[j];
    if (!arg) return 'never';
    if (FALSY_LITERALS.has(arg.text())) return 'never';
    if (kindOf(arg) === 'identifier') {
      const i = own.indexOf(arg.text());
      if (i >= 0 && caller && !shadowedBetween(caller, call, arg.text())) out.push(i);
    }
  }
  return out;
}

/** True when a function between `node` and `fn` declares `name` again. */
function shadowedBetween(fn: SgNode, node: SgNode, name: string): boolean {
  let up = 0;
  for (let a = node.parent(); a && a.id() !== fn.id(); a = a.parent()) {
    if (++up > MAX_ANCESTORS) return true;
    if (FUNCTIONS.has(kindOf(a)) && declares(a, name)) return true;
  }
  return false;
}

/** A hit's `needs` field: absent when there are none. */
export function needsOf(needs: readonly number[]): { needs?: number[] } {
  return needs.length > 0 ? { needs: [...new Set(needs)] } : {};
}

/**
 * The `needs` of a hit through `call` inside `caller` (callNeeds, and the branches `call` itself lies under);
 * undefined when the call never reaches the callee's sink.
 */
export function viaNeeds(
  call: SgNode,
  needs: readonly number[] | undefined,
  caller: SgNode,
  python: boolean,
): { needs?: number[] } | undefined {
  const given = callNeeds(call, needs, caller);
  if (given === 'never') return undefined;
  return needsOf([...given, ...neededParams(caller, call, python)]);
}
