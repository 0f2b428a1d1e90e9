import { Lang, parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { COMBINE_FROM_CHARS, findAllBatch } from './batch-match.js';
import type { FileLanguage } from './languages.js';
import type { Matcher } from './rule-schema.js';
import { reachedUtils } from './used-utils.js';

const js: FileLanguage = { family: 'javascript', lang: Lang.JavaScript };

describe('reachedUtils', () => {
  it('keeps the utils the rule or a constraint names, directly or through another util, and no others', () => {
    const utils = {
      a: { matches: 'b' },
      b: { kind: 'identifier' },
      c: { kind: 'string' },
      d: { any: [{ matches: 'e' }] },
      e: { regex: '^x' },
      f: { matches: 'f' },
    };
    expect(reachedUtils(utils, { all: [{ matches: 'a' }] }, { X: { matches: 'd' } })).toEqual({
      a: utils.a,
      b: utils.b,
      d: utils.d,
      e: utils.e,
    });
    expect(reachedUtils(utils, { has: { stopBy: 'end', matches: 'f' } })).toEqual({ f: utils.f });
    expect(reachedUtils(utils, { kind: 'call_expression' })).toEqual({});
  });

  it('answers the same object when every util is reached, and undefined for none', () => {
    const utils = { a: { matches: 'b' }, b: { kind: 'identifier' } };
    expect(reachedUtils(utils, { not: { matches: 'a' } })).toBe(utils);
    expect(reachedUtils(undefined, { matches: 'a' })).toBeUndefined();
  });

  it('leaves what a walk finds and binds as it was, alone and combined', () => {
    const src = `const k = req.query.k;\nexec("ls " + k);\nrun(k, 1);\n${'// pad\n'.repeat(COMBINE_FROM_CHARS / 7)}`;
    const root = parse(Lang.JavaScript, src).root();
    const utils = {
      arg: { kind: 'identifier', regex: '^k$' },
      unused: { kind: 'string', regex: 'never' },
      other: { pattern: '$A + $B' },
    };
    const matchers: Matcher[] = [
      { rule: { pattern: 'exec($X)', has: { stopBy: 'end', matches: 'other' } }, utils },
      { rule: { pattern: 'run($Y, $$$REST)', has: { stopBy: 'end', matches: 'arg' } }, utils },
    ] as Matcher[];
    const at = (n: SgNode | null): string => (n ? `${n.range().start.index}:${n.text()}` : '');
    const seen = (chars: number): string[][] =>
      findAllBatch(root, js, matchers, chars).map((hits) =>
        hits.map(
          (h) => `${at(h.node)} X=${at(h.get('X'))} Y=${at(h.get('Y'))} ${h.getAll('REST').map(at).join()}`,
        ),
      );
    const asWritten = matchers.map((m) =>
      root
        .findAll(m)
        .map(
          (n) =>
            `${at(n)} X=${at(n.getMatch('X'))} Y=${at(n.getMatch('Y'))} ${n.getMultipleMatches('REST').map(at).join()}`,
        ),
    );
    expect(asWritten.map((l) => l.length)).toEqual([1, 1]);
    expect(seen(src.length)).toEqual(asWritten);
    expect(seen(1)).toEqual(asWritten);
  });
});
