import { describe, expect, it } from 'vitest';
import { Lang, parse } from '@ast-grep/napi';
import { overwritesIn } from './guard-overwrites.js';

const lefts = (code: string) => [...overwritesIn(parse(Lang.JavaScript, code).root(), false).keys()];

describe('overwritesIn', () => {
  it('keeps a value made from the name itself or a literal, and reports one that replaces it', () => {
    expect(lefts("f = f.trim(); g = ''; h += '.css'; k = req.query.k;")).toEqual(['k']);
  });
  it('reads a left side of any shape, regex metacharacters and all (a bundle sets a header by a joined name)', () => {
    const code = `req.headers['x-forwarded-' + header] = req.headers['x-forwarded-' + header] || value;
a[(i)] = b[i] * 2; o.p$ = o.p$.concat(x);`;
    expect(() => lefts(code)).not.toThrow();
    expect(lefts(code)).toEqual(['a[(i)]']);
  });
});
