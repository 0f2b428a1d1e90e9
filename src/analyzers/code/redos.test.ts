import { describe, expect, it } from 'vitest';
import { catastrophicBacktracking } from './redos.js';
import { intersection, intersects, negate, union, withCase } from './redos-chars.js';

const js = (p: string, flags = ''): boolean => catastrophicBacktracking(p, flags, 'js') !== undefined;
const py = (p: string, flags = ''): boolean => catastrophicBacktracking(p, flags, 'python') !== undefined;

describe('exponential backtracking', () => {
  // Published ReDoS patterns (OWASP's examples, an e-mail check, nested and overlapping loops) and their
  // repaired forms.
  it.each([
    '(a+)+b',
    '(a+)+$',
    '(a*)*b',
    '(a|a)*b',
    '(a|aa)+$',
    '(x+x+)+y',
    '(a*b*)*c',
    '^(\\w+\\s?)*$',
    '^(\\d+)*$',
    '(\\d+|\\w+)*!',
    '^(([a-z])+.)+[A-Z]([a-z])+$',
    '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
    '(.*){1,32000}[bc]',
    '[/]([A-Za-z\\s\\d~$._-]+\\.\\w+){1,}$',
    '"((?:\\\\["\\\\]|[^"])+)"',
    '([0-9]{0,3})*x',
  ])('reports %s', (p) => expect(js(p)).toBe(true));

  it.each([
    'a+b',
    '(a+)+',
    '(a|b)*c',
    '(ab|a)*c',
    '^\\w+(\\s\\w+)*$',
    '"(?:[^"\\\\]|\\\\.)*"',
    '^(\\d{1,3}\\.){3}\\d{1,3}$',
    '^v?(\\d+)\\.(\\d+)\\.(\\d+)(-[\\w.]+)?$',
    '(?:\\s|\\/\\/.*|\\/\\*[^]*?\\*\\/)*',
    '^(\\s|\\/\\*([^*]|\\*(?!\\/))*?\\*\\/)*[\\[\\(\\w]',
    '^[a-z][a-z0-9-]*(?:\\s+[a-z_:.\\-]+(?:\\s*=\\s*[^>]+)?)*\\s*(?:>|$)',
    '^([0-9]{1,3}\\.)*x$',
    '(\\.\\d+)+$',
  ])('leaves %s alone', (p) => expect(js(p)).toBe(false));

  it('reads flags: case folding makes two classes overlap', () => {
    expect(js('([a-z]+[A-Z]+)+$')).toBe(false);
    expect(js('([a-z]+[A-Z]+)+$', 'i')).toBe(true);
  });

  it('reads the end anchor per line with the m flag', () => {
    // Without m, `$` must be the end, which `[^\n]` never reaches past a line break; with m it can be.
    expect(js('(a|a)*$')).toBe(true);
    expect(js('(a|a)*$', 'm')).toBe(true);
  });

  it('never reports what it cannot read exactly', () => {
    expect(js('(\\w+)\\1(a+)+b')).toBe(false); // back-reference
    expect(js('(\\p{L}+)+b', 'u')).toBe(false); // property class
    expect(js('([a-z]--[aeiou]+)+b', 'v')).toBe(false); // set operations
    expect(js('((?!x).+)+b')).toBe(false); // a lookaround inside a loop
    expect(js('(a+)+b(')).toBe(false); // not a regular expression
    expect(py('(?x) (a+)+ b')).toBe(false); // verbose
    expect(py('(a++)+b')).toBe(false); // possessive
  });

  it('reads Python syntax', () => {
    expect(py('(?P<word>\\w+\\s?)*$')).toBe(true);
    expect(py('(?i)([a-z]+[A-Z]+)+$')).toBe(true);
    expect(py('(?P<word>\\w+)(?P=word)')).toBe(false);
    expect(py('\\A(a|a)*\\Z')).toBe(true);
  });

  it('says which part repeats and on what text', () => {
    const v = catastrophicBacktracking('^(\\w+\\s?)*$', '', 'js')!;
    expect(v.part).toBe('(\\w+\\s?)*');
    expect(v.example).toMatch(/^\w{2,}/);
  });

  it('stays fast on large patterns and gives up on huge ones', () => {
    const alternatives = Array.from({ length: 120 }, (_, i) => `w${i}x`).join('|');
    const started = performance.now();
    expect(js(`(?:${alternatives})+$`)).toBe(false);
    expect(js(`(${'a?'.repeat(400)})+b`)).toBe(false);
    expect(js('x'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('character sets', () => {
  it('unites, negates, intersects and folds case', () => {
    expect(union([[5, 9]], [[0, 4]])).toEqual([[0, 9]]);
    expect(negate([[0, 9]])[0]).toEqual([10, 0x10ffff]);
    expect(intersects([[0, 3]], [[3, 5]])).toBe(true);
    expect(intersects([[0, 2]], [[3, 5]])).toBe(false);
    expect(intersection([[0, 10]], [[5, 20]])).toEqual([[5, 10]]);
    expect(withCase([[97, 99]])).toEqual([
      [65, 67],
      [97, 99],
    ]);
  });
});
