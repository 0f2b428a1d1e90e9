import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { isFixedValue } from './fixed-value.js';

/** Whether the value assigned by the last `sink(…)` call of `src` is fixed. */
function fixedAtSink(src: string, fixedCall?: Parameters<typeof isFixedValue>[1]): boolean {
  const calls = parse(Lang.JavaScript, src).root().findAll('sink($V)');
  const v = calls.at(-1)?.getMatch('V');
  if (!v) throw new Error('no sink');
  return isFixedValue(v, fixedCall);
}

describe('isFixedValue', () => {
  it('follows const names, templates, conditionals, joins and local functions', () => {
    expect(fixedAtSink("const a = '<b>'; const b = `${a}x`; sink(b);")).toBe(true);
    expect(fixedAtSink("const f = () => ok ? 'a' : 'b'; sink(f());")).toBe(true);
    expect(fixedAtSink("function f() { if (x) return 'a'; return ['b', 'c'].join(' '); } sink(f());")).toBe(
      true,
    );
  });
  it('stops at anything that can change or come from outside', () => {
    expect(fixedAtSink("let a = '<b>'; sink(a);")).toBe(false);
    expect(fixedAtSink('function g(a) { sink(a); }')).toBe(false);
    expect(fixedAtSink("const a = '<b>'; function g({ a }) { sink(a); }")).toBe(false);
    expect(fixedAtSink("const a = '<b>'; try {} catch (a) { sink(a); }")).toBe(false);
    expect(fixedAtSink("import a from './a'; sink(a);")).toBe(false);
    expect(fixedAtSink("const f = (x) => x; sink(f('a'));")).toBe(false);
    expect(fixedAtSink('function f() { return; } sink(f());')).toBe(false);
    expect(fixedAtSink('sink(location.hash);')).toBe(false);
  });
  it('ends cycles and very deep expressions as not fixed, without overflowing', () => {
    expect(fixedAtSink('const a = b; const b = a; sink(a);')).toBe(false);
    expect(fixedAtSink('function f() { return f(); } sink(f());')).toBe(false);
    expect(fixedAtSink(`sink(${Array.from({ length: 500 }, () => "'x'").join(' + ')});`)).toBe(false);
  });
  it('counts calls the rule names as fixed text', () => {
    const t = (n: Parameters<typeof isFixedValue>[0]): boolean => n.text().startsWith('t(');
    expect(fixedAtSink("const label = t('menu.open'); sink(label);", t)).toBe(true);
    expect(fixedAtSink("const label = other('menu.open'); sink(label);", t)).toBe(false);
  });
});
