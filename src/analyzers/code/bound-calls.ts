import type { SgNode } from '@ast-grep/napi';
import type { FileIndex } from './file-index.js';
import { escapeRegex } from './scope.js';
import type { Syntax } from './syntax.js';

/**
 * Functions handed around as values in JavaScript: `f.bind(thisArg, a, b)` (a function whose first
 * parameters are fixed and whose callers fill the rest) and a function passed to another as an argument and
 * called there through its parameter (`run(socket, execute)` then `fn(socket, command)` inside `run`). The
 * taint engine asks these when a parameter has no direct caller: without them a socket handler registered as
 * `handler.bind(null, socket)` or a sink in a callback reached through a dispatcher ends the path.
 */

/** Per file: its `X.bind(…)` calls by X, a bound `this.X` listed under `this.X` and under `X` (see bindCallsOf). */
const bindsByName = new WeakMap<FileIndex, Map<string, SgNode[]>>();

/** Calls `name.bind(…)` or `this.name.bind(…)` of the file (the function or method read as a value and bound). */
export function bindCallsOf(index: FileIndex, root: SgNode, name: string): SgNode[] {
  // Listed once per file from its calls in document order: asked for every parameter every evaluation
  // reaches, a filter of every call of a bundle (tens of thousands) each time.
  let byName = bindsByName.get(index);
  if (!byName) {
    byName = new Map<string, SgNode[]>();
    const add = (key: string, node: SgNode): void => {
      const list = byName?.get(key);
      if (list) list.push(node);
      else byName?.set(key, [node]);
    };
    for (const c of index.callList(root, 'call_expression')) {
      if (c.callee === undefined || !c.callee.endsWith('.bind')) continue;
      // `c.callee === name + '.bind'` and `c.callee === 'this.' + name + '.bind'`, for every name at once.
      const target = c.callee.slice(0, -'.bind'.length);
      add(target, c.node);
      if (target.startsWith('this.')) add(target.slice('this.'.length), c.node);
    }
    bindsByName.set(index, byName);
  }
  return byName.get(name) ?? [];
}

/** The arguments of a call, comments left out. */
export function argumentsOf(call: SgNode): SgNode[] {
  return (call.field('arguments')?.namedChildren() ?? []).filter((c) => c.kind() !== 'comment');
}

/** How many parameters a `f.bind(thisArg, …)` call fixes (its arguments after `thisArg`). */
export function boundCount(bind: SgNode): number {
  return Math.max(0, argumentsOf(bind).length - 1);
}

/**
 * The smallest number of parameters any `name.bind(…)` of the file fixes, or undefined when the file never
 * binds the name: the parameters from there on are what the bound function's callers pass.
 */
export function fewestBound(index: FileIndex, root: SgNode, name: string): number | undefined {
  let byName = fewest.get(index);
  if (!byName) fewest.set(index, (byName = new Map<string, number | undefined>()));
  if (byName.has(name)) return byName.get(name);
  let least: number | undefined;
  for (const b of bindCallsOf(index, root, name)) {
    const n = boundCount(b);
    least = least === undefined ? n : Math.min(least, n);
  }
  byName.set(name, least);
  return least;
}

/** fewestBound's answers per file and name (the tree alone decides them; asked at every parameter source). */
const fewest = new WeakMap<FileIndex, Map<string, number | undefined>>();

/** Where a function value arrives: the callee's name and the parameter position that receives it. */
export interface ValueHandoff {
  /** The call that hands the function over (`run(socket, execute)`, `run.bind(null, socket, execute)`). */
  call: SgNode;
  /** The receiving function's name (`run`). */
  callee: string;
  /** The receiving function's parameter index (a bound argument counts from after `thisArg`). */
  param: number;
}

/**
 * The calls that hand the function `name` to another function of the file as an argument, by plain name:
 * `g(a, name)` gives g's parameter 1; `g.bind(null, a, name)` gives g's parameter 1 as well.
 */
export function handoffsOf(index: FileIndex, root: SgNode, syn: Syntax, name: string): ValueHandoff[] {
  // Asked again for the same name by every evaluation of its parameters (each rule, each caller): a walk of
  // every occurrence of the name each time; the answer depends on the file's tree alone.
  let byName = handoffs.get(index);
  if (!byName) handoffs.set(index, (byName = new Map<string, ValueHandoff[]>()));
  let out = byName.get(name);
  if (!out) byName.set(name, (out = findHandoffs(index, root, syn, name)));
  return out;
}

const handoffs = new WeakMap<FileIndex, Map<string, ValueHandoff[]>>();

function findHandoffs(index: FileIndex, root: SgNode, syn: Syntax, name: string): ValueHandoff[] {
  const out: ValueHandoff[] = [];
  for (const site of index.names(root, syn, false).get(name) ?? []) {
    const n = site.node;
    const list = n.parent();
    if (list?.kind() !== 'arguments') continue;
    const call = list.parent();
    if (call?.kind() !== 'call_expression') continue;
    const fn = call.field('function');
    if (!fn) continue;
    const at = argumentsOf(call).findIndex((a) => a.id() === n.id());
    if (at < 0) continue;
    const bound = fn.kind() === 'member_expression' && fn.field('property')?.text() === 'bind';
    const target = bound ? fn.field('object') : fn;
    if (target?.kind() !== 'identifier') continue;
    if (bound && at === 0) continue; // `thisArg`, not a parameter
    out.push({ call, callee: target.text(), param: bound ? at - 1 : at });
  }
  return out;
}

/** The calls inside `fn` of its own parameter `index` when that parameter is a plain name (`fn(socket, x)`). */
export function callsOfParam(fn: SgNode, index: number): SgNode[] {
  const params = (fn.field('parameters')?.namedChildren() ?? []).filter((c) => c.kind() !== 'comment');
  const p = params[index];
  const name = p?.kind() === 'identifier' ? p.text() : undefined;
  if (name === undefined) return [];
  const body = fn.field('body');
  if (!body) return [];
  return body.findAll({
    rule: { kind: 'call_expression', has: { field: 'function', regex: `^${escapeRegex(name)}$` } },
  });
}

/** A call that fills a parameter indirectly, and the argument it fills it with. */
export interface IndirectArg {
  call: SgNode;
  arg: SgNode;
}

/**
 * The values parameter `param` of the function `name` receives other than by a direct call `name(…)`: a
 * bound argument (`name.bind(null, a)` fixes parameter 0 to `a`), an argument of a call of the bound function
 * kept in a name (`const run = name.bind(null, a); run(x)` fills parameter 1 with `x`), and an argument of a
 * call through the parameter of another function of the file that `name` is handed to (`dispatch(name)`,
 * `dispatch.bind(null, s, name)`, then `fn(s, x)` inside `dispatch`).
 */
export function indirectArgs(
  index: FileIndex,
  root: SgNode,
  syn: Syntax,
  name: string,
  param: number,
): readonly IndirectArg[] {
  // Kept per file, name and parameter: every evaluation that reaches the parameter asks again, and the
  // answer depends on the tree alone (no taint step is spent finding it).
  let kept = indirect.get(index);
  if (!kept) indirect.set(index, (kept = new Map<string, readonly IndirectArg[]>()));
  const key = `${param}\0${name}`;
  let out = kept.get(key);
  if (!out) kept.set(key, (out = findIndirectArgs(index, root, syn, name, param)));
  return out;
}

const indirect = new WeakMap<FileIndex, Map<string, readonly IndirectArg[]>>();

function findIndirectArgs(
  index: FileIndex,
  root: SgNode,
  syn: Syntax,
  name: string,
  param: number,
): IndirectArg[] {
  const out: IndirectArg[] = [];
  const push = (call: SgNode, at: number): void => {
    const arg = argumentsOf(call)[at];
    if (arg && arg.kind() !== 'spread_element') out.push({ call, arg });
  };
  for (const b of bindCallsOf(index, root, name)) {
    const k = boundCount(b);
    if (param < k) {
      push(b, param + 1);
      continue;
    }
    const decl = b.parent();
    const held = decl?.kind() === 'variable_declarator' && decl.field('value')?.id() === b.id();
    const v = held ? decl.field('name') : null;
    if (v?.kind() !== 'identifier') continue;
    for (const c of index.callsTo(root, 'call_expression', v.text()))
      if (c.field('function')?.text() === v.text()) push(c, param - k);
  }
  for (const h of handoffsOf(index, root, syn, name))
    for (const g of index.functionsNamed(root, syn, false, h.callee))
      for (const c of callsOfParam(g, h.param)) push(c, param);
  return out;
}
