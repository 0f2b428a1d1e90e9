import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { findAllBatch } from './batch-match.js';
import { analyzeText, canMatch } from './engine.js';
import { forFile } from './file-level.js';
import { passes } from './text-facts.js';
import { rulesFor } from './index.js';
import { ensurePython, languageOf } from './languages.js';
import type { FileLanguage } from './languages.js';

const DIRS = ['../../../test/fixtures/code-labelled', '../../../rules/code/tests'].map((d) =>
  join(import.meta.dirname, d),
);

function fixtures(): { path: string; text: string; lang: FileLanguage }[] {
  const out: { path: string; text: string; lang: FileLanguage }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      const lang = languageOf(e.name.slice(e.name.lastIndexOf('.') + 1));
      if (e.isFile() && lang) out.push({ path: p, text: readFileSync(p, 'utf8'), lang });
    }
  };
  for (const d of DIRS) walk(d);
  return out;
}

describe('analyzeText', () => {
  it('rules out a rule before parsing only when none of its matchers or sinks matches in the tree', () => {
    ensurePython();
    const rules = rulesFor();
    let ruledOut = 0;
    let kept = 0;
    for (const f of fixtures()) {
      const root = parse(f.lang.lang, f.text).root();
      for (const rule of rules.family(f.lang.family).rules) {
        if (canMatch(rule, f.text)) {
          kept++;
          continue;
        }
        ruledOut++;
        const ms = rule.taint ? rule.taint.sinks.map((s) => s.matcher) : rule.match ? [rule.match] : [];
        for (const m of ms) {
          const walked = forFile(m, root);
          // Walked as the engine walks it (constraints written into the rule: ast-grep refuses some as written).
          const found = walked ? (findAllBatch(root, f.lang, [walked])[0] ?? []).length : 0;
          expect(found, `${f.path}: ${rule.id}`).toBe(0);
        }
      }
    }
    expect(ruledOut).toBeGreaterThan(1000);
    expect(kept).toBeGreaterThan(100);
    // Every rule on every example file (895 now): 67 s alone, 70 s in a loaded CI, against the 60 s default; as
    // batch-match.test's property test, so the same 300 s limit; no assertion changed.
  }, 300_000);

  it('lets through every file in which a rule without its prefilter finds something (a prefilter only skips work)', () => {
    ensurePython();
    const rules = rulesFor();
    let checked = 0;
    for (const f of fixtures()) {
      // Application rules decide over other files, which their prefilter is about (app-scope.ts).
      for (const rule of rules.family(f.lang.family).rules) {
        const prefilter = rule.prefilter;
        if (!prefilter || rule.app) continue;
        delete rule.prefilter;
        try {
          if (analyzeText(f.text, f.lang, rules, new Set([rule.id])).matches.length === 0) continue;
        } finally {
          rule.prefilter = prefilter;
        }
        checked++;
        if (rule.twinOf && !passes(f.text, prefilter)) {
          // A weakGuards twin is kept to files with a weak guard: elsewhere its flows are its parent's, which
          // reports each of them on the same line (deduplication keeps the parent's).
          const lines = (id: string) =>
            analyzeText(f.text, f.lang, rules, new Set([id])).matches.map((m) => m.line);
          delete rule.prefilter;
          try {
            const parent = new Set(lines(rule.twinOf));
            expect(
              lines(rule.id).filter((l) => !parent.has(l)),
              `${f.path}: ${rule.id}`,
            ).toEqual([]);
          } finally {
            rule.prefilter = prefilter;
          }
          continue;
        }
        expect(passes(f.text, prefilter), `${f.path}: ${rule.id}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('does not parse for the audit rules a file whose timers and queries are given names or functions', () => {
    // js-sql-injection-audit is the opt-in audit profile's: that rule set holds the default rules too.
    const rules = rulesFor([], 'audit');
    const js = languageOf('js') as FileLanguage;
    const file = (rule: string, name: string): string =>
      readFileSync(join(DIRS[1] as string, rule, name), 'utf8');
    for (const [rule, good, bad, least] of [
      ['js-code-injection-audit', 'good-timers-only.js', 'bad-timers-only.js', 2],
      ['js-sql-injection-audit', 'good-name-first.js', 'bad-name-first.js', 3],
    ] as const) {
      const only = new Set([`code/${rule}`]);
      expect(analyzeText(file(rule, good), js, rules, only).parsed, good).toBe(false);
      expect(analyzeText(file(rule, bad), js, rules, only).matches.length, bad).toBeGreaterThanOrEqual(least);
    }
  });

  it('leaves a file seen alone unparsed, with no matches, when the rules that apply cannot match in it', () => {
    ensurePython();
    const rules = rulesFor();
    let skipped = 0;
    for (const f of fixtures()) {
      for (const rule of rules.family(f.lang.family).rules) {
        const r = analyzeText(f.text, f.lang, rules, new Set([rule.id]));
        if (!canMatch(rule, f.text)) {
          expect(r, `${f.path}: ${rule.id}`).toEqual({ matches: [], truncated: false, parsed: false });
          skipped++;
        }
        if (!r.parsed) expect(r.matches).toEqual([]);
      }
    }
    expect(skipped).toBeGreaterThan(1000);
  });
});
