import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { ensurePython } from './languages.js';
import { implied, inPythonChain } from './literal-choice.js';

/** The condition of the first `if` of some Python, and the membership test `x in L` / `x not in L` in it. */
function condition(code: string): { cond: SgNode; check: SgNode } {
  ensurePython();
  const cond = parse('python', code)
    .root()
    .find({ rule: { kind: 'if_statement' } })
    ?.field('condition');
  const check = cond?.find({ rule: { kind: 'comparison_operator', regex: '^x (?:not )?in L$' } });
  if (!cond || !check) throw new Error(code);
  return { cond, check };
}

describe('what a Python condition says of a membership test in it', () => {
  it('decides a lone test on both sides', () => {
    const { cond, check } = condition('if x in L:\n    pass\n');
    expect(inPythonChain(check, cond)).toBe(false);
    expect(implied(check, cond)).toEqual([true, false]);
  });

  it('reads an `and`/`or` chain as one that decides the test on one side only', () => {
    const and = condition("if 'k' in form and x in L:\n    pass\n");
    expect(inPythonChain(and.check, and.cond)).toBe(true);
    expect(implied(and.check, and.cond)).toEqual([true, undefined]);
    const or = condition('if not x or (x not in L):\n    return\n');
    expect(inPythonChain(or.check, or.cond)).toBe(true);
    expect(implied(or.check, or.cond)).toEqual([undefined, false]);
  });
});
