import type { SgNode } from '@ast-grep/napi';

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
