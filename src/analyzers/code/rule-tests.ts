import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PreparedRules } from './engine.js';
import { BUILTIN_RULES_DIR } from './load-rules.js';
import { loadRuleDirs } from './rule-folders.js';
import { checkExample, exampleFiles } from './rule-examples.js';
import type { ExampleResult } from './rule-examples.js';

/** The outcome of testing every rule of a folder against its examples. */
export interface RuleFolderReport {
  dir: string;
  rules: number;
  results: ExampleResult[];
  /** Rules with no `bad.*` or no `good.*` example. */
  missingExamples: { rule: string; missing: ('bad' | 'good')[] }[];
  passed: boolean;
}

/**
 * Tests the rules in `dir` against the examples in `dir/tests/<rule-id-without-prefix>/` (`bad.*` files
 * mark expected findings with `ruleid: <id>` comments on the line before; `good.*` files expect none).
 * The built-in sources and sanitizers are loaded too, so custom taint rules can use their labels.
 */
export function testRuleFolder(dir: string): RuleFolderReport {
  const own = loadRuleDirs([dir]);
  const builtin = dir === BUILTIN_RULES_DIR ? own : loadRuleDirs([BUILTIN_RULES_DIR]);
  const prepared = new PreparedRules({
    rules: own.rules,
    sources: dir === BUILTIN_RULES_DIR ? own.sources : [...builtin.sources, ...own.sources],
    sanitizers: dir === BUILTIN_RULES_DIR ? own.sanitizers : [...builtin.sanitizers, ...own.sanitizers],
  });
  const examples = existsSync(join(dir, 'tests')) ? join(dir, 'tests') : dir;
  const results: ExampleResult[] = [];
  const missingExamples: RuleFolderReport['missingExamples'] = [];
  for (const rule of own.rules) {
    const ex = exampleFiles(examples, rule.id);
    const missing: ('bad' | 'good')[] = [];
    if (ex.bad.length === 0) missing.push('bad');
    if (ex.good.length === 0) missing.push('good');
    if (missing.length > 0) missingExamples.push({ rule: rule.id, missing });
    for (const f of ex.bad) results.push(checkExample(prepared, rule, f, false));
    for (const f of ex.good) results.push(checkExample(prepared, rule, f, true));
  }
  const failed = results.some((r) => r.missed.length > 0 || r.unexpected.length > 0);
  return {
    dir,
    rules: own.rules.length,
    results,
    missingExamples,
    passed: !failed && missingExamples.length === 0,
  };
}
