import { describe, expect, it } from 'vitest';
import { constCopies, holdsForEachOf } from './text-scans.js';
import { validatorArgNames } from './own-validators.js';

/** What the per-name scans these replace gave. */
const perName = (text: string, x: string): string[] =>
  [...text.matchAll(new RegExp(`\\bconst\\s+${x.replace(/\$/g, '\\$')}\\s*=\\s*([\\w$.]+)`, 'g'))].map(
    (c) => c[1]!,
  );

const TEXTS = [
  'const a = b; const a = c.d; let a = e; const  $x=$y.z\nconst ab = q',
  // A value that ends in `const`: the next match of the same name starts inside it and is left out, another name's is not.
  'const a = x.const a = y; const b = w.const c = v',
  'xconst a = b; $const a = c; const\ta\n=\nd; const a = ; const a=1.5',
  'const a = b;'.repeat(3) + 'const_a = c; const a2 = a; const $ = jQuery',
];

describe('text-scans', () => {
  it('gives each name the const copies its own regex scan gives', () => {
    for (const text of TEXTS) {
      const key = {};
      const names = new Set([...text.matchAll(/[\w$]+/g)].map((m) => m[0]));
      for (const x of names) expect(constCopies(key, text, x), `${x} in ${text}`).toEqual(perName(text, x));
    }
  });

  it('answers name.forEach as includes does, also for a name that ends another', () => {
    const text = 'items.forEach(f); xs.forEach; a.b.forEach(g); .forEach(';
    const key = {};
    for (const x of ['items', 'tems', 'xs', 's', 'b', 'a.b', 'c', '', 'items.forEach(f); xs'])
      expect(holdsForEachOf(key, text, x), x).toBe(text.includes(`${x}.forEach`));
  });

  it('scans again when the same key is asked with another text', () => {
    const key = {};
    expect(constCopies(key, 'const a = b', 'a')).toEqual(['b']);
    expect(constCopies(key, 'const a = c', 'a')).toEqual(['c']);
    expect(holdsForEachOf(key, 'a.forEach', 'a')).toBe(true);
    expect(holdsForEachOf(key, 'b.forEach', 'a')).toBe(false);
  });

  it('reads the names passed to validators once per text', () => {
    const key = {};
    expect(validatorArgNames(key, 'if (!isValid(a, b.c)) return')).toEqual(['a', 'b.c']);
    expect(validatorArgNames(key, 'if (!isValid(a, b.c)) return')).toEqual(['a', 'b.c']);
    expect(validatorArgNames(key, 'checkPath(p)')).toEqual(['p']);
  });
});
