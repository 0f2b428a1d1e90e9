import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { cheapFirst, isCheap, isGeneric, patternKind } from './cheap-first.js';
import type { Rule } from './constraint-inline.js';
import { ensurePython } from './languages.js';
import type { FileLanguage } from './languages.js';

const js: FileLanguage = { family: 'javascript', lang: Lang.JavaScript };
const ts: FileLanguage = { family: 'typescript', lang: Lang.TypeScript };

const SRC = `
fs.readFile(p, cb); readFileSync(name, 'utf8'); db.query(sql, args); x[k] = v; o[k] = {};
exec(cmd, 1); cp.exec(cmd, opts); (function () { writeFile(a, b); })(); new Foo(bar);
`;

/** Every match as text, with what the metavariables bound. */
function found(lang: FileLanguage, rule: Rule, names: string[], src = SRC): string[] {
  return parse(lang.lang, src)
    .root()
    .findAll({ rule })
    .map((n) => `${n.text()} ${names.map((x) => n.getMatch(x)?.text() ?? '').join(',')}`);
}

describe('patternKind', () => {
  it('is the kind of the nodes a pattern of metavariables matches', () => {
    expect(patternKind('$F($$$)', js.lang)).toBe('call_expression');
    expect(patternKind('$DB.$M($Q, $$$)', ts.lang)).toBe('call_expression');
    expect(patternKind('$O[$K] = $V', js.lang)).toBe('assignment_expression');
    expect(patternKind('new $C($$$)', js.lang)).toBe('new_expression');
  });

  it('is unknown for a lone metavariable, which matches nodes of every kind', () => {
    expect(patternKind('$X', js.lang)).toBeNull();
    expect(patternKind('$$$ARGS', js.lang)).toBeNull();
    expect(patternKind('$_', js.lang)).toBeNull();
  });

  it("reads Python's kinds from Python's grammar", () => {
    ensurePython();
    expect(patternKind('$F($$$)', 'python')).toBe('call');
  });
});

describe('cheapFirst', () => {
  const sink: Rule = {
    all: [
      { pattern: '$F($A, $$$)' },
      { has: { field: 'function', regex: '^(readFile|readFileSync|writeFile|exec)$' } },
    ],
  };

  it('tests the callee before a pattern that matches every call, behind the kind of the pattern', () => {
    const moved = cheapFirst(sink, js);
    expect(moved).toEqual({
      all: [{ kind: 'call_expression' }, sink.all && (sink.all as Rule[])[1], { pattern: '$F($A, $$$)' }],
    });
    expect(found(js, moved, ['F', 'A'])).toEqual(found(js, sink, ['F', 'A']));
    expect(found(js, sink, ['F', 'A'])).toEqual([
      "readFileSync(name, 'utf8') readFileSync,name",
      'exec(cmd, 1) exec,cmd',
      'writeFile(a, b) writeFile,a',
    ]);
  });

  it('moves tests of children nested in has, not and nthChild, and keeps the order of the others', () => {
    const rule: Rule = {
      all: [
        { pattern: '$DB.$M($Q, $$$)' },
        { not: { has: { field: 'arguments', has: { nthChild: 1, kind: 'string' } } } },
        { has: { field: 'function', has: { field: 'property', regex: '^(query|exec)$' } } },
      ],
    };
    const moved = cheapFirst(rule, ts);
    const items = rule.all as Rule[];
    expect(moved).toEqual({ all: [{ kind: 'call_expression' }, items[1], items[2], items[0]] });
    expect(found(ts, moved, ['DB', 'M', 'Q'])).toEqual(found(ts, rule, ['DB', 'M', 'Q']));
    expect(found(ts, rule, ['DB', 'M', 'Q'])).toEqual([
      'db.query(sql, args) db,query,sql',
      'cp.exec(cmd, opts) cp,exec,cmd',
    ]);
  });

  it('leaves a pattern with names (selective already) and costly or binding tests where they are', () => {
    const named: Rule = {
      all: [{ pattern: 'exec($X)' }, { has: { field: 'arguments', kind: 'arguments' } }],
    };
    expect(cheapFirst(named, js)).toBe(named);
    const binding: Rule = {
      all: [{ pattern: '$F($X)' }, { has: { field: 'arguments', has: { pattern: '$X' } } }],
    };
    expect(cheapFirst(binding, js)).toBe(binding);
    const far: Rule = {
      all: [{ pattern: '$F($$$)' }, { has: { field: 'function', stopBy: 'end', regex: '^exec$' } }],
    };
    expect(cheapFirst(far, js)).toBe(far);
    const wholeText: Rule = { all: [{ pattern: '$F($$$)' }, { regex: '^exec\\(' }] };
    expect(cheapFirst(wholeText, js)).toBe(wholeText);
    const inside: Rule = { all: [{ pattern: '$F($$$)' }, { inside: { kind: 'function_expression' } }] };
    expect(cheapFirst(inside, js)).toBe(inside);
  });

  it('reorders each alternative of a top-level any', () => {
    const rule: Rule = { any: [sink, { pattern: 'eval($X)' }] };
    const moved = cheapFirst(rule, js);
    expect((moved.any as Rule[])[0]).toEqual(cheapFirst(sink, js));
    expect((moved.any as Rule[])[1]).toBe((rule.any as Rule[])[1]);
    expect(found(js, moved, ['F', 'A', 'X'])).toEqual(found(js, rule, ['F', 'A', 'X']));
  });

  it('calls cheap only what looks at the node and its children', () => {
    expect(isCheap({ has: { field: 'function', regex: '^a$' } })).toBe(true);
    expect(
      isCheap({ not: { has: { field: 'arguments', has: { nthChild: { position: 1 }, kind: 'string' } } } }),
    ).toBe(true);
    expect(isCheap({ has: { stopBy: 'end', kind: 'string' } })).toBe(false);
    expect(isCheap({ has: { field: 'object', matches: 'util' } })).toBe(false);
    expect(
      isCheap({ has: { field: 'arguments', nthChild: { position: 1, ofRule: { pattern: '$X' } } } }),
    ).toBe(false);
    expect(isGeneric('$O[$K] = $V')).toBe(true);
    expect(isGeneric('$A.exec($B)')).toBe(false);
  });
});
