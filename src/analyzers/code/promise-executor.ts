import type { SgNode } from '@ast-grep/napi';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';

/**
 * A JavaScript `new Promise((resolve, reject) => …)` read for what it settles with: the arguments of the calls
 * of its executor's `resolve` (the value `await` and the first `.then` callback receive) or `reject` (what a
 * rejection handler receives, promise-rejections.ts). Only calls of the executor's own parameter count, at any
 * depth of its body (`fs.stat(p, (err, s) => resolve(s))`); a settling function handed on whole
 * (`stream.on('end', resolve)`) gives a value no code here writes.
 *
 * CoffeeScript 1 compiles its bound functions (`=>`) to `(function(_this) { return function(…) {…}; })(this)`:
 * the function the wrapper returns stands where the wrapper's call is, as executor and as callback.
 */

/** The function a call of a function expression written in place returns as its only statement, or null. */
function wrappedFunction(syn: Syntax, call: SgNode): SgNode | null {
  if (!syn.call.has(kindOf(call))) return null;
  let callee = call.field(syn.callFunction);
  while (callee && kindOf(callee) === 'parenthesized_expression') callee = callee.namedChildren()[0] ?? null;
  if (!callee || !syn.functions.has(kindOf(callee))) return null;
  const stmts =
    callee
      .field('body')
      ?.namedChildren()
      .filter((s) => kindOf(s) !== 'comment') ?? [];
  const ret = stmts.length === 1 && kindOf(stmts[0]!) === syn.returnStatement ? stmts[0] : undefined;
  const fn = ret?.namedChildren()[0];
  return fn && syn.functions.has(kindOf(fn)) ? fn : null;
}

/** True when a function between `call` and `fn` has a parameter `name` (a nested executor's own `resolve`). */
function shadowed(syn: Syntax, call: SgNode, fn: SgNode, name: string): boolean {
  for (let p = call.parent(); p && p.id() !== fn.id(); p = p.parent()) {
    if (!syn.functions.has(kindOf(p))) continue;
    const single = p.field('parameter');
    const params = single ? [single] : (p.field('parameters')?.namedChildren() ?? []);
    if (params.some((q) => q.text() === name)) return true;
  }
  return false;
}

/** The node that stands for function `fn` among a call's arguments: `fn`, or the wrapper call returning it. */
export function argumentSlot(syn: Syntax, fn: SgNode): SgNode {
  const ret = fn.parent();
  if (!ret || kindOf(ret) !== syn.returnStatement) return fn;
  const fnOfRet = ret.parent()?.parent();
  let call = fnOfRet?.parent();
  while (call && kindOf(call) === 'parenthesized_expression') call = call.parent();
  return call && wrappedFunction(syn, call)?.id() === fn.id() ? call : fn;
}

/**
 * The arguments the executor of `new Promise(…)` (node) passes to its settling parameter (0: resolve, 1:
 * reject), or null when `node` is no such construction; `charge` pays for the walk of the executor's body by
 * its size, and false stops it.
 */
export function settledWith(
  syn: Syntax,
  node: SgNode,
  which: 0 | 1,
  charge: (chars: number) => boolean,
): SgNode[] | null {
  if (kindOf(node) !== 'new_expression' || node.field('constructor')?.text() !== 'Promise') return null;
  const arg = node.field('arguments')?.namedChildren()[0];
  const fn = arg && (syn.functions.has(kindOf(arg)) ? arg : wrappedFunction(syn, arg));
  if (!fn) return null;
  // An arrow function's single parameter written without parentheses is its `parameter` field.
  const single = fn.field('parameter');
  const param = single ? (which === 0 ? single : null) : fn.field('parameters')?.namedChildren()[which];
  if (!param || !syn.identifiers.has(kindOf(param))) return [];
  const name = param.text();
  const span = fn.range();
  if (!charge(span.end.index - span.start.index)) return [];
  const out: SgNode[] = [];
  for (const call of fn.findAll({ rule: { kind: 'call_expression', regex: `^${escapeRegex(name)}\\b` } })) {
    const callee = call.field('function');
    if (callee?.kind() !== 'identifier' || callee.text() !== name || shadowed(syn, call, fn, name)) continue;
    const value = call.field('arguments')?.namedChildren()[0];
    if (value) out.push(value);
  }
  return out;
}
