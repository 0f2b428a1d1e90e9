import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { findAllBatch } from './batch-match.js';
import { boundHits, GUARD_BINDINGS } from './guard-bindings.js';
import { parseRuleFile } from './load-rules.js';
import type { Matcher } from './rule-schema.js';
import { pathRuleYaml } from '../../../test/helpers/path-rule.js';

const UTILS = `utils:
  slash-ended:
    regex: '(?:\\+\\s*(?:[\\w$]+\\.)*sep|''/'')$'
`;
const rule = (guard: string): string => pathRuleYaml(guard, { utils: UTILS });

const BOUND = `        - pattern: $X.startsWith($R)
          polarity: allow
          constraints: { R: { any: [{ kind: identifier }, { kind: member_expression }] } }
          boundInFile:
            any:
              - kind: variable_declarator
                all: [{ has: { field: name, pattern: $R } }, { has: { field: value, matches: slash-ended } }]
              - kind: assignment_expression
                all: [{ has: { field: left, pattern: $R } }, { has: { field: right, matches: slash-ended } }]`;

const guardOf = (yaml: string): Matcher => {
  const g = parseRuleFile('x.yaml', rule(yaml)).rules[0]?.taint?.guards[0];
  if (!g) throw new Error('no guard');
  return g;
};

/** The texts `$R` binds at each hit of the guard that its binding rule lets through. */
const checked = (g: Matcher, code: string): string[] => {
  const root = parse(Lang.JavaScript, code).root();
  const lang = { family: 'javascript' as const, lang: Lang.JavaScript };
  const hits = findAllBatch(root, lang, [g])[0] ?? [];
  return boundHits(root, g, hits).map((h) => h.get('R')?.text() ?? '');
};

describe('a guard bound by a rule anywhere in the file (boundInFile)', () => {
  it('keeps the binding rule beside the matcher, with the metavariables the two share', () => {
    const g = guardOf(BOUND);
    expect(GUARD_BINDINGS.get(g)?.vars).toEqual(['R']);
    // The binding rule gets the file's utils it names, and is not part of the guard's own rule.
    expect(JSON.stringify(GUARD_BINDINGS.get(g)?.rule)).toContain('slash-ended');
    expect(JSON.stringify(g)).not.toContain('boundInFile');
    expect(JSON.stringify(g)).not.toContain('variable_declarator');
  });

  it('refuses a binding rule that names none of the guard metavariables', () => {
    expect(() =>
      guardOf(`        - pattern: $X.startsWith($R)
          boundInFile: { kind: variable_declarator, has: { field: name, pattern: $N } }`),
    ).toThrow(/taint\.guards\[0\]\.boundInFile must name a metavariable of its guard/);
  });

  it('holds only for a name the file binds that way, wherever it does', () => {
    const g = guardOf(BOUND);
    const code = `
      function check(p) { return p.startsWith(base) && p.startsWith(root) && p.startsWith(this.dir); }
      function later(root, dir) {
        const base = dir + path.sep;
        this.dir = dir + '/';
        root = dir;
      }`;
    // `root` is bound to a value with no separator at its end: no guard there.
    expect(checked(g, code)).toEqual(['base', 'this.dir']);
  });

  it('compares names as ast-grep compares a metavariable named again: spacing does not count', () => {
    const g = guardOf(BOUND);
    expect(checked(g, `p.startsWith(this .dir); this.dir = d + '/';`)).toEqual(['this .dir']);
    expect(checked(g, `p.startsWith(this.dirs); this.dir = d + '/';`)).toEqual([]);
  });

  it('lets nothing through in a file where the rule binds nothing', () => {
    expect(checked(guardOf(BOUND), `p.startsWith(base); const base = root;`)).toEqual([]);
  });
});
