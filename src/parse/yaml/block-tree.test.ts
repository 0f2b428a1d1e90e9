import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fuzzParams } from '../../../test/helpers/fuzz.js';
import { DEFAULT_LIMITS } from './bounds.js';
import { blockDocs } from './block-tree.js';
import { docsFromCst } from './cst-tree.js';
import { parseWithComposer } from './composer-tree.js';
import type { YDoc, YMap, YNode, YSeq } from './tree.js';

/** Every field of the tree, to compare readers. */
function shape(n: YNode | undefined): unknown {
  if (!n) return null;
  if (n.kind === 'scalar') return ['s', n.line, n.endLine, n.quoted, n.value];
  if (n.kind === 'seq') return ['q', n.line, n.items.map(shape)];
  return ['m', n.line, [...n.entries.values()].map((e) => [e.key, e.keyLine, shape(e.value)])];
}
const docsShape = (docs: YDoc[]): unknown => docs.map((d) => [d.line, shape(d.root)]);

/** What parseYamlDocs returned before the block reader existed: the CST builder, else the composer. */
function reference(text: string, unique: boolean): unknown {
  try {
    return docsShape(
      docsFromCst(text, DEFAULT_LIMITS, unique) ?? parseWithComposer(text, DEFAULT_LIMITS, unique),
    );
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
}

/** The block reader's answer, when it gives one, is the reference's. */
function agrees(text: string, unique = false): boolean {
  const fast = blockDocs(text, unique);
  if (fast === undefined) return false;
  expect(docsShape(fast), JSON.stringify(text)).toEqual(reference(text, unique));
  return true;
}

const WORKFLOW = `# comment before the document
name: ci
"on":
  push:
    branches: [ main, 'release/*' ]
  pull_request: {}
permissions: {}
env: { A: 1, B: "two", C: 0x1F }
jobs:
  build:
    runs-on: ubuntu-latest   # trailing comment
    steps:
    - uses: actions/checkout@v4
      with:
        persist-credentials: false
    - name: 'it''s quoted'
      run: |
        echo "\${{ github.event.issue.title }}"

          indented more
        done
    -
      run: >-
        folded
        text

        kept break
    - run: echo a:b # not a key
      if: \${{ true }}
    # a comment at the sequence's column, after its last item
  test:
    needs:
      - build
    steps:
      - run: >
          x
            more indented
          y
      -
      - plain
---
second: document
...
`;

describe('block YAML reader', () => {
  it('reads a workflow exactly as the CST builder does', () => {
    const text = WORKFLOW.replace('...\n', '');
    expect(agrees(text)).toBe(true);
    const root = blockDocs(text)![0]!.root;
    expect(root?.kind).toBe('map');
  });

  it('reads literal, folded, chomped, empty and deeper-indented block scalars as yaml does', () => {
    for (const text of [
      'a: |\n  x\n  y\nb: 1',
      'a: |\n  x\n\n\nb: 1',
      'a: |-\n  x\n\nb: 1',
      'a: |\nb: 1',
      'a: |\n  x',
      'a: |\n\n  x\nb: 1',
      'a: |\n  x\n   \n  y',
      'a: |\n  x\n     \nb: 1',
      'a: >\n  x\n  y\n\n  z\n    w\n  v\nb: 1',
      'a: >\n\n  x\n  y',
      'a: >-\n  x\n\n\n  y\n',
      'a: >\n  x\n   \n  y',
      '- |\n  x\n- y',
      '- a: |\n    x\n  b: 1',
      'a: | # comment\n  x\n # less indented comment\nb: 1',
    ])
      expect(agrees(text), JSON.stringify(text)).toBe(true);
  });

  it('reads documents, empty documents and lines as the CST builder does', () => {
    for (const text of [
      '',
      '\n\n# only a comment\n',
      '---\n',
      '---\n---\n',
      'a: 1\n---\n',
      '# c\n---\na: 1',
      '--- # x\na: 1',
      '---\na: 1\n---\n# c\n---\nb: 2',
      '  a: 1\n  b: 2',
      'a:\n- x\nb: 1',
      'a:\n  - x\n  -\n  - y: 1\n    z:\n',
      '-   a: 1\n    b: 2',
      '- # c\n  a: 1',
      'a:\n\n\n  b: 1',
      'a: 1\na: 2',
      'a:\n  - x\n  # c\nb: 1',
      'a: [x, "y", {k: v}]',
      'a: {}\nb: []\nc: {a: 1, b: [c d, e]}',
      '"q k": 1\n\'s k\': 2\nkey   : v',
    ])
      expect(agrees(text), JSON.stringify(text)).toBe(true);
  });

  it("puts an empty item's null on its dash's line, after a blank line with spaces or a comment", () => {
    // Both found by the fuzz tests below: yaml's CST starts such an item at the line before its dash.
    for (const text of [
      'a:\n  - run: >\n      x\n        more\n     \n  -\n  - plain\n',
      'a:\n  - x\n# note\n  -\n  - y\n',
    ]) {
      expect(agrees(text)).toBe(true);
      const items = (blockDocs(text, false)![0]!.root as YMap).entries.get('a')!.value as YSeq;
      expect(items.items[1]).toMatchObject({
        kind: 'scalar',
        value: null,
        line: text.split('\n').indexOf('  -') + 1,
      });
    }
  });

  it('leaves everything outside its subset, and every error, to the other readers', () => {
    for (const text of [
      'a: &x 1\nb: *x', // anchors and aliases
      'a: !!str 1', // tags
      'a:\n  <<: {b: 1}', // merge keys
      'a:\tb', // tabs
      'a: 1\r\nb: 2', // carriage returns
      'a: b\n  c', // multi-line plain scalar
      'a: "x\\u0041"', // escapes other than the common one-character ones
      'a: "x\\ y"',
      'a: "x\\\nz"', // a backslash that continues the line
      'a: "open\n  close"', // multi-line quoted scalar
      'a: |+\n  x\n', // keep chomping
      'a: |2\n   x', // indentation indicator
      'a: 1\n...\n', // document end marker
      '%YAML 1.2\n---\na: 1', // directives
      '? a\n: b', // explicit keys
      'a:b', // a scalar document
      'a: b: c', // nested compact map
      'a: - x', // sequence on a key's line
      'a: b\n c: d', // bad indentation
      'a:\n    - x\n  b: 1\n   c: 2',
      'steps:\n- run: |\n  echo\n', // block scalar not deeper than its key
      'a: [ ]',
      'a: [a, b, ]',
      'a: [a, , b]',
      'a: [b: c]',
      'a: [1, 2',
      "a: 'x' y",
      'a: |\n   \n  x', // leading blank line wider than the content
      '- - x',
      'a[0]: 1',
    ])
      expect(blockDocs(text), JSON.stringify(text)).toBeUndefined();
    // Duplicate keys are the composer's to name when they are refused.
    expect(blockDocs('a: 1\na: 2', true)).toBeUndefined();
    expect(blockDocs('a: {b: 1, b: 2}', true)).toBeUndefined();
  });

  it('reads the common escapes of double-quoted scalars as yaml does', () => {
    for (const text of [
      'a: "x\\ty"',
      'a: "^[\'\\"]?b\\\\s*:\\\\s*c$"',
      'a: { r: "\\\\.", s: "q\\"" }',
      'a: ["\\/", "\\n", "\\\\"]',
      'a: "\\\\"',
    ]) {
      expect(blockDocs(text), JSON.stringify(text)).toBeDefined();
      expect(agrees(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('reads double-quoted scalars in time linear in the file, a backslash far below or not', () => {
    // Each scalar looked for its first escape in the rest of the file: one backslash at the end of a
    // 4.7 MB file of quoted values made the read take 4.5 CPU-s (n²).
    const cpu = (n: number): number => {
      const lines = Array.from({ length: n }, (_, i) => `k${i}: "value number ${i}"`);
      const text = `${lines.join('\n')}\nlast: "a\\tb"\n`;
      const t = process.cpuUsage();
      const docs = blockDocs(text);
      const d = process.cpuUsage(t);
      expect(docs).toHaveLength(1);
      return d.user + d.system;
    };
    cpu(2_000);
    const small = cpu(20_000);
    const big = cpu(160_000);
    expect(big / Math.max(small, 1)).toBeLessThan(24);
  });

  it('reads every built-in code rule file (loading the rules starts every scan and worker)', () => {
    const dir = join(import.meta.dirname, '../../../rules/code');
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(blockDocs(text), f).toBeDefined();
      expect(agrees(text), f).toBe(true);
    }
  });

  it('reads every pipeline fixture (the shapes CI files use)', () => {
    const dir = join(import.meta.dirname, '../../../test/fixtures/pipeline');
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(agrees(readFileSync(join(dir, f), 'utf8')), f).toBe(true);
  });

  it('agrees with the CST builder on mutated workflows whenever it answers', () => {
    const dir = join(import.meta.dirname, '../../../test/fixtures/pipeline');
    const seeds = [
      WORKFLOW.replace('...\n', ''),
      ...readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => readFileSync(join(dir, f), 'utf8')),
    ];
    const pieces = [
      ' ',
      ':',
      ': ',
      '- ',
      '#',
      ' #',
      '"',
      "'",
      '|',
      '>-',
      '[',
      ']',
      '{',
      '}',
      ',',
      '\n',
      '\n  ',
      '\n- ',
      'x',
      'true',
      '~',
      '? ',
      '---',
      '&a ',
      '*a',
      "''",
      '0x1F',
      '<<: ',
      '\n\n',
    ];
    const edit = fc.record({
      line: fc.nat(),
      at: fc.nat(),
      op: fc.constantFrom('indent', 'dedent', 'delete', 'duplicate', 'insert', 'cut', 'truncate'),
      piece: fc.constantFrom(...pieces),
    });
    let answered = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (seed, edits, unique) => {
          let lines = seed.split('\n');
          for (const e of edits) {
            const i = e.line % lines.length;
            const l = lines[i] ?? '';
            const at = e.at % (l.length + 1);
            if (e.op === 'indent') lines[i] = ` ${l}`;
            else if (e.op === 'dedent') lines[i] = l.replace(/^ /, '');
            else if (e.op === 'delete') lines.splice(i, 1);
            else if (e.op === 'duplicate') lines.splice(i, 0, l);
            else if (e.op === 'insert') lines[i] = l.slice(0, at) + e.piece + l.slice(at);
            else if (e.op === 'cut') lines[i] = l.slice(0, at) + l.slice(at + 2);
            else lines = lines.slice(0, i + 1);
          }
          if (agrees(lines.join('\n'), unique)) answered++;
        },
      ),
      fuzzParams('block yaml reader vs CST on mutated workflows', 1500),
    );
    // Most small edits leave valid YAML of the subset: the comparison must not be vacuous.
    expect(answered).toBeGreaterThan(300);
  });

  it('agrees with the CST builder on generated documents whenever it answers', () => {
    const text = fc.oneof(
      fc.string(),
      fc.lorem({ maxCount: 12 }),
      fc.constantFrom('a: b', 'x\n\ny\n', ' lead', 'on', '1.5', '-'),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(text, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    const style = fc.constantFrom<'PLAIN' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED'>(
      'PLAIN',
      'QUOTE_SINGLE',
      'BLOCK_LITERAL',
      'BLOCK_FOLDED',
    );
    fc.assert(
      fc.property(
        value,
        style,
        fc.integer({ min: 2, max: 4 }),
        fc.boolean(),
        (v, defaultStringType, indent, indentSeq) => {
          agrees(stringify(v, { defaultStringType, indent, indentSeq, lineWidth: 40 }));
        },
      ),
      fuzzParams('block yaml reader vs CST on generated documents', 500),
    );
  });
});
