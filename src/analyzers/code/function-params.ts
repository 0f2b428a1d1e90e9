import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';

/** How many parameters a function declares (comments and decorators aside). */
export function paramCount(fn: SgNode): number {
  if (fn.field('parameter')) return 1;
  const list = fn.field('parameters');
  if (!list) return 0;
  return list.namedChildren().filter((c) => c.kind() !== 'comment' && c.kind() !== 'decorator').length;
}

/** The name of a function's parameter by position ('' when it has none there). */
export function paramName(fn: SgNode, index: number): string {
  const single = fn.field('parameter');
  if (single) return single.text();
  const p = fn
    .field('parameters')
    ?.namedChildren()
    .filter((c) => c.kind() !== 'comment' && c.kind() !== 'decorator')[index];
  if (!p) return '';
  return p.kind() === 'identifier' ? p.text() : (p.find({ rule: { kind: 'identifier' } })?.text() ?? '');
}

/** The expressions a function returns (an arrow function's body expression included), not its inner functions'. */
export function functionReturns(fn: SgNode, syn: Syntax): SgNode[] {
  const out: SgNode[] = [];
  const body = fn.field('body');
  if (body && kindOf(body) !== 'statement_block' && kindOf(body) !== 'block') out.push(body);
  for (const r of fn.findAll({ rule: { kind: syn.returnStatement } })) {
    let owner: SgNode | null = r.parent();
    while (owner && !syn.functions.has(kindOf(owner))) owner = owner.parent();
    if (owner?.id() !== fn.id()) continue;
    const e = r.namedChildren()[0];
    if (e) out.push(e);
  }
  return out;
}

/**
 * The function's parameter names by index (a TypeScript parameter, `url: string`, names its identifier in
 * `pattern`; a bare arrow parameter is the `parameter` field); undefined for a destructured one, and where the body
 * gives the name a new value or declares it again with `var` (then the caller's value is not what is checked).
 */
export function paramNames(fn: SgNode, body: SgNode): (string | undefined)[] {
  const params = (fn.field('parameters')?.namedChildren() ?? []).filter((p) => kindOf(p) !== 'comment');
  const single = fn.field('parameter');
  const list = params.length > 0 ? params : single ? [single] : [];
  const names = list.map((p) => {
    const id = kindOf(p) === 'identifier' ? p : p.field('pattern');
    return id && kindOf(id) === 'identifier' ? id.text() : undefined;
  });
  const assigned = new Set<string>();
  for (const a of body.findAll({
    rule: { any: [{ kind: 'assignment_expression' }, { kind: 'augmented_assignment_expression' }] },
  })) {
    const left = a.field('left');
    if (left && kindOf(left) === 'identifier') assigned.add(left.text());
  }
  for (const d of body.findAll({ rule: { kind: 'variable_declarator' } })) {
    const id = d.field('name');
    if (id && kindOf(id) === 'identifier') assigned.add(id.text());
  }
  return names.map((n) => (n !== undefined && assigned.has(n) ? undefined : n));
}
