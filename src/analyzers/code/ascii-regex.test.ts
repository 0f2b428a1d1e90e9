import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiClasses, withAsciiClasses } from './ascii-regex.js';

describe('asciiClasses', () => {
  it('spells Perl classes as ASCII classes, inside and outside brackets', () => {
    expect(asciiClasses('^\\w+$')).toBe('^[0-9A-Za-z_]+$');
    expect(asciiClasses('[\\w.]*')).toBe('[0-9A-Za-z_.]*');
    expect(asciiClasses('a\\s*=\\s*\\d')).toBe('a[\\t\\n\\x0B\\f\\r ]*=[\\t\\n\\x0B\\f\\r ]*[0-9]');
    expect(asciiClasses('\\W\\S\\D')).toBe('[^0-9A-Za-z_][^\\t\\n\\x0B\\f\\r ][^0-9]');
    expect(asciiClasses('[^\'"\\s]{4,}')).toBe('[^\'"\\t\\n\\x0B\\f\\r ]{4,}');
    expect(asciiClasses('\\bfoo\\B')).toBe('(?-u:\\b)foo(?-u:\\B)');
  });

  it('leaves escaped backslashes, other escapes and bracket literals alone', () => {
    expect(asciiClasses('\\\\w')).toBe('\\\\w');
    expect(asciiClasses('\\.\\(\\$')).toBe('\\.\\(\\$');
    expect(asciiClasses('[]\\w]')).toBe('[]0-9A-Za-z_]');
    expect(asciiClasses('[^]\\w]x\\w')).toBe('[^]0-9A-Za-z_]x[0-9A-Za-z_]');
    // A negated class inside brackets cannot be spelled out: it stays as written.
    expect(asciiClasses('[\\W.]')).toBe('[\\W.]');
    expect(asciiClasses('(?i)^abc$')).toBe('(?i)^abc$');
  });

  it('matches the same ASCII text as the regex it came from', () => {
    // JavaScript's \w, \d and \b are ASCII already; its \s is wider, so the texts stay within ASCII.
    // (A `]` first in brackets is a literal in Rust and an empty class in JavaScript: not compared here.)
    const regexes = [
      '^[\\w.]+\\.(execute|raw)\\(',
      '(^|\\W)pass\\w*\\s*=\\s*\\d+',
      '\\bkey\\b[^\'"\\s]{2,}',
      '^\\S+\\s\\D$',
    ];
    // JavaScript has no `(?-u:…)` group; its \b is the ASCII one the group asks for.
    const js = (re: string): RegExp => new RegExp(asciiClasses(re).replace(/\(\?-u:(\\[bB])\)/g, '$1'));
    const ascii = fc.string({ unit: fc.constantFrom(...'ab_9 .=\t\n"\'()executraw]pskey1'.split('')) });
    fc.assert(
      fc.property(fc.constantFrom(...regexes), ascii, (re, text) => {
        expect(js(re).test(text)).toBe(new RegExp(re).test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('rewrites every regex of a matcher: rule, constraints and utils', () => {
    const m = withAsciiClasses({
      rule: { any: [{ pattern: '$A($B)', regex: '^\\w+\\(' }] },
      constraints: { B: { regex: '\\d' } },
      utils: { u: { kind: 'string', not: { regex: '\\s' } } },
    });
    expect(JSON.stringify(m)).not.toMatch(/\\\\[wds]/);
    expect(m.rule).toEqual({ any: [{ pattern: '$A($B)', regex: '^[0-9A-Za-z_]+\\(' }] });
  });
});
