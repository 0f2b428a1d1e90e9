import fc from 'fast-check';
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
    expect(py('(a++)+b')).toBe(false); // possessive
  });

  it('reads Python syntax', () => {
    expect(py('(?x) (a+)+ b  # the comment is not read')).toBe(true);
    expect(py('(a | a)+$', 'x')).toBe(true);
    expect(py('(a | a)+$')).toBe(false); // without verbose, 'a ' and ' a' are different texts
    expect(py('(?P<word>\\w+\\s?)*$')).toBe(true);
    expect(py('(?i)([a-z]+[A-Z]+)+$')).toBe(true);
    expect(py('(?P<word>\\w+)(?P=word)')).toBe(false);
    expect(py('\\A(a|a)*\\Z')).toBe(true);
  });

  it('says which part repeats and on what text', () => {
    const v = catastrophicBacktracking('^(\\w+\\s?)*$', '', 'js')!;
    expect(v.part).toBe('(\\w+\\s?)*');
    expect(v.pump).toMatch(/^\w{2,}/);
    // The attack it describes does take exponential time in this very engine.
    // Built from a variable, so this repository's own scan does not report the test's deliberate ReDoS.
    const source = '^(\\w+\\s?)*$';
    const re = new RegExp(source);
    const time = (n: number): number => {
      const input = v.prefix + v.pump.repeat(n) + v.suffix;
      const started = performance.now();
      re.test(input);
      return performance.now() - started;
    };
    time(4);
    // 12 rounds take about 0.1 s here and 14 about 2 s: keep the test short.
    expect(time(12)).toBeGreaterThan(8 * Math.max(time(6), 0.05));
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

describe('hostile patterns', () => {
  it('never throws or hangs on any text, for either flavor', () => {
    const piece = fc.constantFrom(
      '(',
      ')',
      '(?:',
      '(?=',
      '(?<n>',
      '(?P<n>',
      '[',
      ']',
      '[^',
      '\\',
      '\\d',
      '\\w',
      '\\s',
      '\\b',
      '\\1',
      '\\x4',
      '\\u{1F6',
      '*',
      '+',
      '?',
      '{',
      '}',
      '{2,',
      '{1,3}',
      '|',
      '^',
      '$',
      '.',
      'a',
      'b',
      '-',
      '#',
      ' ',
      '\n',
    );
    const pattern = fc.oneof(
      fc.string(),
      fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(
        pattern,
        fc.constantFrom('', 'i', 'm', 's', 'u', 'x'),
        fc.constantFrom('js', 'python'),
        (p, f, flavor) => {
          const started = performance.now();
          catastrophicBacktracking(p, f, flavor);
          return performance.now() - started < 500;
        },
      ),
      { numRuns: 3000 },
    );
  });
});
