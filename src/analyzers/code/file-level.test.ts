import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it, vi } from 'vitest';
import { forFile } from './file-level.js';
import { ensurePython } from './languages.js';
import type { Matcher } from './rule-schema.js';

const ormAware: Matcher = {
  rule: {
    pattern: '$M.$F($$$)',
    not: {
      any: [
        { has: { kind: 'arguments', has: { kind: 'object', has: { kind: 'pair', regex: '^where' } } } },
        { inside: { stopBy: 'end', kind: 'program', regex: '(?i)sequelize|knex' } },
      ],
    },
  },
  constraints: { F: { regex: '^(find|findOne)$' } },
};

const JS_FILES = [
  'db.users.find({ name: req.body.name }); other.call(x);',
  "const Sequelize = require('sequelize'); User.findOne({ name: q }); User.find(q);",
  "User.findOne({ where: { id } }); db.items.find(q); import knex from 'knex';",
  'function f() { return a.find(b) }',
];

/** Every node the matcher finds, as `start-end` (the identity a rewrite must keep). */
function spans(src: string, lang: Lang, m: Matcher, rewritten: boolean): string[] {
  const root = parse(lang, src).root();
  const f = rewritten ? forFile(m, root) : m;
  if (!f) return [];
  return root.findAll(f).map((n) => `${n.range().start.index}-${n.range().end.index}`);
}

describe('forFile', () => {
  it('finds exactly what the matcher as written finds, file by file', () => {
    for (const src of JS_FILES) {
      expect(spans(src, Lang.JavaScript, ormAware, true)).toEqual(
        spans(src, Lang.JavaScript, ormAware, false),
      );
    }
    expect(spans(JS_FILES[0]!, Lang.JavaScript, ormAware, true)).toHaveLength(1);
    expect(spans(JS_FILES[1]!, Lang.JavaScript, ormAware, true)).toHaveLength(0);
  });

  it('decides the whole-file clause once: the rewritten matcher no longer has it', () => {
    const plain = parse(Lang.JavaScript, JS_FILES[0]!).root();
    const f = forFile(ormAware, plain);
    expect(JSON.stringify(f)).not.toContain('sequelize');
    expect(JSON.stringify(f)).toContain('^where');
    // The file names an ORM: the `not` can never hold, so nothing is run at all.
    expect(forFile(ormAware, parse(Lang.JavaScript, JS_FILES[1]!).root())).toBeNull();
    // Cached per file: the same object again.
    expect(forFile(ormAware, plain)).toBe(f);
  });

  it('answers a clause whose words the text lacks without walking the file', () => {
    const walks = (src: string): { f: Matcher | null; calls: number } => {
      const root = parse(Lang.JavaScript, src).root();
      const spy = vi.spyOn(root, 'matches');
      const f = forFile(ormAware, root, src);
      return { f, calls: spy.mock.calls.length };
    };
    // No `sequelize` or `knex` in the text: the `not` holds without a walk, and the matcher is rewritten as
    // when the walk answered.
    const absent = walks(JS_FILES[0]!);
    expect(absent.calls).toBe(0);
    expect(JSON.stringify(absent.f)).not.toContain('sequelize');
    expect(spans(JS_FILES[0]!, Lang.JavaScript, ormAware, true)).toHaveLength(1);
    // The word is there (in a comment, where the regex on the program's text still sees it): walked, and
    // the `not` fails, so nothing runs.
    const named = walks(`// uses Sequelize\n${JS_FILES[0]!}`);
    expect(named.calls).toBe(1);
    expect(named.f).toBeNull();
    // Without the text given, the tree's own text is read: the same answers.
    const root = parse(Lang.JavaScript, JS_FILES[3]!).root();
    expect(JSON.stringify(forFile(ormAware, root))).toBe(JSON.stringify(absent.f));
  });

  it('leaves matchers without whole-file clauses untouched', () => {
    const m: Matcher = {
      rule: { pattern: 'eval($X)', inside: { kind: 'function_declaration', stopBy: 'end' } },
    };
    expect(forFile(m, parse(Lang.JavaScript, 'eval(a)').root())).toBe(m);
  });

  it('handles Python modules, conjunctions and alternatives', () => {
    ensurePython();
    const m: Matcher = {
      rule: {
        any: [
          { pattern: 'hashlib.md5($$$)' },
          {
            kind: 'call',
            regex: '^md5\\(',
            inside: { stopBy: 'end', kind: 'module', regex: 'from\\s+hashlib\\s+import[^\\n]*\\bmd5\\b' },
          },
        ],
        not: { regex: 'usedforsecurity' },
      },
    };
    const srcs = [
      'from hashlib import md5\nmd5(b"x")\nhashlib.md5(b"y")\n',
      'import hashlib\nmd5(b"x")\nhashlib.md5(b"y")\nhashlib.md5(b"z", usedforsecurity=False)\n',
      'def md5(x):\n  return x\nmd5(1)\n',
    ];
    const lang = 'python' as Lang;
    for (const src of srcs) expect(spans(src, lang, m, true)).toEqual(spans(src, lang, m, false));
    expect(spans(srcs[0]!, lang, m, true)).toHaveLength(2);
    expect(spans(srcs[2]!, lang, m, true)).toHaveLength(0);
  });

  it('keeps a positive clause that binds a metavariable, and an alternative that would always hold', () => {
    const binds: Matcher = {
      rule: {
        pattern: 'f($A)',
        inside: { stopBy: 'end', kind: 'program', has: { pattern: 'g($B)', stopBy: 'end' } },
      },
    };
    const root = parse(Lang.JavaScript, 'g(1); f(2);').root();
    expect(forFile(binds, root)).toBe(binds);
    // An earlier alternative (`$A` bound to 2) would lose its binding: kept as written.
    const later: Matcher = {
      rule: {
        pattern: 'f($A)',
        any: [{ pattern: 'f(2)' }, { inside: { stopBy: 'end', kind: 'program', regex: 'g' } }],
      },
    };
    expect(forFile(later, root)).toBe(later);
    // First alternative holds: the `any` is dropped and the rest of the rule kept.
    const first: Matcher = {
      rule: {
        pattern: 'f($A)',
        any: [{ inside: { stopBy: 'end', kind: 'program', regex: 'g' } }, { regex: '2' }],
      },
    };
    expect(forFile(first, root)?.rule).toEqual({ pattern: 'f($A)' });
    for (const src of ['g(1); f(2);', 'f(3); f(2);', 'h(1)']) {
      for (const m of [later, first]) {
        expect(spans(src, Lang.JavaScript, m, true)).toEqual(spans(src, Lang.JavaScript, m, false));
      }
    }
    expect(spans('f(3); f(2);', Lang.JavaScript, first, true)).toHaveLength(1);
  });

  it('rules out a matcher whose binding clause has no match in the file, whatever it would bind', () => {
    const send: Matcher = {
      rule: {
        pattern: '$SEND(req, $P)',
        inside: {
          stopBy: 'end',
          kind: 'program',
          has: { stopBy: 'end', pattern: "const $SEND = require('send')" },
        },
      },
    };
    const srcs = [
      "const stream = require('send'); stream(req, p); other(req, p);",
      "const s = require('send'); stream(req, p);",
      'stream(req, p); other(req, p);',
    ];
    for (const src of srcs)
      expect(spans(src, Lang.JavaScript, send, true)).toEqual(spans(src, Lang.JavaScript, send, false));
    expect(spans(srcs[0]!, Lang.JavaScript, send, true)).toHaveLength(1);
    // The file requires `send` under another name: the clause holds, and is kept to agree on $SEND.
    expect(forFile(send, parse(Lang.JavaScript, srcs[1]!).root())).toBe(send);
    expect(spans(srcs[1]!, Lang.JavaScript, send, false)).toHaveLength(0);
    // No `require('send')` at all: nothing is run in this file.
    expect(forFile(send, parse(Lang.JavaScript, srcs[2]!).root())).toBeNull();
  });

  it('keeps a negated clause that reads a metavariable the pattern binds', () => {
    // `x.close()` reported unless the file also calls `$O.open()` on the same object.
    const m: Matcher = {
      rule: {
        pattern: '$O.close()',
        not: { inside: { stopBy: 'end', kind: 'program', has: { stopBy: 'end', pattern: '$O.open()' } } },
      },
    };
    const srcs = ['a.open(); b.close();', 'a.open(); a.close();', 'b.close();'];
    for (const src of srcs)
      expect(spans(src, Lang.JavaScript, m, true)).toEqual(spans(src, Lang.JavaScript, m, false));
    expect(spans(srcs[0]!, Lang.JavaScript, m, true)).toHaveLength(1);
    // No `open()` on anything: the clause cannot hold for any binding, so it is decided away.
    expect(JSON.stringify(forFile(m, parse(Lang.JavaScript, srcs[2]!).root()))).not.toContain('open');
    // A metavariable of its own (`$OTHER`, not `$O`) reads nothing the pattern bound: decided once.
    const own: Matcher = {
      rule: {
        pattern: '$O.close()',
        not: { inside: { stopBy: 'end', kind: 'program', has: { stopBy: 'end', pattern: '$OTHER.open()' } } },
      },
    };
    expect(forFile(own, parse(Lang.JavaScript, srcs[0]!).root())).toBeNull();
  });

  it('decides clauses that use the rule file’s utilities', () => {
    const m: Matcher = {
      rule: { pattern: 'exec($C)', not: { inside: { kind: 'program', matches: 'cli', stopBy: 'end' } } },
      utils: { cli: { regex: 'process\\.argv' } },
    };
    const cli = 'exec(process.argv[2])';
    const server = 'app.get("/", (req) => exec(req.query.c))';
    expect(forFile(m, parse(Lang.JavaScript, cli).root())).toBeNull();
    expect(spans(server, Lang.JavaScript, m, true)).toEqual(spans(server, Lang.JavaScript, m, false));
    expect(spans(server, Lang.JavaScript, m, true)).toHaveLength(1);
  });
  it('decides a clause with the utilities it uses, through other utilities too, and no others', () => {
    // `other` does not compile (no such kind): handed over with the clause, it would fail the decision.
    const m: Matcher = {
      rule: { pattern: 'exec($C)', not: { inside: { kind: 'program', matches: 'cli', stopBy: 'end' } } },
      utils: {
        cli: { any: [{ matches: 'argv' }, { regex: '^#!' }] },
        argv: { regex: 'process\\.argv' },
        other: { kind: 'no_such_kind' },
      },
    };
    expect(forFile(m, parse(Lang.JavaScript, 'exec(process.argv[2])').root())).toBeNull();
    const server = parse(Lang.JavaScript, 'app.get("/", (req) => exec(req.query.c))').root();
    expect(forFile(m, server)?.rule).toEqual({ pattern: 'exec($C)' });
  });
  it('keeps a clause whose items share a metavariable the rest binds (ast-grep does not backtrack)', () => {
    // `$N` is the name the declarator binds; with it free, the clause binds the first call's argument
    // (`other`), finds no write of it and would be decided false for the whole file.
    const m: Matcher = {
      rule: {
        kind: 'variable_declarator',
        all: [
          { has: { field: 'name', pattern: '$N' } },
          {
            inside: {
              stopBy: 'end',
              kind: 'program',
              all: [
                { has: { stopBy: 'end', pattern: 'sign($N)' } },
                {
                  has: {
                    stopBy: 'end',
                    kind: 'assignment_expression',
                    has: { field: 'left', pattern: '$N' },
                  },
                },
              ],
            },
          },
        ],
      },
    };
    const src = 'sign(other);\nvar key = 1;\nkey = 2;\nsign(key);\n';
    const asWritten = spans(src, Lang.JavaScript, m, false);
    expect(asWritten).toHaveLength(1);
    expect(spans(src, Lang.JavaScript, m, true)).toEqual(asWritten);
    // Without a word the clause needs, it is still decided false without a walk.
    expect(forFile(m, parse(Lang.JavaScript, 'var key = 1; key = 2;').root())).toBeNull();
    // Nor is it kept where an item that binds alike whatever `$N` is holds nowhere (no call of `sign`).
    expect(forFile(m, parse(Lang.JavaScript, 'var sign = 1; sign = 2;').root())).toBeNull();
  });
});
