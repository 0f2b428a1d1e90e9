import type { SgNode } from '@ast-grep/napi';
import type { Definition } from './scope.js';

/**
 * Writes to a function's variable made inside its closures (JavaScript). A server that reads a request body
 * by its stream events declares `let body = ''` in the handler, adds to it in the `data` listener and reads it
 * in the `end` listener: the write and the read are in sibling closures, and the read's lookup, which climbs
 * from the `end` listener to the handler, took only the handler's own definitions. A closure that assigns a
 * name it does not declare itself writes the enclosing function's variable, so its writes are definitions of
 * that variable for a read in another closure as well. Bounded: any closure that writes is taken, whenever it
 * runs (no ordering of callbacks, no fixpoint), and none of them overwrites another (`strong: false`).
 * Python is left out: a nested function's assignment makes its own local unless it says `nonlocal`.
 */

/** What a lookup lends: the function around a node, and the occurrences of a name in a scope. */
export interface ClosureScopes {
  scopeOf(node: SgNode): SgNode | undefined;
  /** Every occurrence of `name` in `scope` (nested functions included). */
  hits(scope: SgNode, name: string): SgNode[];
  /** The definition occurrence `h` makes, if any. */
  classified(h: SgNode): Definition | undefined;
}

/** Whether occurrence `h` declares its name in the function `fn` around it (a parameter or a declarator). */
function declaresIn(s: ClosureScopes, h: SgNode, fn: SgNode): boolean {
  const p = h.parent();
  if (p?.kind() === 'variable_declarator' && p.field('name')?.id() === h.id())
    return s.scopeOf(h)?.id() === fn.id();
  const d = s.classified(h);
  if (d?.kind === 'param') return d.fn.id() === fn.id();
  // A name taken apart in a declaration (`const { body } = x`).
  return d?.kind === 'value' &&
    d.keys.length > 0 &&
    !!p &&
    p.kind() !== 'assignment_expression' &&
    declared(h)
    ? s.scopeOf(h)?.id() === fn.id()
    : false;
}

/** Whether a destructured occurrence sits in a declaration (`const`/`let`/`var`), not an assignment. */
function declared(h: SgNode): boolean {
  for (let p = h.parent(), i = 0; p && i < 16; p = p.parent(), i++) {
    const k = p.kind();
    if (k === 'variable_declarator') return true;
    if (k === 'assignment_expression' || k === 'formal_parameters') return false;
  }
  return false;
}

/**
 * A write that assigns or adds to the name (not a declaration of the closure's own). A keyed store's write
 * (`cache.add(key, value, ttl)`, `map.set(key, value)`: a method given two or more arguments, other than
 * `push`/`unshift`) is left out: its definition is the whole argument list, so the key (often the request's
 * URL) would taint every value read back from the store in another closure.
 */
function assigns(d: Definition, h: SgNode): boolean {
  if (d.kind === 'add') {
    const args = d.value.kind() === 'arguments' ? d.value.namedChildren() : undefined;
    const method = h.parent()?.field('property')?.text() ?? '';
    return args === undefined || args.length < 2 || /^(?:push|unshift)$/.test(method);
  }
  if (d.kind !== 'value' || d.keys.length > 0 || d.element) return false;
  return h.parent()?.kind() === 'assignment_expression';
}

export class ClosureWrites {
  /** `fn:name` → whether function `fn` declares `name` itself. */
  private readonly declared = new Map<string, boolean>();

  constructor(private readonly s: ClosureScopes) {}

  /** Whether function `fn` declares `name` itself (a parameter, a `const`/`let`/`var`). */
  declares(fn: SgNode, name: string): boolean {
    const key = `${fn.id()}:${name}`;
    let v = this.declared.get(key);
    if (v === undefined) {
      v = this.s.hits(fn, name).some((h) => declaresIn(this.s, h, fn));
      this.declared.set(key, v);
    }
    return v;
  }

  /**
   * Definition `d` made at `h` inside a closure of function `scope`, as a definition of `scope`'s variable
   * `name`; undefined when `scope` does not declare `name`, when a function between `h` and `scope` declares
   * its own `name`, or when `d` is not a write.
   */
  write(d: Definition, h: SgNode, name: string, scope: SgNode): Definition | undefined {
    if (!assigns(d, h) || !this.declares(scope, name)) return undefined;
    for (let f = this.s.scopeOf(h); f && f.id() !== scope.id(); f = this.s.scopeOf(f))
      if (this.declares(f, name)) return undefined;
    return d.kind === 'value' ? { ...d, strong: false } : d;
  }
}
