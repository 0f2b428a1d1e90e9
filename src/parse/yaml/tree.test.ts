import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../core/errors.js';
import { fuzzParams } from '../../../test/helpers/fuzz.js';
import { DEFAULT_LIMITS } from './bounds.js';
import { docsFromCst } from './cst-tree.js';
import type { YNode } from './tree.js';
import { parseWithComposer, parseYamlDocs } from './tree.js';

/** Plain data plus every line number, to compare the two builders. */
function shape(n: YNode | undefined, depth = 0): unknown {
  if (!n || depth > 20) return null;
  if (n.kind === 'scalar') return [n.line, n.value];
  if (n.kind === 'seq') return [n.line, n.items.map((i) => shape(i, depth + 1))];
  return [n.line, [...n.entries.values()].map((e) => [e.key, e.keyLine, shape(e.value, depth + 1)])];
}

const SAMPLE = `# comment
a: &anc
  b: 1
  c: [x, "y", 'z', 2.5, true, null, ~]
  d: |
    line1
    line2
e: *anc
f:
  <<: *anc
  b: 2
g:
  - name: n
    value: "on"
  - plain
  - { k: v, "q": 0x1F }
---
second: doc
`;

describe('YAML line tree', () => {
  it('builds the same tree from the CST as from the composer', () => {
    const fast = docsFromCst(SAMPLE, DEFAULT_LIMITS);
    expect(fast).toBeDefined();
    expect(fast!.map((d) => shape(d.root))).toEqual(
      parseWithComposer(SAMPLE, DEFAULT_LIMITS).map((d) => shape(d.root)),
    );
  });

  it('agrees with the composer on arbitrary data', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(value, fc.boolean(), (v, flow) => {
        const text = stringify(v, { collectionStyle: flow ? 'flow' : 'block' });
        const fast = docsFromCst(text, DEFAULT_LIMITS);
        expect(fast).toBeDefined();
        expect(fast!.map((d) => shape(d.root))).toEqual(
          parseWithComposer(text, DEFAULT_LIMITS).map((d) => shape(d.root)),
        );
      }),
      fuzzParams('yaml tree vs composer', 500),
    );
  });

  it('reads no item from a comment after a sequence, `[ ]` or a trailing comma, as the composer does', () => {
    for (const text of [
      'ignore:\n  - a\n  # - b\nx: 1\n',
      'a:\n  - x\n\n  # c\n\nb: 1',
      'a:\n  b:\n    - x\n    # c\n  d: 1',
      'a: [ ]',
      'a: [a, b, ]',
      'a: {a: 1, }',
    ]) {
      const fast = docsFromCst(text, DEFAULT_LIMITS);
      expect(fast, text).toBeDefined();
      expect(
        fast!.map((d) => shape(d.root)),
        text,
      ).toEqual(parseWithComposer(text, DEFAULT_LIMITS).map((d) => shape(d.root)));
    }
    expect(shape(parseYamlDocs('ignore:\n  - a\n  # - b\n')[0]!.root)).toEqual([
      1,
      [['ignore', 1, [2, [[2, 'a']]]]],
    ]);
  });

  it('refuses empty entries between commas', () => {
    for (const text of ['a: [a, , b]', 'a: [,]', 'a: {a: 1, , b: 2}'])
      expect(() => parseYamlDocs(text), text).toThrow(ParseError);
  });

  it('falls back to the composer for syntax errors and reports the line', () => {
    for (const [text, line] of [
      ['a: 1\nb: [1, 2\n', 3],
      ['a: 1\nb: "open\n', 2],
      ['a:\n  - x\n - y\n', 3],
    ] as const) {
      let err: unknown;
      try {
        parseYamlDocs(text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(ParseError);
      expect((err as ParseError).line, text).toBeGreaterThanOrEqual(line - 1);
    }
  });
});
