import { describe, expect, it } from 'vitest';
import { mayMatch } from './match-words.js';
import { holds, regexNeeds } from './regex-needs.js';
import type { Matcher } from './rule-schema.js';

/** Whether `text` holds one literal of each list `re` needs. */
const satisfies = (re: string, text: string): boolean =>
  regexNeeds(re).every((set) => set.some((lit) => holds(text, lit)));

describe('regexNeeds', () => {
  it('joins literals, alternatives and escapes into the strings a match must contain', () => {
    expect(regexNeeds('^(window|self)\\.eval\\(')).toEqual([['self.eval(', 'window.eval(']]);
    expect(regexNeeds('^[0-9A-Za-z_$]+\\.(exec|execSync)\\(')).toEqual([['.exec(', '.execSync(']]);
    expect(regexNeeds('https?://x')).toEqual([['http://x', 'https://x']]);
    // A literal that holds another of its list is left out (req.files holds req.file); short lists first.
    expect(regexNeeds('^(req|request)\\.files?(?-u:\\b).*\\.(path|filepath|file_path)')).toEqual([
      ['req.file', 'request.file'],
      ['.path', '.filepath', '.file_path'],
    ]);
    expect(regexNeeds('(?i)(sql|MySQL)')).toEqual([['\0sql']]);
    expect(regexNeeds('(sql|(?i)MySQL)')).toEqual([['sql', '\0mysql']]);
    expect(regexNeeds('\\x27secret\\x27')).toEqual([["'secret'"]]);
  });

  it('looks for case-insensitive parts in the lowered text', () => {
    expect(regexNeeds('(?i-u)(^db$|conn)')).toEqual([['\0db', '\0conn']]);
    expect(satisfies('(?i-u)(^db$|conn)', 'const DB = open()')).toBe(true);
    expect(satisfies('(?i-u)(^db$|conn)', 'const x = open()')).toBe(false);
    expect(satisfies('(?i)secret', 'SECRET')).toBe(true);
    // The long s folds to s in a case-insensitive Unicode regex.
    expect(satisfies('(?i)secret', '\u017fecret')).toBe(true);
    // A case-sensitive part before the flag is kept as written.
    expect(regexNeeds('ab(?i)cd')).toEqual([['\0abcd']]);
    expect(regexNeeds('(?i:x)Σy')).toEqual([['Σy']]);
  });

  it('needs nothing of what it cannot read or what may be absent', () => {
    for (const re of ['a(?=b)', '(?x)ab cd', '\\+', '[^A-Za-z_]', '(ab)*', 'x|yz', '(?i)é', 'a{', '\\k<n>'])
      expect(regexNeeds(re), re).toEqual([]);
    // An optional part is an alternative with the empty string; a repeated one is needed once.
    expect(regexNeeds('ab?c')).toEqual([['ac', 'abc']]);
    expect(regexNeeds('(ab)+cd')).toEqual([['ab'], ['cd']]);
    expect(regexNeeds('[a-z]x[[:alpha:]]yz[]]')).toEqual([['yz']]);
  });

  it('reads a `[:` that opens no ASCII class as a nested class, and ends on an unclosed `\\x{`', () => {
    // `[[:a]]` is a class holding a nested class of `:` and `a` (Rust reads it so): the `:]` further on is
    // no part of it. Both regexes once sent the reader back to an earlier position, for ever; the reader now
    // throws (RegexReaderError) on any move back, so such a slip fails here instead of hanging.
    expect(regexNeeds('[[:a]]xy(zz:]|q)')).toEqual([['xyq', 'xyzz:]']]);
    expect(regexNeeds('[[:a]]xyz')).toEqual([['xyz']]);
    expect(regexNeeds('ab\\x{41')).toEqual([]);
    expect(regexNeeds('ab\\p{Greek')).toEqual([]);
  });

  it('never rules out a text the regex matches (regexes JavaScript reads the same way)', () => {
    const cases: [string, string[]][] = [
      ['^(fetch|axios\\.(get|post))\\(', ['fetch(u)', 'axios.post(u, b)']],
      ['(^db$|database|Db$)', ['db', 'userdatabase', 'userDb']],
      ['^[0-9A-Za-z_.]*\\.(chmod|chmodSync)\\(', ['fs.chmod(p, 0o777)', 'x.y.chmodSync(p)']],
      ['^[\'"]https?://[^/\'"]+/', ['"http://a/b"', "'https://x.y/'"]],
      ['\\.digest\\([^)]*\\)\\s*\\.(?:slice|substr)\\(', ['h.digest("hex") .slice(0, 8)']],
      ['a?b?c?', ['', 'x']],
    ];
    for (const [re, texts] of cases)
      for (const t of texts) {
        expect(new RegExp(re).test(t), `${re} on ${t}`).toBe(true);
        expect(satisfies(re, t), `${re} on ${t}`).toBe(true);
      }
  });
});

describe('mayMatch with regex literals', () => {
  it("rules out a matcher whose regex's literals are not in the text", () => {
    const m: Matcher = { rule: { kind: 'call_expression', regex: '^(fetch|got)\\(' } };
    expect(mayMatch(m, 'fetchData(x); got.get(u)')).toBe(false);
    expect(mayMatch(m, 'await fetch(u)')).toBe(true);
  });

  it("reads a constraint's regex when every match binds its metavariable", () => {
    const m: Matcher = {
      rule: { pattern: '$DB.get($$$)' },
      constraints: { DB: { regex: '(?i-u)(^db$|database|sqlite)' } },
    };
    expect(mayMatch(m, 'cache.get(k)')).toBe(false);
    expect(mayMatch(m, 'SQLite.get(k)')).toBe(true);
    // Inside a string, or not in the pattern, the metavariable may be unbound: nothing is required.
    const quoted: Matcher = { rule: { pattern: "f('$DB')" }, constraints: { DB: { regex: 'sqlite' } } };
    expect(mayMatch(quoted, "f('x')")).toBe(true);
    const elsewhere: Matcher = {
      rule: { any: [{ pattern: 'g($DB)' }, { pattern: 'h()' }] },
      constraints: { DB: { regex: 'sqlite' } },
    };
    expect(mayMatch(elsewhere, 'g(x); h()')).toBe(true);
  });
});
