/**
 * Comparisons with literals as guards: `folder !== 'src'` tells the value only where the condition decides the
 * comparison, and a chain of them about one value (`folder !== 'src' && folder !== 'dist'`) decides it whole
 * (used by taint-guards.ts); and what a condition's truth says of any check inside it (`implied`, also read by
 * own-validators.ts for the refusals inside a validator).
 */
import type { SgNode } from '@ast-grep/napi';

const EQUALITY = new Set(['==', '===', '!=', '!==']);

/**
 * Whether a chain of `&&` (or `||`) compares one value with a literal in every operand, unequal (or equal):
 * `folder !== 'src' && folder !== 'dist'` being false, or `mode === 'a' || mode === 'b'` being true, leaves
 * the value one of those literals, whichever operand decided, so what each operand's check says of the value
 * holds for the chain. Operands about two values (`a !== 'x' && b !== 'y'`) tell neither.
 */
export function literalChoice(chain: SgNode, compare: '!==' | '==='): boolean {
  const join = compare === '!==' ? ['&&', 'and'] : ['||', 'or'];
  const equalities = compare === '!==' ? ['!==', '!='] : ['===', '=='];
  const names = new Set<string>();
  const leaves = [chain];
  for (let n = leaves.pop(), steps = 0; n && steps < 32; n = leaves.pop(), steps++) {
    const k = n.kind();
    const op =
      n.field('operator')?.text() ??
      n
        .children()
        .find((c) => !c.isNamed())
        ?.text();
    if (k === 'parenthesized_expression') {
      leaves.push(...n.namedChildren());
      continue;
    }
    if ((k === 'binary_expression' || k === 'boolean_operator') && op && join.includes(op)) {
      leaves.push(...n.namedChildren());
      continue;
    }
    if (k !== 'binary_expression' && k !== 'comparison_operator') return false;
    const ops = n.children().filter((c) => !c.isNamed() && EQUALITY.has(c.text()));
    const sides = n.namedChildren();
    if (ops.length !== 1 || !equalities.includes(ops[0]!.text()) || sides.length !== 2) return false;
    const literal = sides.findIndex((c) => /^(?:string|number|integer)$/.test(String(c.kind())));
    const value = sides[1 - literal];
    if (
      literal === -1 ||
      !value ||
      !/^(?:identifier|member_expression|attribute)$/.test(String(value.kind()))
    )
      return false;
    names.add(value.text());
  }
  return leaves.length === 0 && names.size === 1;
}

/** Whether a node compares something with a string literal for (in)equality (`folder !== 'src'`). */
export function isLiteralComparison(n: SgNode): boolean {
  const k = n.kind();
  if (k !== 'binary_expression' && k !== 'comparison_operator') return false;
  const ops = n.children().filter((c) => !c.isNamed() && EQUALITY.has(c.text()));
  return ops.length === 1 && n.namedChildren().some((c) => c.kind() === 'string');
}

type Truth = boolean | undefined;

/**
 * What a condition's truth says of a check inside it: [its value when the condition is true, its value
 * when false], undefined where it cannot be told (`||` being true, `&&` being false, any other operator).
 */
export function implied(check: SgNode, cond: SgNode): [Truth, Truth] {
  let t: Truth = true;
  let f: Truth = false;
  const top = cond.id();
  let n = check;
  for (let depth = 0; n.id() !== top; depth++) {
    const p = n.parent();
    if (!p || depth > 32) return [undefined, undefined];
    const k = p.kind();
    const op = p.field('operator')?.text();
    if (k === 'parenthesized_expression' || k === 'expression_statement' || k === 'await_expression') {
      // The same value.
    } else if ((k === 'unary_expression' && op === '!') || k === 'not_operator') [t, f] = [f, t];
    else if ((k === 'binary_expression' || k === 'boolean_operator') && (op === '&&' || op === 'and')) {
      if (!literalChoice(p, '!==')) f = undefined;
    } else if ((k === 'binary_expression' || k === 'boolean_operator') && (op === '||' || op === 'or')) {
      if (!literalChoice(p, '===')) t = undefined;
    } else return [undefined, undefined];
    n = p;
  }
  return [t, f];
}

/**
 * Whether a check sits in a Python `and`/`or` chain of the condition (`if 'k' in form and form['k'] in KNOWN:`):
 * there the branch the chain does not decide the check for (the `else` of an `and`, the body of an `or`) is not
 * made safe by it. JavaScript keeps its older reading (an undecided side counts as checked).
 */
export function inPythonChain(check: SgNode, cond: SgNode): boolean {
  const top = cond.id();
  let n: SgNode | null = check;
  for (let depth = 0; n && n.id() !== top && depth < 32; depth++) {
    n = n.parent();
    if (n?.kind() === 'boolean_operator') return true;
  }
  return false;
}
