import type { SgNode } from '@ast-grep/napi';

// What an `if`'s condition compares or tests by name, read by the guard engine (taint-guards.ts).

const EQUALITY = new Set(['==', '===', '!=', '!==']);

/** Literal kinds in JavaScript and Python trees. */
const LITERAL_KIND =
  /^(?:string|template_string|concatenated_string|number|integer|float|true|false|none|null|undefined)$/;

/**
 * The plain names a condition compares for equality, and whether the condition being true means they are
 * equal: `h != sig` (false), `not h == sig` (false), `hmac.compare_digest(h, sig)` or
 * `crypto.timingSafeEqual(h, sig)` (true).
 */
export function comparedNames(cond: SgNode): { node: SgNode; safeWhenTrue: boolean }[] {
  let c: SgNode | null = cond;
  let negated = false;
  for (let i = 0; c && i < 4; i++) {
    const k = c.kind();
    if (k === 'parenthesized_expression') c = c.namedChildren()[0] ?? null;
    else if ((k === 'unary_expression' && c.field('operator')?.text() === '!') || k === 'not_operator') {
      negated = !negated;
      c = c.field('argument');
    } else break;
  }
  if (!c) return [];
  const k = c.kind();
  let operands: SgNode[] = [];
  let equal: boolean;
  if (k === 'binary_expression' || k === 'comparison_operator') {
    const ops = c.children().filter((n) => !n.isNamed() && EQUALITY.has(n.text()));
    if (ops.length !== 1 || c.namedChildren().length !== 2) return [];
    equal = ops[0]!.text().startsWith('=');
    operands = c.namedChildren();
  } else if (
    (k === 'call' || k === 'call_expression') &&
    /(?:^|\.)(?:compare_digest|timingSafeEqual)$/.test(c.field('function')?.text() ?? '')
  ) {
    equal = true;
    operands = c.field('arguments')?.namedChildren() ?? [];
  } else return [];
  // Compared with a constant (`h != ""`), not with a signature the request carries: nothing is checked.
  if (operands.some((n) => LITERAL_KIND.test(String(n.kind())))) return [];
  const safeWhenTrue = equal !== negated;
  return operands.filter((n) => n.kind() === 'identifier').map((node) => ({ node, safeWhenTrue }));
}

/** The name a condition tests for truth alone (`x`, `!x`, `(x)`), if that is all it does, and whether negated. */
export function testedName(cond: SgNode): { node: SgNode; negated: boolean } | undefined {
  let c: SgNode | null = cond;
  let negated = false;
  for (let i = 0; c && i < 4; i++) {
    const k = c.kind();
    if (k === 'identifier') return { node: c, negated };
    if (k === 'parenthesized_expression') c = c.namedChildren()[0] ?? null;
    else if ((k === 'unary_expression' && c.field('operator')?.text() === '!') || k === 'not_operator') {
      negated = !negated;
      c = c.field('argument');
    } else return undefined;
  }
  return undefined;
}
