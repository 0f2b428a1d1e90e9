/**
 * Python tuple targets (`a, b = …`): each name takes its own element of the right side, so `sheet_db, sheet =
 * get_sheet(request)` gives `sheet` only what the function's returns put second, not the whole tuple.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';
import type { Value } from './taint-support.js';

/** A name's position in a tuple target and the target's length. */
export interface TupleElement {
  index: number;
  arity: number;
}

/** `hit`'s place in a flat tuple target `a, b = …` (one level, plain names only), or undefined. */
export function tupleElement(hit: SgNode, target: SgNode): TupleElement | undefined {
  const p = hit.parent();
  if (!p || p.id() !== target.id() || (p.kind() !== 'pattern_list' && p.kind() !== 'tuple_pattern'))
    return undefined;
  const names = p.namedChildren().filter((c) => c.kind() !== 'comment');
  if (names.some((c) => c.kind() !== 'identifier')) return undefined;
  const index = names.findIndex((c) => c.id() === hit.id());
  return index < 0 ? undefined : { index, arity: names.length };
}

/** The element `e` names of `value` when it is a tuple or list of the target's length (`x, y`, `(x, y)`). */
export function tupleElementOf(value: SgNode, e: TupleElement): SgNode | undefined {
  const k = value.kind();
  if (k !== 'expression_list' && k !== 'tuple' && k !== 'list') return undefined;
  const items = value.namedChildren().filter((c) => c.kind() !== 'comment');
  if (items.length !== e.arity || items.some((c) => c.kind() === 'list_splat')) return undefined;
  return items[e.index];
}

/**
 * What a function's returns give a tuple target's element: that element of each return that is a tuple of the
 * target's length; any other return (a name holding a tuple, `None`) whole, as before.
 */
export function returnedElements(returns: readonly SgNode[], e: TupleElement | undefined): SgNode[] {
  return e ? returns.map((r) => tupleElementOf(r, e) ?? r) : [...returns];
}

/** Which call's returns a tuple target's element is asked of while its value is evaluated. */
export class TupleAsks {
  private asked: { call: number; element: TupleElement } | undefined;

  /** `value` as one name of a tuple target sees it: its element, or the call marked for `at`. */
  value(value: SgNode, e: TupleElement, syn: Syntax, evaluate: (n: SgNode) => Value): Value {
    const part = tupleElementOf(value, e);
    if (part) return evaluate(part);
    let call = value;
    while (syn.sameValue.has(kindOf(call)) && call.namedChildren().length === 1)
      call = call.namedChildren()[0] ?? call;
    if (!syn.call.has(kindOf(call))) return evaluate(value);
    const saved = this.asked;
    this.asked = { call: call.id(), element: e };
    try {
      return evaluate(value);
    } finally {
      this.asked = saved;
    }
  }

  /** The element asked of `call`'s returns when the call fills a tuple target; undefined otherwise. */
  at(call: SgNode): TupleElement | undefined {
    return this.asked?.call === call.id() ? this.asked.element : undefined;
  }
}
