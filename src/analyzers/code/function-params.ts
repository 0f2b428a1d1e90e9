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
