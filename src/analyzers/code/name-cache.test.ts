import { describe, expect, it } from 'vitest';
import type { SgNode } from '@ast-grep/napi';
import { parse, Lang } from '@ast-grep/napi';
import { NameCaches } from './name-cache.js';

const calls = parse(Lang.JavaScript, 'f(a); f(a); g(b);')
  .root()
  .findAll({ rule: { kind: 'call_expression' } });
const [c1, c2, c3] = calls as [SgNode, SgNode, SgNode];

describe('NameCaches', () => {
  it('keeps one cache per list of bound calls: the same function at the same call shares it', () => {
    const caches = new NameCaches();
    const a = caches.under([{ fn: 7, call: c1, name: 'f' }]);
    expect(caches.under([{ fn: 7, call: c1, name: 'f' }])).toBe(a);
    // Another call of the same function binds other argument nodes; another function at the call, other parameters.
    expect(caches.under([{ fn: 7, call: c2, name: 'f' }])).not.toBe(a);
    expect(caches.under([{ fn: 8, call: c1, name: 'f' }])).not.toBe(a);
    expect(
      caches.under([
        { fn: 7, call: c1, name: 'f' },
        { fn: 9, call: c3, name: 'g' },
      ]),
    ).not.toBe(a);
  });

  it('shares the unbound cache, and callers-only lists by their length', () => {
    const caches = new NameCaches();
    expect(caches.under([])).toBe(caches.top);
    const one = caches.under([{ fn: -1, call: c1, name: 'f' }]);
    expect(caches.under([{ fn: -1, call: c3, name: 'g' }])).toBe(one);
    expect(
      caches.under([
        { fn: -1, call: c1, name: 'f' },
        { fn: -1, call: c2, name: 'f' },
      ]),
    ).not.toBe(one);
  });
});
