import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesFor } from './index.js';
import { WordIndex } from './text-facts.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/code-labelled');

describe('WordIndex', () => {
  it('answers as `includes` does, for every trigger word of the rules on real code', () => {
    const rules = rulesFor();
    for (const family of ['javascript', 'python'] as const) {
      const words = rules.family(family).rules.flatMap((r) => [...r.triggers, ...r.requires]);
      const index = new WordIndex(words);
      for (const dir of ['js', 'python']) {
        for (const name of readdirSync(join(FIXTURES, dir))) {
          const text = readFileSync(join(FIXTURES, dir, name), 'utf8');
          const present = words.filter((w) => text.includes(w));
          expect(present.length).toBeGreaterThan(0);
          expect(words.filter((w) => index.has(text, w))).toEqual(present);
        }
      }
    }
  });

  it('sees words that overlap, start together or contain each other', () => {
    const words = ['exec', 'execSync', 'ab', 'bc', 'c.d', '[', '.html(', 'zz'];
    const index = new WordIndex(words);
    const text = 'x.execSync(abc.d); q[1]; $(e).html(y)';
    expect(words.filter((w) => index.has(text, w))).toEqual(words.filter((w) => text.includes(w)));
    // A word the index was not built with is looked up directly.
    expect(index.has(text, 'q[1]')).toBe(true);
    expect(index.has(text, 'nope')).toBe(false);
  });
});
