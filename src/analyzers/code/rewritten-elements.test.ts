import { describe, expect, it } from 'vitest';
import { Lang, parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { elementRewrite, ElementRewrites } from './rewritten-elements.js';
import { FileIndex } from './file-index.js';
import type { Definition } from './scope.js';

/** The definition `name = …` (its name) and the last read of `name` in `code`. */
function defAndUse(code: string, name: string): { def: SgNode; use: SgNode } {
  const root = parse(Lang.JavaScript, code).root();
  const ids = root.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } });
  const def = ids.find(
    (n) => n.parent()?.kind() === 'variable_declarator' || n.parent()?.kind() === 'assignment_expression',
  );
  const use = ids[ids.length - 1];
  if (!def || !use) throw new Error('no definition or use');
  return { def, use };
}

describe('elementRewrite: the value an element-wise forEach writes back before a use', () => {
  it.each([
    'const p = s.split("."); p.forEach((x, i) => { p[i] = clean(x); }); use(p);',
    'const p = s.split("."); p.forEach(function (x, i) { p[i] = clean(x); }); use(p);',
    'const p = s.split("."); p.forEach((x, i) => (p[i] = clean(x))); use(p);',
  ])('%s writes clean(x)', (code) => {
    const { def, use } = defAndUse(code, 'p');
    expect(elementRewrite(def, use, 'p')?.text()).toBe('clean(x)');
  });

  it.each([
    // Some elements only.
    'const p = s.split("."); p.forEach((x, i) => { if (i) p[i] = clean(x); }); use(p);',
    // In a branch that may not run.
    'const p = s.split("."); if (c) { p.forEach((x, i) => { p[i] = clean(x); }); } use(p);',
    // Another array's elements, or not by the index forEach gives.
    'const p = s.split("."); q.forEach((x, i) => { p[i] = clean(x); }); use(p);',
    'const p = s.split("."); p.forEach((x, i) => { p[0] = clean(x); }); use(p);',
    // After the use.
    'const p = s.split("."); use(p); p.forEach((x, i) => { p[i] = clean(x); });',
  ])('%s rewrites nothing for the use', (code) => {
    const { def, use } = defAndUse(code, 'p');
    const ids = parse(Lang.JavaScript, code)
      .root()
      .findAll({ rule: { kind: 'identifier', regex: '^p$' } });
    // The use is the argument of `use(…)`, wherever it stands.
    const read = ids.find((n) => n.parent()?.parent()?.text().startsWith('use(')) ?? use;
    expect(elementRewrite(def, read, 'p')).toBeUndefined();
  });
});

describe('ElementRewrites: asked at every use, it reads the tree only where the module can hold a rewrite', () => {
  const cleansIn = (code: string, asked: string[]): boolean => {
    const { def, use } = defAndUse(code, 'p');
    const root = use.getRoot().root();
    const d: Definition = { kind: 'value', node: def, value: def, keys: [], strong: true };
    return new ElementRewrites({ index: new FileIndex(), root }, (v) => {
      asked.push(v.text());
      return true;
    }).cleans(d, use, 0);
  };

  it('finds the rewrite of the name used, as elementRewrite does', () => {
    const asked: string[] = [];
    expect(
      cleansIn('const p = s.split("."); p.forEach((x, i) => { p[i] = clean(x); }); use(p);', asked),
    ).toBe(true);
    expect(asked).toEqual(['clean(x)']);
  });

  it.each([
    // Another name's forEach (the module's text has no `p.forEach`), or no forEach at all.
    'const p = s.split("."); q.forEach((x, i) => { q[i] = clean(x); }); use(p);',
    'const p = s.split("."); for (const i in p) p[i] = clean(p[i]); use(p);',
    // `p.forEach` only without its call's parenthesis right after it: the function's text test as before.
    'const p = s.split("."); p.forEach ((x, i) => { p[i] = clean(x); }); use(p);',
  ])('%s: no rewrite', (code) => {
    const asked: string[] = [];
    expect(cleansIn(code, asked)).toBe(false);
    expect(asked).toEqual([]);
  });
});
