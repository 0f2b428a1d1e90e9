import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { COMBINE_FROM_CHARS, findAllBatch } from './batch-match.js';
import type { Rule } from './constraint-inline.js';
import { rulesFor } from './index.js';
import type { FileLanguage } from './languages.js';
import type { Matcher } from './rule-schema.js';
import { allowsKind, groupedByKind, kindsOf } from './rule-kinds.js';

const js: FileLanguage = { family: 'javascript', lang: Lang.JavaScript };
const kinds = (rule: Rule, utils: Rule = {}): string[] | null => {
  const k = kindsOf(rule, utils, js.lang);
  return k === null ? null : [...k].sort();
};

describe('kindsOf', () => {
  it('reads the kinds a rule tests: kind, a pattern’s root, any as a union, all and a rule object as an intersection', () => {
    expect(kinds({ kind: 'pair' })).toEqual(['pair']);
    expect(kinds({ pattern: '$F($$$)' })).toEqual(['call_expression']);
    expect(kinds({ any: [{ kind: 'pair' }, { pattern: 'new $C($$$)' }] })).toEqual([
      'new_expression',
      'pair',
    ]);
    expect(kinds({ all: [{ any: [{ kind: 'pair' }, { kind: 'object' }] }, { kind: 'object' }] })).toEqual([
      'object',
    ]);
    expect(kinds({ kind: 'call_expression', any: [{ kind: 'call_expression' }, { kind: 'pair' }] })).toEqual([
      'call_expression',
    ]);
    expect(kinds({ matches: 'u' }, { u: { kind: 'identifier', regex: '^x$' } })).toEqual(['identifier']);
  });

  it('is unknown where the shape does not tell: not, regex, a relational test, a lone metavariable, an any with an unknown', () => {
    expect(kinds({ not: { kind: 'pair' } })).toBeNull();
    expect(kinds({ regex: '^a' })).toBeNull();
    expect(kinds({ inside: { kind: 'pair' } })).toBeNull();
    expect(kinds({ pattern: '$X' })).toBeNull();
    expect(kinds({ any: [{ kind: 'pair' }, { regex: 'a' }] })).toBeNull();
    expect(kinds({ matches: 'u' }, { u: { any: [{ kind: 'pair' }, { matches: 'u' }] } })).toBeNull();
    expect(kinds({ matches: 'missing' })).toBeNull();
  });

  it('holds every node each built-in JavaScript matcher matches in the labelled files', () => {
    const fam = rulesFor().family('javascript');
    const ms: Matcher[] = [
      ...new Set([
        ...fam.rules.flatMap((r) => [
          ...(r.match ? [r.match] : []),
          ...(r.taint
            ? [...r.taint.sinks.map((s) => s.matcher), ...r.taint.sanitizers, ...r.taint.guards]
            : []),
        ]),
        ...fam.sanitizers,
        ...[...fam.sources.values()].flatMap((s) => s.matchers),
      ]),
    ];
    const dir = join(import.meta.dirname, '../../../test/fixtures/code-labelled/js');
    const roots = readdirSync(dir)
      .filter((f) => /\.js$/.test(f))
      .map((f) => parse(js.lang, readFileSync(join(dir, f), 'utf8')).root());
    let known = 0;
    let checked = 0;
    for (const m of ms) {
      const k = kindsOf(m.rule, m.utils ?? {}, js.lang);
      if (k === null) continue;
      known++;
      for (const root of roots)
        for (const n of root.findAll(m)) {
          checked++;
          expect(
            k.has(String(n.kind())),
            `${JSON.stringify(m.rule).slice(0, 200)} matched a ${n.kind()}`,
          ).toBe(true);
        }
    }
    expect(known).toBeGreaterThan(ms.length / 2);
    expect(checked).toBeGreaterThan(100);
  });
});

describe('groupedByKind', () => {
  it('tries at a node of each kind the alternatives that allow it, in their order', () => {
    const a: Rule = { matches: 'a' };
    const b: Rule = { matches: 'b' };
    const c: Rule = { matches: 'c' };
    expect(
      groupedByKind([a, b, c], [new Set(['pair', 'call']), new Set(['call']), new Set(['pair'])]),
    ).toEqual({
      any: [
        { kind: 'pair', any: [a, c] },
        { kind: 'call', any: [a, b] },
      ],
    });
    expect(groupedByKind([a, b], [new Set(['pair']), null])).toBeNull();
  });

  it('puts behind each kind only the tags of the alternatives that allow it, after them', () => {
    const [a, b, c] = [{ matches: 'a' }, { matches: 'b' }, { matches: 'c' }] as Rule[];
    const [ta, tb, tc] = [{ pattern: '$$TA' }, { pattern: '$$TB' }, { pattern: '$$TC' }] as Rule[];
    expect(
      groupedByKind(
        [a!, b!, c!],
        [new Set(['pair', 'call']), new Set(['call']), new Set(['pair'])],
        [ta!, tb!, tc!],
      ),
    ).toEqual({
      any: [
        { all: [{ kind: 'pair' }, { any: [a, c] }, ta, tc] },
        { all: [{ kind: 'call' }, { any: [a, b] }, ta, tb] },
      ],
    });
    expect(groupedByKind([a!, b!], [new Set(['pair']), new Set()], [ta!, tb!])).toBeNull();
  });

  it('allows a kind an alternative lists, and every kind when its kinds are unknown', () => {
    expect(allowsKind(new Set(['call']), 'call')).toBe(true);
    expect(allowsKind(new Set(['call']), 'pair')).toBe(false);
    expect(allowsKind(null, 'pair')).toBe(true);
    expect(allowsKind(new Set(), 'pair')).toBe(true);
  });

  it('leaves a combined walk’s matches and bindings as each matcher’s own walk gives them', () => {
    const matchers = [
      { rule: { pattern: '$F($A)' } },
      {
        rule: { any: [{ kind: 'pair', has: { field: 'value', pattern: '$V' } }, { pattern: 'new $C($$$)' }] },
      },
      { rule: { kind: 'identifier', regex: '^x', inside: { kind: 'pair', field: 'value' } } },
      { rule: { matches: 'u' }, utils: { u: { pattern: '$O.$P = $R' } } },
      { rule: { all: [{ pattern: '$F($A)' }, { has: { field: 'function', regex: '^run$' } }] } },
    ] as Matcher[];
    const src = 'run(a); const o = { k: x1, n: new Foo(b) }; o.p = f(x2); new Bar();\n'.repeat(
      Math.ceil(COMBINE_FROM_CHARS / 60),
    );
    const root = parse(js.lang, src).root();
    const names = ['F', 'A', 'V', 'C', 'O', 'P', 'R'];
    const show = (n: { text: () => string; range: () => { start: { index: number } } }) =>
      `${n.range().start.index}:${n.text()}`;
    const same = (ms: Matcher[]): void => {
      const batch = findAllBatch(root, js, ms, src.length).map((hits) =>
        hits.map((h) => `${show(h.node)} ${names.map((x) => h.get(x)?.text() ?? '').join(',')}`),
      );
      const alone = ms.map((m) =>
        root.findAll(m).map((n) => `${show(n)} ${names.map((x) => n.getMatch(x)?.text() ?? '').join(',')}`),
      );
      expect(batch).toEqual(alone);
      expect(batch.every((h) => h.length > 0)).toBe(true);
    };
    same(matchers);
    // A matcher whose kinds are unknown leaves the alternatives ungrouped; each known one is still read back
    // only at nodes of its kinds, the unknown one at every node.
    same([...matchers, { rule: { regex: '^new Foo' } }]);
  });
});
