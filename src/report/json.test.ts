import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJson, safeJsonChunks } from './json.js';

const joined = (v: unknown): string => [...safeJsonChunks(v, 2)].join('');

describe('safeJsonChunks', () => {
  it('gives exactly the text of safeJson for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(joined(v)).toBe(safeJson(v, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it('splits long arrays and the members of objects, with what JSON.stringify leaves out', () => {
    const finding = (i: number) => ({
      ruleId: `r/${i}`,
      message: `a \u202e bidi override, a line separator \u2028 and a C1 control \u0085 in ${i}`,
      skipped: undefined,
      nested: { list: [1, 2, { deep: [] }], empty: {} },
    });
    const value = {
      findings: Array.from({ length: 300 }, (_, i) => finding(i)),
      inventory: { components: Array.from({ length: 100 }, (_, i) => ({ name: `p${i}` })), edges: [] },
      holes: [...Array.from({ length: 70 }, () => undefined), () => 1, 'x'],
      when: new Date(0),
      gone: undefined,
      empty: {},
      none: null,
    };
    const chunks = [...safeJsonChunks(value, 2)];
    expect(chunks.join('')).toBe(safeJson(value, 2));
    // Written in pieces: no piece holds more than one finding.
    expect(chunks.length).toBeGreaterThan(300);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(400);
    expect(chunks.join('')).not.toMatch(/[\u2028\u202e\u0085]/);
  });
});
