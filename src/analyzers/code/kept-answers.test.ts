import { describe, expect, it } from 'vitest';
import type { SgNode } from '@ast-grep/napi';
import { bindCallsOf, fewestBound, indirectArgs } from './bound-calls.js';
import { languageOf } from './languages.js';
import { singleModule } from './project.js';
import { replacementSanitizes } from './replace-check.js';
import { syntaxOf } from './syntax.js';
import { spansWithin } from './taint-support.js';

// jsperf31: answers that depend on the file's tree alone, kept per file (or found from the file's list), must
// be what computing them afresh gives.

const JS = languageOf('js')!;
const syn = syntaxOf('javascript');

const TEXT = `function run(prefix, cmd) { if (cmd) cp.exec(prefix + cmd); return cmd ? 1 : 2; }
class A {
  go(x) { const f = this.run.bind(this, x); if (x) { f(x ? x : 'y'); } return (() => (x ? 1 : 0))(); }
  run(a, b) { return a + b; }
}
const g = run.bind(null, 'nice ');
g(req.query.c);
const h = run.bind(null, 'a', 'b');
dispatch(run);
function dispatch(fn) { fn('p', req.body.q); if (fn) { return function inner(z) { return z ? fn : null; }; } }
other.run.bind(null);
const safe = name.replace(/[^\\w-]/g, '').replace(/\\.\\./g, '');
const RE = /[<>"']/g;
const out = text.replace(RE, '');
`;

function kinds(root: SgNode, ks: string[]): SgNode[] {
  return root.findAll({ rule: { any: ks.map((kind) => ({ kind })) } });
}

describe('answers kept per file (jsperf31)', () => {
  it("lists a scope's ifs from the file's list by offsets as a walk of the scope finds them", () => {
    const { root } = singleModule('a.js', TEXT, JS).entry;
    const ifKinds = ['if_statement', 'ternary_expression'];
    const all = kinds(root, ifKinds).map((node) => {
      const r = node.range();
      return { id: node.id(), start: r.start.index, end: r.end.index };
    });
    const fns = kinds(
      root,
      [...syn.functions].filter((k) => k !== 'function'),
    );
    expect(fns.length).toBeGreaterThan(4);
    for (const fn of fns) {
      const r = fn.range();
      const walked = kinds(fn, ifKinds).map((n) => n.id());
      expect(spansWithin(all, r.start.index, r.end.index).map((s) => s.id)).toEqual(walked);
    }
  });

  it('finds the bind calls of a name as a filter of every call does, asked twice', () => {
    const { root, index } = singleModule('a.js', TEXT, JS).entry;
    const calls = index.callList(root, 'call_expression');
    for (let round = 0; round < 2; round++)
      for (const name of ['run', 'this.run', 'other.run', 'g', 'missing']) {
        const want = calls
          .filter((c) => c.callee === `${name}.bind` || c.callee === `this.${name}.bind`)
          .map((c) => c.node.id());
        expect(bindCallsOf(index, root, name).map((n) => n.id())).toEqual(want);
      }
    expect(bindCallsOf(index, root, 'run')).toHaveLength(3);
    expect(fewestBound(index, root, 'run')).toBe(1);
    expect(fewestBound(index, root, 'run')).toBe(1);
    expect(fewestBound(index, root, 'missing')).toBeUndefined();
  });

  it('answers indirectArgs alike when asked again', () => {
    const { root, index } = singleModule('a.js', TEXT, JS).entry;
    const texts = (p: number): string[] =>
      indirectArgs(index, root, syn, 'run', p).map((a) => `${a.call.text()} ${a.arg.text()}`);
    const first = [0, 1, 2].map(texts);
    expect(first[0]).toContain("run.bind(null, 'nice ') 'nice '");
    expect(first[1]).toContain("fn('p', req.body.q) req.body.q");
    expect([0, 1, 2].map(texts)).toEqual(first);
  });

  it('answers replacementSanitizes for a file as without one, for every call and class, asked twice', () => {
    const { root, index } = singleModule('a.js', TEXT, JS).entry;
    const calls = kinds(root, ['call_expression']);
    let yes = 0;
    for (let round = 0; round < 2; round++)
      for (const c of kinds(root, ['call_expression']))
        for (const cls of ['path', 'html', 'shell', 'log', undefined]) {
          const kept = replacementSanitizes(c, cls, false, index);
          expect(kept).toBe(replacementSanitizes(c, cls, false));
          if (kept) yes++;
        }
    expect(calls.length).toBeGreaterThan(10);
    expect(yes).toBeGreaterThan(0);
  });
});
