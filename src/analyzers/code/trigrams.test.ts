import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holds } from './regex-needs.js';
import { mayOccur, TRIGRAMS_FROM_CHARS } from './trigrams.js';

const DIR = new URL('./', import.meta.url);
// Real program text past the threshold, with some non-ASCII characters (which share bits of the table).
const text = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .slice(0, 40)
  .map((f) => readFileSync(new URL(f, DIR), 'utf8'))
  .join('\n')
  .concat('\nconst s = "ſ Kelvin K €uro — ünïcödé";\n');

describe('mayOccur', () => {
  it('never rules out a word the text holds, and rules out most it lacks', () => {
    expect(text.length).toBeGreaterThan(TRIGRAMS_FROM_CHARS);
    const words = new Set<string>();
    for (let i = 0; i + 12 < text.length; i += 97)
      for (const n of [3, 5, 8, 12]) words.add(text.slice(i, i + n));
    for (const w of words) expect(mayOccur(text, w), w).toBe(true);
    let ruledOut = 0;
    const absent = [
      'createDecipheriv',
      'writeHead(',
      'Location',
      'node-serialize',
      'ünïcödé!',
      'xq_zvj',
      '€uro —x',
    ];
    for (const w of absent) {
      const may = mayOccur(text, w);
      if (!may) ruledOut++;
      // Ruled out only when absent.
      if (!may) expect(text.includes(w), w).toBe(false);
    }
    expect(ruledOut).toBeGreaterThan(3);
  });

  it('answers every word of a text it was not built for, and short texts and words, by a search', () => {
    expect(mayOccur('abc', 'zzz')).toBe(true);
    expect(mayOccur(text, 'zq')).toBe(true);
    const other = `${'x'.repeat(TRIGRAMS_FROM_CHARS)} createDecipheriv`;
    expect(mayOccur(text, 'createDecipheriv')).toBe(text.includes('createDecipheriv'));
    expect(mayOccur(other, 'createDecipheriv')).toBe(true);
    expect(mayOccur(text, 'createDecipheriv')).toBe(text.includes('createDecipheriv'));
  });

  it('leaves holds answering as includes does', () => {
    const words = [
      'createServer',
      'export function',
      'mayOccur',
      'nosuchword_',
      'Kelvin K',
      '\u0000kelvin k',
    ];
    for (const w of words) {
      const expected = w.startsWith('\u0000') ? text.toLowerCase().includes(w.slice(1)) : text.includes(w);
      expect(holds(text, w), w).toBe(expected);
    }
  });
});
