import { parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { filterPasses } from './char-filters.js';
import { languageOf } from './languages.js';

/** Whether `validator.<name>(q, <chars>)`, written in JavaScript, passes a regular expression's metacharacters on. */
function passes(name: string, chars: string): boolean {
  const text = `validator.${name}(q, ${chars});`;
  const call = parse(languageOf('js')!.lang, text)
    .root()
    .find({ rule: { kind: 'call_expression' } })!;
  return filterPasses(call, name, 'regex');
}

describe('filterPasses for a regular expression', () => {
  it('takes a blacklist of every metacharacter as cleaning, and one that leaves some as passing them on', () => {
    expect(passes('blacklist', String.raw`'\\\\^$.|?*+()\\[\\]{}'`)).toBe(false);
    expect(passes('blacklist', `'&\\'"/'`)).toBe(true);
    expect(passes('whitelist', `'a-zA-Z0-9 '`)).toBe(false);
    expect(passes('whitelist', String.raw`'\\w.'`)).toBe(true);
  });

  it("reads the characters as the string's value, not as its source text", () => {
    // The value is `\^$.|?*+()\[\]{}`: validator's `[…]+` reads `\^`, `\[` and `\]` as the characters
    // themselves, so a backslash is left in place, which the source text's `\\` seemed to remove.
    expect(passes('blacklist', String.raw`'\\^$.|?*+()\\[\\]{}'`)).toBe(true);
    expect(passes('blacklist', String.raw`'\x5c\\^$.|?*+()\\[\\]{}'`)).toBe(false);
  });
});
