import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it, vi } from 'vitest';
import { forFile } from './file-level.js';
import { boundHits } from './guard-bindings.js';
import { rulesFor } from './index.js';
import { ensurePython, languageOf } from './languages.js';
import type { FileLanguage } from './languages.js';
import type { Matcher } from './rule-schema.js';
import { enclosingFunction, escapeRegex } from './scope.js';
import { syntaxOf } from './syntax.js';
import { anchored, FileIndex, startOf } from './file-index.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/code-labelled');
const EXAMPLES = join(import.meta.dirname, '../../../rules/code/tests');

/** The labelled applications and every rule's bad and good examples. */
function files(): { text: string; name: string; ext: string }[] {
  const out: { text: string; name: string; ext: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else
        out.push({ name: p, ext: e.name.slice(e.name.lastIndexOf('.') + 1), text: readFileSync(p, 'utf8') });
    }
  };
  walk(FIXTURES);
  walk(EXAMPLES);
  return out;
}

/** Each of those files the analyzer reads (with `only` in its path), parsed. */
function parsed(only = ''): { name: string; text: string; lang: FileLanguage; root: SgNode }[] {
  ensurePython();
  return files().flatMap((f) => {
    const lang = languageOf(f.ext);
    if (!lang || !f.name.includes(only)) return [];
    return [{ name: f.name, text: f.text, lang, root: parse(lang.lang, f.text).root() }];
  });
}

const spans = (ns: { range(): { start: { index: number }; end: { index: number } } }[]): string[] =>
  ns.map((n) => `${n.range().start.index}-${n.range().end.index}`);

describe('FileIndex', () => {
  it('finds the function around each node as climbing its parents does', () => {
    let asked = 0;
    for (const { root, lang } of parsed()) {
      const syn = syntaxOf(lang.family);
      const index = new FileIndex();
      // Every node, functions and statements whose span equals a function's (`x => x` alone) included.
      for (const node of root.findAll({
        rule: {
          any: [
            { kind: 'identifier' },
            ...[...syn.functions].filter((k) => k !== 'function').map((kind) => ({ kind })),
            { kind: 'expression_statement' },
          ],
        },
      })) {
        asked++;
        expect(index.functionAround(root, syn, node)?.id()).toBe(enclosingFunction(node, syn)?.id());
      }
    }
    expect(asked).toBeGreaterThan(1000);
  });

  it('finds the calls of each name as a walk per name does', () => {
    let calls = 0;
    for (const { root, lang, ...f } of parsed()) {
      const callKind = lang.family === 'python' ? 'call' : 'call_expression';
      const index = new FileIndex();
      const names = new Set(f.text.match(/[A-Za-z_$][\w$]*/g) ?? []);
      for (const name of [...names, 'a.b', 'x-y']) {
        const regex = `^(?:[0-9A-Za-z_$]+\\.)?${escapeRegex(name)}$`;
        const walked = root.findAll({ rule: { kind: callKind, has: { field: 'function', regex } } });
        expect(spans(index.callsTo(root, callKind, name)), `${f.name}: ${name}`).toEqual(spans(walked));
        calls += walked.length;
      }
    }
    expect(calls).toBeGreaterThan(1000);
  });

  it("places every rule's guards in each if-condition as a walk of the condition does", () => {
    let placed = 0;
    for (const { root, lang, ...f } of parsed()) {
      const fam = rulesFor().family(lang.family);
      const guards = [...new Set(fam.rules.flatMap((r) => r.taint?.guards ?? []))];
      const index = new FileIndex();
      const spots = index.spotsOf(root, lang, guards);
      for (const s of root.findAll({ rule: { kind: syntaxOf(lang.family).ifStatement } })) {
        const cond = s.field('condition');
        if (!cond) continue;
        const c = cond.range();
        for (const g of guards) {
          const m = forFile(g, root);
          // A guard's `boundInFile:` rule (guard-bindings.ts) keeps only the hits whose names the file binds so.
          const hits = (m ? cond.findAll(m) : []).map((n) => ({
            node: n,
            get: (x: string) => n.getMatch(x),
            getAll: (x: string) => n.getMultipleMatches(x),
          }));
          const walked = boundHits(root, g, hits).map(
            (h) => `${spans([h.node])[0]} ${h.node.getMatch('X')?.text()}`,
          );
          const found = (spots.get(g) ?? [])
            .filter((h) => h.start >= c.start.index && h.end <= c.end.index)
            .map((h) => `${h.start}-${h.end} ${h.x}`);
          expect(found, `${f.name}: ${JSON.stringify(g).slice(0, 120)}`).toEqual(walked);
          placed += walked.length;
        }
      }
    }
    expect(placed).toBeGreaterThan(10);
  });

  it('finds the nodes of alternatives of kinds with one walk, as a test of each node gives them', () => {
    let compared = 0;
    for (const { root, lang, ...f } of parsed('code-labelled')) {
      const fam = rulesFor().family(lang.family);
      const params = [...fam.sources.values()].flatMap((s) => s.params.flatMap((p) => [p.function, p.param]));
      const ms = [...fam.sanitizers, ...fam.rules.flatMap((r) => r.taint?.sanitizers ?? []), ...params]
        .filter((m) => m !== undefined)
        .filter((m) => {
          const r = m.rule as Record<string, unknown>;
          return r.pattern === undefined && r.kind === undefined && anchored(r);
        });
      const index = new FileIndex();
      for (const m of ms) {
        const kinds = JSON.stringify(m.rule).match(/"kind":"[a-z_]+"/g) ?? [];
        for (const k of new Set(kinds.map((x) => x.slice(8, -1)))) {
          for (const node of root.findAll({ rule: { kind: k } })) {
            expect(index.matches(root, node, m), `${f.name}: ${JSON.stringify(m.rule).slice(0, 100)}`).toBe(
              node.matches(m),
            );
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('lists the calls and the functions with one walk each, as walks of their kinds give them', () => {
    let listed = 0;
    for (const { root, lang, ...f } of parsed()) {
      const syn = syntaxOf(lang.family);
      const python = lang.family === 'python';
      const callKind = python ? 'call' : 'call_expression';
      const index = new FileIndex();
      const walked = root.findAll({ rule: { kind: callKind } });
      const list = index.callList(root, callKind);
      expect(spans(list.map((c) => c.node)), f.name).toEqual(spans(walked));
      expect(
        list.map((c) => c.callee),
        f.name,
      ).toEqual(walked.map((c) => c.field('function')?.text()));
      // The same list again, not another walk.
      expect(index.callList(root, callKind)).toBe(list);
      // Functions by name after the spans were listed (JavaScript shares one walk for both).
      const fnKinds = python ? ['function_definition'] : [...syn.functions].filter((k) => k !== 'function');
      const fns = root.findAll({ rule: { any: fnKinds.map((kind) => ({ kind })) } });
      const first = fns[0];
      if (first) index.functionAround(root, syn, first);
      for (const fn of fns) {
        const name = fn.field('name')?.text();
        if (name === undefined) continue;
        expect(
          index.functionsNamed(root, syn, python, name).some((x) => x.id() === fn.id()),
          `${f.name}: ${name}`,
        ).toBe(true);
      }
      listed += list.length + fns.length;
    }
    expect(listed).toBeGreaterThan(1000);
  });

  it('indexes identifiers by name in document order, each with the offset its range gives', () => {
    let sites = 0;
    for (const { root, lang } of parsed()) {
      const syn = syntaxOf(lang.family);
      const python = lang.family === 'python';
      const kinds = python ? ['identifier'] : [...syn.identifiers];
      const walked = root.findAll({ rule: { any: kinds.map((kind) => ({ kind })) } });
      const byName = new FileIndex().names(root, syn, python);
      const flat = [...byName.values()].flat();
      expect(flat.length).toBe(walked.length);
      for (const [name, list] of byName) {
        const offsets = list.map((s) => startOf(s));
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
        for (const s of list) {
          expect(s.node.text()).toBe(name);
          expect(startOf(s)).toBe(s.node.range().start.index);
        }
      }
      sites += flat.length;
    }
    expect(sites).toBeGreaterThan(1000);
  });

  it('tests no node against a matcher without anchor whose words are not in the file', () => {
    // Only `has`: tested node by node (see matches), unless the file lacks a word every match needs.
    const m: Matcher = { rule: { has: { kind: 'identifier', regex: '^sanitizeInput$' } } };
    const lang = languageOf('js') as FileLanguage;
    const proto = Object.getPrototypeOf(parse(lang.lang, 'x').root()) as { matches: (m: Matcher) => boolean };
    const spy = vi.spyOn(proto, 'matches');
    try {
      for (const [text, expected] of [
        ['f(cleanInput(a)); g(b);', [false, false, false]],
        ['f(sanitizeInput(a)); g(b);', [false, true, false]],
      ] as const) {
        const root = parse(lang.lang, text).root();
        const calls = root.findAll({ rule: { kind: 'call_expression' } });
        const index = new FileIndex();
        spy.mockClear();
        expect(calls.map((c) => index.matches(root, c, m))).toEqual(expected);
        // The matcher's word is missing from the first file: no node is tested there.
        expect(spy).toHaveBeenCalledTimes(text.includes('sanitizeInput') ? calls.length : 0);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('walks once for matchers of the same configuration, each answered as if walked alone', () => {
    const text = 'const a = parseInt(x); f(Number(y)); parseInt(z, 10);';
    const lang = languageOf('js') as FileLanguage;
    const root = parse(lang.lang, text).root();
    const config = (): Matcher => ({
      rule: { any: [{ pattern: 'parseInt($$$)' }, { pattern: 'Number($$$)' }] },
    });
    const [m1, m2, m3] = [config(), config(), config()];
    const other: Matcher = { rule: { pattern: 'f($$$)' } };
    const proto = Object.getPrototypeOf(root) as { findAll: (m: Matcher) => SgNode[] };
    const spy = vi.spyOn(proto, 'findAll');
    try {
      const index = new FileIndex();
      index.prime(root, lang, [m1, other, m2]);
      index.prime(root, lang, [m3]);
      const spots = index.spotsOf(root, lang, [m1, m2]);
      // A small file walks each matcher alone: m1 and `other` for `matched`, m1 again for the spots (not six).
      expect(spy).toHaveBeenCalledTimes(3);
      expect(spots.get(m2)).toEqual(spots.get(m1));
      expect(spots.get(m1)?.map((s) => text.slice(s.start, s.end))).toEqual([
        'parseInt(x)',
        'Number(y)',
        'parseInt(z, 10)',
      ]);
      const calls = root.findAll({ rule: { kind: 'call_expression' } });
      for (const m of [m1, m2, m3, other])
        expect(calls.map((c) => index.matches(root, c, m))).toEqual(calls.map((c) => c.matches(m)));
    } finally {
      spy.mockRestore();
    }
  });
});
