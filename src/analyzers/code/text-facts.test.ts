import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesFor } from './index.js';
import { compileTrigger } from './sources.js';
import { passes, WordIndex } from './text-facts.js';

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

describe('passes', () => {
  it('answers as the trigger does on the text, for every source trigger and prefilter of the rules', () => {
    const rules = rulesFor([], 'audit');
    const tests = [
      ...['javascript', 'python'].flatMap((f) =>
        [...rules.family(f as 'javascript').sources.values()].flatMap((s) => s.triggers ?? []),
      ),
      ...rules.set.rules.flatMap((r) => (r.prefilter ? [r.prefilter] : [])),
    ];
    expect(tests.length).toBeGreaterThan(20);
    const texts = ['js', 'python'].flatMap((dir) =>
      readdirSync(join(FIXTURES, dir)).map((name) => readFileSync(join(FIXTURES, dir, name), 'utf8')),
    );
    // Text outside ASCII: re2 is handed the UTF-8 bytes, offsets and classes must still line up.
    texts.push('const é = "ü"; app.get(\'/x\', (req, res) => res.send(req.query.ñ)) // 😀 \ud800');
    let hits = 0;
    for (const text of texts)
      for (const t of tests) {
        expect(passes(text, t)).toBe(t.test(text));
        if (t.test(text)) hits++;
      }
    expect(hits).toBeGreaterThan(10);
  });

  it('reads characters outside ASCII as re2 does on the string', () => {
    const t = compileTrigger('^.{3}ß\\b');
    for (const text of ['aéüß x', 'abcß', 'ab😀ß', 'éééßa'])
      expect([text, passes(text, t)]).toEqual([text, t.test(text)]);
  });
});
