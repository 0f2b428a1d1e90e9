import { describe, expect, it } from 'vitest';
import { applyDirectives, parseDirectives, ruleMatches } from './inline.js';

describe('inline directives', () => {
  it('parses rule and reason in any comment style', () => {
    const { directives, invalid } = parseDirectives('f', [
      '# vanguard-ignore: secrets/aws-access-key test key from docs',
      'x = 1 // vanguard-ignore: code/js-eval sandboxed input',
      '/* vanguard-ignore: iac/* generated file */',
      '<!-- vanguard-ignore: code/xss escaped upstream -->',
    ]);
    expect(invalid).toEqual([]);
    expect(directives).toEqual([
      { line: 1, ruleId: 'secrets/aws-access-key', reason: 'test key from docs' },
      { line: 2, ruleId: 'code/js-eval', reason: 'sandboxed input' },
      { line: 3, ruleId: 'iac/*', reason: 'generated file' },
      { line: 4, ruleId: 'code/xss', reason: 'escaped upstream' },
    ]);
  });

  it('reports a directive without a reason or rule as a finding', () => {
    const { directives, invalid } = parseDirectives('f', [
      'a # vanguard-ignore: secrets/x',
      'b # vanguard-ignore',
      'c /* vanguard-ignore: code/y */',
    ]);
    expect(directives).toEqual([]);
    expect(invalid.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['policy/suppression-without-reason', 1],
      ['policy/suppression-without-reason', 2],
      ['policy/suppression-without-reason', 3],
    ]);
  });

  it('does not take documentation of the syntax for a directive', () => {
    const { directives, invalid } = parseDirectives('README.md', [
      'Suppress with `vanguard-ignore: <rule-id> <reason>` on the line.',
    ]);
    expect(directives).toEqual([]);
    expect(invalid).toEqual([]);
  });

  it('reads a directive only in a comment, never in a string or a sentence that mentions it', () => {
    const { directives, invalid } = parseDirectives('src/inline.ts', [
      "const MARK = 'vanguard-ignore';",
      "  description: 'A vanguard-ignore directive must name the rule and say why.',",
      "  message: 'vanguard-ignore names no rule and gives no reason',",
      'Add vanguard-ignore with a reason to silence it.',
      "run('x') // vanguard-ignore: code/js-eval reviewed, fixed input",
      ' * vanguard-ignore: code/xss escaped by the caller',
      'SELECT 1; -- vanguard-ignore: code/sql reviewed',
      "// it's fixed test data, vanguard-ignore: code/js-eval reviewed",
    ]);
    expect(invalid).toEqual([]);
    expect(directives).toEqual([
      { line: 5, ruleId: 'code/js-eval', reason: 'reviewed, fixed input' },
      { line: 6, ruleId: 'code/xss', reason: 'escaped by the caller' },
      { line: 7, ruleId: 'code/sql', reason: 'reviewed' },
      { line: 8, ruleId: 'code/js-eval', reason: 'reviewed' },
    ]);
  });

  it('reads a comment after an escaped quote, a regex literal or an apostrophe in a word', () => {
    const js = parseDirectives('src/a.js', [
      "x = 'it\\'s'; // vanguard-ignore: code/js-eval reviewed",
      'if (/[\'"]/.test(s)) eval(s) // vanguard-ignore: code/js-eval reviewed',
      'y = a / b / c; // vanguard-ignore: code/js-eval reviewed',
    ]);
    expect(js.directives.map((d) => d.line)).toEqual([1, 2, 3]);
    const jsx = parseDirectives('src/a.jsx', [
      'const el = <p>{html}</p>; // vanguard-ignore: code/xss reviewed',
      'const f = <Foo bar={1}/>; // vanguard-ignore: code/xss reviewed',
      'const t = (s) => /[\'"]/.test(s); // vanguard-ignore: code/x reviewed',
    ]);
    expect(jsx.directives.map((d) => d.line)).toEqual([1, 2, 3]);
    const yaml = parseDirectives('deploy.yaml', [
      "note: don't # vanguard-ignore: secrets/generic example value",
    ]);
    expect(yaml.directives).toEqual([{ line: 1, ruleId: 'secrets/generic', reason: 'example value' }]);
    const md = parseDirectives('README.md', [
      "Don't commit this <!-- vanguard-ignore: secrets/x example -->",
    ]);
    expect(md.directives).toEqual([{ line: 1, ruleId: 'secrets/x', reason: 'example' }]);
    const py = parseDirectives('a.py', [
      "'''don't''' # vanguard-ignore: code/a reviewed",
      "x = f'# vanguard-ignore: code/b in a string'",
    ]);
    expect(py.directives.map((d) => d.ruleId)).toEqual(['code/a']);
  });

  it('does not take a statement separator or an operator in code for a comment opener', () => {
    const { directives, invalid } = parseDirectives('src/a.ts', [
      "foo(); const s = 'vanguard-ignore: code/x in a string';",
    ]);
    const py = parseDirectives('a.py', ["print('%d' % n, 'vanguard-ignore: code/x in a string')"]);
    expect([...directives, ...invalid, ...py.directives, ...py.invalid]).toEqual([]);
    // Where they do open comments (INI, Lisp, TeX), they still count.
    expect(
      parseDirectives('setup.ini', ['a = 1 ; vanguard-ignore: secrets/x sample']).directives,
    ).toHaveLength(1);
    expect(parseDirectives('paper.tex', ['% vanguard-ignore: secrets/x sample']).directives).toHaveLength(1);
  });

  it('takes the place of an analyzer’s by-design suppression, and counts as used; not of an exception', () => {
    const directives = [{ line: 3, ruleId: 'code/js-path-traversal', reason: 'reviewed: behind the login' }];
    const at = (kind: 'by-design' | 'exception') => ({
      ruleId: 'code/js-path-traversal',
      location: { path: 'f', startLine: 4 },
      suppression: { kind, reason: 'analyzer' },
    });
    const byDesign = at('by-design');
    expect(applyDirectives([byDesign], directives)).toEqual(new Set([0]));
    expect(byDesign.suppression).toEqual({ kind: 'inline', reason: 'reviewed: behind the login' });
    const exception = at('exception');
    expect(applyDirectives([exception], directives).size).toBe(0);
    expect(exception.suppression.kind).toBe('exception');
  });

  it('matches exact ids and folder wildcards only', () => {
    expect(ruleMatches('secrets/*', 'secrets/aws-access-key')).toBe(true);
    expect(ruleMatches('secrets/aws', 'secrets/aws-access-key')).toBe(false);
    expect(ruleMatches('code/*', 'secrets/x')).toBe(false);
  });

  it('stays linear on a hostile line', () => {
    const line = `// vanguard-ignore: ${'a'.repeat(200_000)}`;
    const t0 = Date.now();
    parseDirectives('f', [line]);
    parseDirectives('a.js', ['=/['.repeat(70_000) + ' // vanguard-ignore: a b', "a'".repeat(100_000)]);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
