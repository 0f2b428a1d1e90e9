import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { appConditionHolds } from './app-scope.js';
import { dedupeMatches } from './dedupe.js';
import { runRules } from './engine.js';
import type { PreparedRules } from './engine.js';
import { languageOf } from './languages.js';
import type { CodeRule } from './rule-schema.js';

/** The outcome of one example file for one rule. */
export interface ExampleResult {
  rule: string;
  file: string;
  /** Lines marked `ruleid: <id>` that got no finding. */
  missed: number[];
  /** Lines with a finding that no marker asked for (every finding in a good file). */
  unexpected: number[];
}

/** The folder name of a rule's examples: its id without the analyzer prefix. */
export function exampleDirName(ruleId: string): string {
  return ruleId.replace(/^[^/]+\//, '');
}

/** Lines (1-based) that a `ruleid: <id>` comment on the line before marks as expected findings. */
export function expectedLines(text: string, ruleId: string): number[] {
  const out: number[] = [];
  const lines = text.split(/\r?\n/);
  const marker = new RegExp(`^\\s*(?://|#)\\s*ruleid:\\s*([\\w./,\\s-]+)$`);
  lines.forEach((l, i) => {
    const m = marker.exec(l);
    if (m?.[1]?.split(/[\s,]+/).includes(ruleId)) {
      let j = i + 1;
      while (j < lines.length && /^\s*(?:\/\/|#)\s*ruleid:/.test(lines[j] ?? '')) j++;
      out.push(j + 1);
    }
  });
  return out;
}

/** The example files of a rule in `dir/<rule-id-without-prefix>/`: `bad.*` and `good.*`. */
export function exampleFiles(dir: string, ruleId: string): { bad: string[]; good: string[] } {
  const d = join(dir, exampleDirName(ruleId));
  let names: string[] = [];
  try {
    if (statSync(d).isDirectory()) names = readdirSync(d).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const pick = (prefix: string): string[] =>
    names
      .filter((n) => n.startsWith(prefix) && languageOf(extname(n).slice(1)) !== undefined)
      .map((n) => join(d, n));
  return { bad: pick('bad'), good: pick('good') };
}

/** Runs one rule over one example file and compares with its markers (good files expect nothing). */
export function checkExample(
  rules: PreparedRules,
  rule: CodeRule,
  file: string,
  good: boolean,
): ExampleResult {
  const text = readFileSync(file, 'utf8');
  const lang = languageOf(extname(file).slice(1));
  // Deduplicated as a scan reports them (one review per statement for audit rules).
  // An example is an application of one file: a rule about the whole application is decided on it alone.
  const ran = lang ? dedupeMatches(runRules(text, lang, rules, new Set([rule.id]))) : [];
  const lines = ran.map((m) => m.line);
  const found = !rule.app
    ? lines
    : appConditionHolds(rule.app, [text]) && lines.length > 0
      ? [Math.min(...lines)]
      : [];
  const expected = good ? [] : expectedLines(text, rule.id);
  return {
    rule: rule.id,
    file,
    missed: expected.filter((l) => !found.includes(l)),
    unexpected: [...new Set(found.filter((l) => !expected.includes(l)))],
  };
}
