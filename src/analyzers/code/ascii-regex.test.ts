import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lang, parse } from '@ast-grep/napi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiCaseless, asciiClasses, withAsciiClasses } from './ascii-regex.js';
import { rulesFor } from './index.js';

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

  it('makes (?i) fold ASCII letters only where the regex stays valid, matching the same nodes of real code', () => {
    expect(asciiCaseless('(?i)(md5|sha1)')).toBe('(?i-u)(md5|sha1)');
    expect(asciiCaseless('^x(?i:ab)')).toBe('^x(?i-u:ab)');
    for (const kept of ['(?i)a.b', '(?i)[^a]b', '(?i)\\p{L}x', '(?i)\\xffx', '(?i)é', 'md5'])
      expect(asciiCaseless(kept)).toBe(kept);
    const caseless = new Set<string>();
    const visit = (v: unknown): void => {
      if (typeof v === 'string') return;
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v))
          if (k === 'regex' && typeof x === 'string' && x.includes('(?i-u')) caseless.add(x);
          else visit(x);
    };
    visit(rulesFor().set.rules);
    expect(caseless.size).toBeGreaterThan(10);
    const dir = join(import.meta.dirname, '../../../test/fixtures/code-labelled/js');
    let hits = 0;
    for (const name of readdirSync(dir)) {
      const root = parse(Lang.Tsx, readFileSync(join(dir, name), 'utf8')).root();
      for (const re of caseless) {
        for (const kind of ['identifier', 'property_identifier', 'string', 'member_expression', 'pair']) {
          const ids = (r: string): number[] => root.findAll({ rule: { kind, regex: r } }).map((n) => n.id());
          const unicode = ids(re.replace(/\(\?i-u/g, '(?i'));
          expect(ids(re), `${name}: ${kind} ${re}`).toEqual(unicode);
          hits += unicode.length;
        }
      }
    }
    expect(hits).toBeGreaterThan(20);
  });
});
