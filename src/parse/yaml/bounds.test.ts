import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams } from '../../../test/helpers/fuzz.js';
import { ParseError } from '../../core/errors.js';
import type { YamlLimits } from './bounds.js';
import { DEFAULT_LIMITS } from './bounds.js';
import { docsFromCst } from './cst-tree.js';
import type { YNode } from './tree.js';
import { get, isFalse, isTrue, items, parseWithComposer, parseYamlDocs } from './tree.js';

/** A "billion laughs" document: each level is `width` aliases of the level below. */
function laughs(levels: number, width: number, flow = true): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i <= levels; i++) {
    const refs = Array(width).fill(`*l${i - 1}`);
    lines.push(
      flow
        ? `l${i}: &l${i} [${refs.join(', ')}]`
        : `l${i}: &l${i}\n${refs.map((r) => `  - ${r}`).join('\n')}`,
    );
  }
  lines.push(`job:\n  script: *l${levels}`);
  return lines.join('\n') + '\n';
}

/** Nodes a walker visits when it follows every alias (what consumers do). */
function expandedSize(n: YNode, budget = { left: 5_000_000 }): number {
  if (--budget.left < 0) throw new Error('walk exceeded the test budget');
  if (n.kind === 'scalar') return 1;
  if (n.kind === 'seq') return 1 + n.items.reduce((s, i) => s + expandedSize(i, budget), 0);
  let s = 1;
  for (const e of n.entries.values()) s += 1 + expandedSize(e.value, budget);
  return s;
}

function parseError(run: () => unknown): ParseError {
  try {
    run();
  } catch (err) {
    if (err instanceof ParseError) return err;
    throw err;
  }
  throw new Error('expected a ParseError');
}

describe('YAML alias and merge bounds', () => {
  it('refuses alias bombs in both builders, at the line of the level that crosses the limit', () => {
    for (const text of [laughs(9, 9), laughs(12, 4, false), laughs(30, 2)]) {
      expect(text.length).toBeLessThan(700);
      const fast = parseError(() => docsFromCst(text, DEFAULT_LIMITS));
      expect(fast.message).toMatch(/alias bomb/);
      expect(fast.line).toBeGreaterThan(1);
      expect(parseError(() => parseWithComposer(text, DEFAULT_LIMITS)).message).toMatch(/alias bomb/);
    }
  });

  it('keeps a shared template reused by 3,000 jobs, within the default limits', () => {
    const jobs = Array.from({ length: 3000 }, (_, i) => `job${i}:\n  <<: *t\n  stage: s${i}`).join('\n');
    const text = `.t: &t\n  image: node:20\n  script: &s\n    - npm ci\n    - npm test\n${jobs}\n`;
    const [doc] = parseYamlDocs(text);
    expect(doc?.root?.kind).toBe('map');
    expect(items(get(get(doc!.root, 'job2999'), 'script'))).toHaveLength(2);
    expect(expandedSize(doc!.root!)).toBeLessThan(3000 * 10 + 100);
  });

  it('counts alias uses and merged entries against the limits', () => {
    const tight: YamlLimits = { maxAliases: 10, maxExpansion: 1000 };
    const many = `a: &a x\n${Array.from({ length: 11 }, (_, i) => `k${i}: *a`).join('\n')}\n`;
    expect(parseError(() => parseYamlDocs(many, { limits: tight })).message).toMatch(/more than 10 aliases/);
    const big = Array.from({ length: 200 }, (_, i) => `  k${i}: v`).join('\n');
    const merges = Array.from({ length: 10 }, (_, i) => `m${i}: { <<: [*b, *b, *b] }`).join('\n');
    const text = `b: &b\n${big}\n${merges}\n`;
    expect(parseError(() => parseYamlDocs(text, { limits: tight })).message).toMatch(/bomb/);
  });

  it('refuses an alias to the node that contains it', () => {
    for (const text of ['a: &a [1, *a]\n', 'a: &a\n  b: *a\n']) {
      expect(parseError(() => parseYamlDocs(text)).message).toMatch(/contains it/);
      expect(parseError(() => parseWithComposer(text, DEFAULT_LIMITS)).message).toMatch(/contains it/);
    }
  });

  it('refuses duplicate keys when asked, with the composer message', () => {
    expect(parseYamlDocs('a: 1\na: 2\n')).toHaveLength(1);
    expect(parseError(() => parseYamlDocs('a: 1\na: 2\n', { uniqueKeys: true })).message).toMatch(/unique/i);
  });

  it('any document of anchors and aliases parses within the limits or is a ParseError', () => {
    // Generator: levels of anchored flow sequences, each item an alias to any earlier level.
    const doc = fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 });
    const limits: YamlLimits = { maxAliases: 500, maxExpansion: 20_000 };
    fc.assert(
      fc.property(doc, fc.boolean(), (levels, selfRef) => {
        const lines = ['l0: &l0 [x]'];
        levels.forEach((refs, i) => {
          const n = i + 1;
          const items = refs.map((r) => (selfRef && r % 7 === 0 ? `*l${n}` : `*l${r % n}`));
          lines.push(`l${n}: &l${n} [${items.join(', ')}]`);
        });
        const text = lines.join('\n') + '\n';
        let fast: ReturnType<typeof docsFromCst>;
        try {
          fast = docsFromCst(text, limits);
        } catch (err) {
          expect(err).toBeInstanceOf(ParseError);
          expect(() => parseWithComposer(text, limits)).toThrow(ParseError);
          return;
        }
        expect(fast).toBeDefined();
        const root = fast![0]!.root!;
        expect(expandedSize(root)).toBeLessThanOrEqual(limits.maxExpansion + text.length);
      }),
      fuzzParams('yaml alias bounds', 300),
    );
  });

  it('any nesting depth parses or is a ParseError, never a stack overflow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[', '{a: ', '- '), (depth, open) => {
        const text =
          open === '- '
            ? Array.from({ length: Math.min(depth, 400) }, (_, i) => `${'  '.repeat(i)}- `).join('\n') + 'x\n'
            : `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}\n`;
        try {
          parseYamlDocs(text);
        } catch (err) {
          expect(err).toBeInstanceOf(ParseError);
        }
      }),
      fuzzParams('yaml nesting', 60),
    );
  });
});

describe('booleans as the consuming tool reads them', () => {
  const doc = parseYamlDocs('a: yes\nb: "yes"\nc: On\nd: off\ne: true\nf: N\ng: "Off"\n')[0]!.root;
  it('YAML 1.2 readers see only true and false', () => {
    expect(isTrue(get(doc, 'a'))).toBe(false);
    expect(isTrue(get(doc, 'e'))).toBe(true);
  });
  it('Kubernetes reads unquoted YAML 1.1 booleans', () => {
    expect(isTrue(get(doc, 'a'), 'kubernetes')).toBe(true);
    expect(isTrue(get(doc, 'b'), 'kubernetes')).toBe(false);
    expect(isTrue(get(doc, 'c'), 'kubernetes')).toBe(true);
    expect(isFalse(get(doc, 'd'), 'kubernetes')).toBe(true);
    expect(isFalse(get(doc, 'f'), 'kubernetes')).toBe(true);
  });
  it('Compose casts y/yes/on and their negatives in any case, quoted or not', () => {
    expect(isTrue(get(doc, 'b'), 'compose')).toBe(true);
    expect(isFalse(get(doc, 'g'), 'compose')).toBe(true);
    expect(isTrue(get(doc, 'f'), 'compose')).toBe(false);
  });
});

describe('YAML nesting bounds', () => {
  it('refuses thousands of nested block collections as a ParseError, not a stack overflow', () => {
    const compact = `a:\n  - x\nb:\n  ${'- '.repeat(5000)}x\nc: 1\n`;
    const err = parseError(() => parseYamlDocs(compact));
    expect(err.message).toMatch(/nested too deeply/);
    expect(err.line).toBe(4);
    // Indentation alone: 3,000 levels of nested maps, closed by a key at the top level.
    const indented = `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\nz: 2\n`;
    expect(parseError(() => parseYamlDocs(indented)).message).toMatch(/nested too deeply/);
  });
});
