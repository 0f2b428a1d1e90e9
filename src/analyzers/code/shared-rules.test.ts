import { Lang, parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import type { Rule } from './constraint-inline.js';
import { hoistRepeated } from './shared-rules.js';

const CODE = [
  'eval(userCode);',
  'eval("1 + 1");',
  'window.eval(JSON.stringify(x));',
  'window.eval(req.body.code);',
  'vm.runInNewContext(req.query.src, {});',
  'vm.runInNewContext("x", {});',
  'res.cookie("sid", token, { secure: false });',
].join('\n');

/** What a matcher finds, with the text each named metavariable holds. */
function found(root: SgNode, m: Rule, names: string[]): string[] {
  return root
    .findAll(m as never)
    .map((n) => [n.text(), ...names.map((v) => `${v}=${n.getMatch(v)?.text() ?? '-'}`)].join(' '));
}

// A sink list shaped as rules are written: the same argument test under each sink.
const dynamicArg = {
  field: 'arguments',
  has: { nthChild: 1, not: { any: [{ kind: 'string' }, { regex: '^JSON\\.stringify\\(' }] } },
};
const sinks: Rule = {
  rule: {
    any: [
      { pattern: 'eval($C)', has: dynamicArg },
      { pattern: '$G.eval($C)', regex: '^(window|globalThis)\\.', has: dynamicArg },
      { pattern: '$VM.runInNewContext($C, $$$)', has: dynamicArg },
      { pattern: '$R.cookie($N, $V, $O)', not: { has: { stopBy: 'end', regex: '^secure: true$' } } },
    ],
  },
};

describe('hoistRepeated', () => {
  it('writes a repeated sub-rule once as a util, keeping the relation its field', () => {
    const h = hoistRepeated(sinks.rule as Rule, undefined, 'vgs');
    const utils = Object.keys(h.utils ?? {});
    expect(utils).toEqual(['vgs0']);
    expect(JSON.stringify(h.rule).match(/"matches":"vgs0"/g)).toHaveLength(3);
    expect(JSON.stringify(h.rule)).toContain('"field":"arguments"');
  });

  it('finds the same nodes with the same metavariables', () => {
    const root = parse(Lang.JavaScript, CODE).root();
    const h = hoistRepeated(sinks.rule as Rule, undefined, 'vgs');
    const before = found(root, sinks, ['C', 'G', 'VM', 'O']);
    expect(before).toHaveLength(4);
    expect(found(root, { rule: h.rule, utils: h.utils }, ['C', 'G', 'VM', 'O'])).toEqual(before);
  });

  it('leaves a rule with nothing repeated as it is', () => {
    const rule: Rule = { any: [{ pattern: 'eval($C)' }, { pattern: 'Function($C)' }] };
    expect(hoistRepeated(rule, undefined, 'vgs').rule).toBe(rule);
  });

  it('keeps metavariables bound in a hoisted part visible to the rest of the rule', () => {
    const root = parse(Lang.JavaScript, 'f(a, a); f(a, b); g(a, a);').root();
    const call: Rule = { pattern: 'f($X, $$$)', regex: '^f\\(' };
    const m: Rule = {
      rule: {
        any: [{ all: [call, { has: { field: 'arguments', nthChild: 2, pattern: '$X' } }] }, { all: [call] }],
      },
    };
    const h = hoistRepeated(m.rule as Rule, undefined, 'vgs');
    expect(Object.keys(h.utils ?? {})).toEqual(['vgs0']);
    expect(found(root, { rule: h.rule, utils: h.utils }, ['X'])).toEqual(found(root, m, ['X']));
  });
});
