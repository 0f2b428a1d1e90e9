import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lang, parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { findAllBatch } from './batch-match.js';
import { inlined, metavarsIn } from './constraint-inline.js';
import { forFile } from './file-level.js';
import { rulesFor } from './index.js';
import { ensurePython, languageOf } from './languages.js';
import type { FileLanguage } from './languages.js';
import { mayMatch } from './match-words.js';
import type { Matcher } from './rule-schema.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/code-labelled');
const EXAMPLES = join(import.meta.dirname, '../../../rules/code/tests');

/** Real code: the labelled applications and every rule's bad and good examples. */
function fixtureFiles(): { path: string; lang: FileLanguage }[] {
  const out: { path: string; lang: FileLanguage }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      const lang = languageOf(e.name.slice(e.name.lastIndexOf('.') + 1));
      if (e.isFile() && lang) out.push({ path: p, lang });
    }
  };
  walk(FIXTURES);
  walk(EXAMPLES);
  return out;
}

/** Every matcher of a family's rules: structural rules, sinks, sanitizers, guards, sources. */
function matchersOf(lang: FileLanguage): Matcher[] {
  const rules = rulesFor();
  const fam = rules.family(lang.family);
  const ms = fam.rules.flatMap((r) => [
    ...(r.match ? [r.match] : []),
    ...(r.taint ? [...r.taint.sinks.map((s) => s.matcher), ...r.taint.sanitizers, ...r.taint.guards] : []),
  ]);
  const sources = [...fam.sources.values()].flatMap((s) => s.matchers);
  return [...new Set([...ms, ...fam.sanitizers, ...sources])];
}

/** A match as a comparable line: the node and what each metavariable of the matcher bound. */
function describeHit(
  node: SgNode,
  names: string[],
  get: (n: string) => SgNode | null,
  all: (n: string) => SgNode[],
) {
  const r = node.range();
  const vars = names.map(
    (n) =>
      `${n}=${get(n)?.text() ?? ''}|${all(n)
        .map((x) => x.text())
        .join(',')}`,
  );
  return `${r.start.index}-${r.end.index} ${node.kind()} ${vars.join(' ')}`;
}

describe('findAllBatch', () => {
  it('finds exactly what one walk per matcher finds, for every matcher of the rule set on real code', () => {
    ensurePython();
    let compared = 0;
    let found = 0;
    for (const file of fixtureFiles()) {
      const root = parse(file.lang.lang, readFileSync(file.path, 'utf8')).root();
      const ms = matchersOf(file.lang)
        .map((m) => forFile(m, root))
        .filter((m): m is Matcher => m !== null)
        .filter((m) => {
          // A rule written for TSX (jsx_* kinds) does not compile for plain TypeScript: left out of both.
          try {
            root.findAll(m);
            return true;
          } catch {
            return false;
          }
        });
      const batch = findAllBatch(root, file.lang, ms, Number.POSITIVE_INFINITY);
      ms.forEach((m, i) => {
        const names = [...new Set(metavarsIn(m.rule))];
        const one = root.findAll(m).map((n) =>
          describeHit(
            n,
            names,
            (x) => n.getMatch(x),
            (x) => n.getMultipleMatches(x),
          ),
        );
        const together = (batch[i] ?? []).map((h) => describeHit(h.node, names, h.get, h.getAll));
        expect(together, `${file.path}: ${JSON.stringify(m).slice(0, 160)}`).toEqual(one);
        compared++;
        found += one.length;
      });
    }
    expect(compared).toBeGreaterThan(5000);
    expect(found).toBeGreaterThan(1000);
    // Every matcher on every example file, walked twice: about a minute idle, 185-261 s in the last five CI
    // runs (one worker on a loaded machine), 310 s beside a whole accuracy bench; it grows with every rule.
  }, 900_000);

  const js: FileLanguage = { family: 'javascript', lang: Lang.JavaScript };
  /** What `m` matches in `src` on a walk of its own, which the combined walk must give too. */
  const walked = (m: Matcher, src: string): string[] =>
    parse(js.lang, src)
      .root()
      .findAll(m)
      .map((x) => x.text());
  const at = (src: string, ms: Matcher[]): string[][] => {
    const root = parse(js.lang, src).root();
    return findAllBatch(root, js, ms, Number.POSITIVE_INFINITY).map((hits) => hits.map((h) => h.node.text()));
  };

  it("keeps ast-grep's reading of constraints on `any`: the first alternative that matches decides", () => {
    const m: Matcher = {
      rule: { any: [{ pattern: '$DB.$M($$$)' }, { pattern: '$FS.$N($$$)' }] },
      constraints: { M: { regex: '^readFile$' } },
    };
    const src = 'db.query(a); fs.readFile(p)';
    const expected = walked(m, src);
    expect(expected).toEqual(['fs.readFile(p)']);
    expect(at(src, [m, { rule: { pattern: 'eval($X)' } }])[0]).toEqual(expected);
  });

  it('tries an earlier alternative in its negation with no metavariable bound by the later one', () => {
    // `run(a, b)`: the first alternative matches, binding `a`, which fails; the second would bind `b`. In the
    // later alternative's `not` the earlier one must not read `$C` as the `b` it bound (it would then not match).
    const m: Matcher = {
      rule: { any: [{ pattern: '$F($C, $$$)' }, { pattern: '$F($X, $C)' }] },
      constraints: { C: { regex: '^b$' } },
    };
    const src = 'run(a, b); run(b, c); walk(c)';
    const expected = walked(m, src);
    expect(expected).toEqual(['run(b, c)']);
    expect(at(src, [m, { rule: { pattern: 'walk($$$)' } }])[0]).toEqual(expected);
  });

  it('inlines constraints into an alternative that is itself `any`, the first of its own that matches deciding', () => {
    const m: Matcher = {
      rule: {
        any: [
          { pattern: 'eval($C)' },
          { any: [{ pattern: '$F($C, $$$)' }, { pattern: '$F($X, $C)' }], regex: '^run\\(' },
        ],
      },
      constraints: { C: { regex: '^b$' } },
    };
    // `run(a, b)`: the inner first alternative binds `a`, which fails, so the node is not reported although the
    // second would bind `b`; `run(b, c)` and `eval(b)` are.
    const src = 'run(a, b); run(b, c); eval(b); eval(a); walk(b, c)';
    const expected = walked(m, src);
    expect(expected).toEqual(['run(b, c)', 'eval(b)']);
    expect(inlined(m, js)).not.toBeNull();
    expect(at(src, [m, { rule: { pattern: 'walk($$$)' } }])[0]).toEqual(expected);
    expect(at(src.replace('run(b, c); ', ''), [m, { rule: { pattern: 'walk($$$)' } }])[0]).toEqual([
      'eval(b)',
    ]);
  });

  it("reports a node to every matcher that matches it, with each one's own metavariables", () => {
    const a: Matcher = { rule: { pattern: '$A.exec($X)' } };
    const b: Matcher = { rule: { pattern: '$B.$M($Y)' }, constraints: { M: { regex: '^exec$' } } };
    const root = parse(js.lang, 'cp.exec(cmd); x.run(y)').root();
    const [ha, hb] = findAllBatch(root, js, [a, b], Number.POSITIVE_INFINITY);
    expect(ha?.map((h) => h.get('X')?.text())).toEqual(['cmd']);
    expect(hb?.map((h) => `${h.get('B')?.text()}.${h.get('M')?.text()}(${h.get('Y')?.text()})`)).toEqual([
      'cp.exec(cmd)',
    ]);
  });

  it('checks constraints on what the first pattern of `all` binds before the items after it', () => {
    const m: Matcher = {
      rule: { all: [{ pattern: '$O[$K] = $V' }, { not: { has: { field: 'right', kind: 'object' } } }] },
      constraints: { V: { kind: 'identifier' } },
    };
    const r = inlined(m, js)?.rule as { all: { has?: unknown; not?: unknown }[] } | undefined;
    // The pattern, the check on the node `$V` binds (the assignment's `right`), then the `not`.
    expect(r?.all.map((x) => Object.keys(x).join())).toEqual(['pattern', 'has', 'not']);
    expect(at('a[k] = v; b[k] = {}; c[k] = 1; d.e = v', [m, { rule: { pattern: 'eval($$$)' } }])[0]).toEqual([
      'a[k] = v',
    ]);
    // A constrained metavariable the later items name again: they match only what the pattern bound, so the
    // check still goes right after the pattern, and the matches are ast-grep's own.
    const named: Matcher = {
      ...m,
      rule: {
        all: [
          { pattern: '$O[$K] = $V' },
          { not: { has: { field: 'left', has: { field: 'index', pattern: '$V' } } } },
        ],
      },
    };
    const n = inlined(named, js)?.rule as { all: object[] } | undefined;
    expect(n?.all.map((x) => Object.keys(x).join())).toEqual(['pattern', 'has', 'not']);
    const src = 'a[k] = v; b[v] = v; c[k] = 1; d[k] = w';
    const expected = parse(js.lang, src)
      .root()
      .findAll(named)
      .map((x) => x.text());
    expect(expected).toEqual(['a[k] = v', 'd[k] = w']);
    expect(at(src, [named, { rule: { pattern: 'eval($$$)' } }])[0]).toEqual(expected);
    // Named after the pattern but not bound by it (bound there, or as `$$$V`): kept as written.
    const later: Matcher = { ...m, rule: { all: [{ pattern: '$O[$K] = $W' }, { has: { pattern: '$V' } }] } };
    expect(inlined(later, js)).toBeNull();
    const multi: Matcher = {
      ...m,
      rule: { all: [{ pattern: '$O[$K] = $V' }, { not: { has: { pattern: 'f($$$V)' } } }] },
    };
    expect(inlined(multi, js)).toBeNull();
  });

  it('checks them after the pattern too when a util the later items use names them again', () => {
    // js-prototype-key-write's sink: the shape, then a util that matches the same shape with its exclusions.
    const m: Matcher = {
      rule: { all: [{ pattern: '$O[$K] = $V' }, { matches: 'one' }, { not: { matches: 'deep' } }] },
      utils: {
        one: { all: [{ pattern: '$O[$K] = $V' }, { not: { has: { field: 'right', kind: 'object' } } }] },
        deep: { inside: { stopBy: 'end', kind: 'for_in_statement', has: { field: 'left', pattern: '$K' } } },
      },
      constraints: { V: { not: { kind: 'identifier' } } },
    };
    const r = inlined(m, js)?.rule as { all: object[] } | undefined;
    expect(r?.all.map((x) => Object.keys(x).join())).toEqual(['pattern', 'has', 'matches', 'not']);
    const src = 'a[k] = v; b[k] = f(); c[k] = {}; for (k in o) d[k] = g(); e[j] = [v]';
    const expected = walked(m, src);
    expect(expected).toEqual(['b[k] = f()', 'e[j] = [v]']);
    expect(at(src, [m, { rule: { pattern: 'eval($$$)' } }])[0]).toEqual(expected);
    // A util that binds it anew (`$$$V`), or a rule not led by the pattern that binds it: kept as written.
    const multi: Matcher = { ...m, utils: { ...m.utils, deep: { has: { pattern: 'f($$$V)' } } } };
    expect(inlined(multi, js)).toBeNull();
    expect(
      inlined({ ...m, rule: { all: [{ matches: 'one' }, { not: { matches: 'deep' } }] } }, js),
    ).toBeNull();
  });

  it('inlines constraints into an alternative `all: [{ pattern }, ...]` of `any` that names them again', () => {
    const m: Matcher = {
      rule: {
        any: [
          { pattern: '$R.$F($$$)', has: { kind: 'arguments', has: { stopBy: 'end', regex: '^e\\.stack$' } } },
          {
            all: [
              { pattern: '$R.$F($B)' },
              {
                inside: {
                  stopBy: 'end',
                  kind: 'statement_block',
                  has: {
                    stopBy: 'end',
                    kind: 'variable_declarator',
                    has: { field: 'name', pattern: '$B' },
                    regex: 'e\\.stack',
                  },
                },
              },
            ],
          },
        ],
      },
      constraints: { R: { regex: '^res$' }, F: { regex: '^send$' }, B: { regex: '^body$' } },
    };
    expect(inlined(m, js)).not.toBeNull();
    const src = [
      'function a() { res.send(e.stack); out.send(e.stack); }',
      'function b() { const body = e.stack; res.send(body); res.json(body); }',
      'function c() { const x = e.stack; res.send(x); const body = 1; res.send(body); }',
    ].join('\n');
    const expected = walked(m, src);
    expect(expected).toEqual(['res.send(e.stack)', 'res.send(body)']);
    expect(at(src, [m, { rule: { pattern: 'eval($$$)' } }])[0]).toEqual(expected);
  });

  it('checks constraints on what a pattern binds before its other keys that name them again', () => {
    // `$RES.$F($$$)` with a `not` that looks for an earlier `$RES.$TYPE(…)` in the function: the `not` matches
    // only what the pattern bound, so the checks go right after the pattern instead of after the whole rule.
    const m: Matcher = {
      rule: {
        pattern: '$RES.$F($$$)',
        not: {
          inside: {
            stopBy: { kind: 'function_declaration' },
            follows: {
              stopBy: 'end',
              kind: 'expression_statement',
              has: { kind: 'call_expression', pattern: '$RES.type($$$)' },
            },
          },
        },
      },
      constraints: { RES: { regex: '^res$' }, F: { regex: '^send$' } },
    };
    const r = inlined(m, js)?.rule as { all: object[] } | undefined;
    // The pattern, the checks on `$RES` and `$F` (the callee's object and property), then the `not`.
    expect(r?.all.map((x) => Object.keys(x).join())).toEqual(['pattern', 'has', 'has', 'not']);
    const src = [
      'function a(x) { res.send(x); out.send(x); res.json(x); }',
      "function b(x) { res.type('text'); res.send(x); }",
      "function c(x) { other.type('text'); res.send(x); }",
    ].join('\n');
    const expected = walked(m, src);
    expect(expected).toEqual(['res.send(x)', 'res.send(x)']);
    expect(at(src, [m, { rule: { pattern: 'eval($$$)' } }])[0]).toEqual(expected);
    // Named again as a multi-metavariable: kept as written.
    const multi: Matcher = {
      ...m,
      rule: { pattern: '$RES.$F($$$)', not: { has: { pattern: 'f($$$RES)' } } },
    };
    expect(inlined(multi, js)).toBeNull();
  });

  it('checks them after the pattern too when a util its other keys use names them again', () => {
    // js-xss-response's sinks: `$RES.$F($$$)` and `not: { matches: untyped-or-unshown }`, a util that looks for
    // an earlier `$RES.$TYPE(…)`; without this the sink fell back to a walk of its own, the `not` tried first.
    const typed = {
      inside: {
        stopBy: { kind: 'function_declaration' },
        follows: {
          stopBy: 'end' as const,
          kind: 'expression_statement',
          has: { kind: 'call_expression', pattern: '$RES.type($$$)' },
        },
      },
    };
    const m: Matcher = {
      rule: { pattern: '$RES.$F($$$)', not: { matches: 'typed' } },
      utils: { typed },
      constraints: { RES: { regex: '^res$' }, F: { regex: '^send$' } },
    };
    const r = inlined(m, js)?.rule as { all: object[] } | undefined;
    expect(r?.all.map((x) => Object.keys(x).join())).toEqual(['pattern', 'has', 'has', 'not']);
    const src = [
      'function a(x) { res.send(x); out.send(x); res.json(x); }',
      "function b(x) { res.type('text'); res.send(x); }",
      "function c(x) { other.type('text'); res.send(x); other.send(x); }",
    ].join('\n');
    const expected = walked(m, src);
    expect(expected).toEqual(['res.send(x)', 'res.send(x)']);
    expect(at(src, [m, { rule: { pattern: 'eval($$$)' } }])[0]).toEqual(expected);
    // A util that binds it anew, one naming a metavariable the pattern does not bind, or no pattern: as written.
    const multi: Matcher = { ...m, utils: { typed: { has: { pattern: 'f($$$RES)' } } } };
    expect(inlined(multi, js)).toBeNull();
    const unbound: Matcher = { ...m, constraints: { ...m.constraints, Q: { regex: '^q$' } } };
    expect(inlined({ ...unbound, utils: { typed: { has: { pattern: '$Q' } } } }, js)).toBeNull();
    expect(inlined({ ...m, rule: { kind: 'call_expression', not: { matches: 'typed' } } }, js)).toBeNull();
  });

  it("places a constraint on a field's child that a `has` binds, as a check on that field", () => {
    const m: Matcher = {
      rule: {
        any: [
          {
            kind: 'variable_declarator',
            has: { field: 'name', regex: 'password$' },
            all: [{ has: { field: 'value', pattern: '$V' } }],
          },
          {
            kind: 'pair',
            has: { field: 'key', regex: '^password$' },
            all: [{ has: { field: 'value', pattern: '$V' } }],
          },
          { pattern: '$O.password = $V' },
        ],
      },
      constraints: { V: { kind: 'string', regex: '^.[^$]{4,}.$' } },
    };
    expect(inlined(m, js)).not.toBeNull();
    const src = [
      "const password = 'hunter22'; const dbPassword = x; const apiPassword = 'no';",
      "const c = { password: 'longenough', other: 'x', password2: 'zzzzzz' }; o.password = 'secret99'; o.password = v;",
    ].join('\n');
    const expected = walked(m, src);
    expect(expected).toEqual(["password = 'hunter22'", "password: 'longenough'", "o.password = 'secret99'"]);
    expect(at(src, [m, { rule: { pattern: 'eval($$$)' } }])[0]).toEqual(expected);
    // Named twice, or besides the pattern: kept as written.
    const twice: Matcher = {
      ...m,
      rule: {
        kind: 'pair',
        has: { field: 'value', pattern: '$V' },
        all: [{ has: { field: 'key', pattern: '$V' } }],
      },
    };
    expect(inlined(twice, js)).toBeNull();
    // Only fields that hold one node: not a class body's `member`, which a node repeats.
    const member: Matcher = {
      rule: { kind: 'class_body', has: { field: 'member', pattern: '$V' } },
      constraints: { V: { kind: 'method_definition' } },
    };
    expect(inlined(member, js)).toBeNull();
  });

  it('places a constraint on an argument behind a comment as ast-grep binds it', () => {
    const m: Matcher = { rule: { pattern: '$X.replace($R, $$$)' }, constraints: { R: { regex: '^/a/$' } } };
    expect(
      at('s.replace(/* why */ /a/, "b"); t.replace(/b/, "c")', [m, { rule: { pattern: 'eval($$$)' } }])[0],
    ).toEqual(['s.replace(/* why */ /a/, "b")']);
  });
});

describe('mayMatch', () => {
  it('never rules out a matcher that matches: checked for every matcher on real code', () => {
    ensurePython();
    let ruledOut = 0;
    for (const file of fixtureFiles()) {
      const text = readFileSync(file.path, 'utf8');
      const root = parse(file.lang.lang, text).root();
      for (const m of matchersOf(file.lang)) {
        if (mayMatch(m, text)) continue;
        ruledOut++;
        const f = forFile(m, root);
        let n = 0;
        try {
          n = f ? root.findAll(f).length : 0;
        } catch {
          n = 0;
        }
        expect(n, `${file.path}: ${JSON.stringify(m).slice(0, 160)}`).toBe(0);
      }
    }
    expect(ruledOut).toBeGreaterThan(1000);
    // Every matcher over every fixture and rule example: its cost grows with both (71 s in a loaded CI at 161
    // code rules and 864 examples), as the batch test above does.
  }, 300_000);

  it("needs one of a constraint's names as a whole name, not inside a longer one", () => {
    const m: Matcher = { rule: { pattern: '$DB.$M($$$)' }, constraints: { M: { regex: '^(query|raw)$' } } };
    expect(mayMatch(m, 'db.queryAll(x); rawData()')).toBe(false);
    expect(mayMatch(m, 'db.query(x)')).toBe(true);
    // A constraint inside a string, or one that is not a list of names, rules nothing out.
    expect(mayMatch({ rule: { pattern: "f('$M')" }, constraints: { M: { regex: '^x$' } } }, 'f(1)')).toBe(
      true,
    );
    expect(mayMatch({ rule: { pattern: '$A.$M()' }, constraints: { M: { regex: '^x.*$' } } }, 'a.b()')).toBe(
      true,
    );
  });
});

describe('mayMatch: words a rule needs below its top level', () => {
  it('needs a word of each alternative of `any`, of every part of `all`, of relational clauses and utils', () => {
    const any: Matcher = { rule: { any: [{ pattern: 'eval($X)' }, { pattern: 'new Function($$$)' }] } };
    expect(mayMatch(any, 'run(code)')).toBe(false);
    expect(mayMatch(any, 'eval(code)')).toBe(true);
    expect(mayMatch(any, 'new Function(code)')).toBe(true);
    const all: Matcher = {
      rule: {
        all: [{ pattern: '$A.exec($B)' }, { inside: { kind: 'function_declaration', pattern: 'handler' } }],
      },
    };
    expect(mayMatch(all, 'cp.exec(cmd)')).toBe(false);
    expect(mayMatch(all, 'function handler() { cp.exec(cmd) }')).toBe(true);
    const util: Matcher = { rule: { matches: 'sink' }, utils: { sink: { pattern: 'innerHTML' } } };
    expect(mayMatch(util, 'el.textContent = x')).toBe(false);
    expect(mayMatch(util, 'el.innerHTML = x')).toBe(true);
    const names: Matcher = {
      rule: {
        all: [{ pattern: '$T($$$)' }, { has: { field: 'function', regex: '^(setTimeout|setInterval)$' } }],
      },
    };
    expect(mayMatch(names, 'run(x)')).toBe(false);
    expect(mayMatch(names, 'setInterval(x, 10)')).toBe(true);
  });

  it('needs nothing under `not`, from an alternative without words, or from a util met again', () => {
    const not: Matcher = { rule: { pattern: '$A.exec($B)', not: { inside: { pattern: 'sanitize($$$)' } } } };
    expect(mayMatch(not, 'cp.exec(cmd)')).toBe(true);
    const open: Matcher = { rule: { any: [{ pattern: 'eval($X)' }, { kind: 'call_expression' }] } };
    expect(mayMatch(open, 'run(x)')).toBe(true);
    const loop: Matcher = {
      rule: { matches: 'a' },
      utils: { a: { any: [{ pattern: 'alpha($X)' }, { has: { matches: 'a' } }] } },
    };
    // The second reference to `a` adds nothing, so its alternative needs nothing: the reading ends.
    expect(mayMatch(loop, 'beta(x)')).toBe(true);
    expect(
      mayMatch({ rule: { all: [{ matches: 'a' }, { pattern: 'gamma' }] }, utils: loop.utils }, 'beta(x)'),
    ).toBe(false);
  });
});
