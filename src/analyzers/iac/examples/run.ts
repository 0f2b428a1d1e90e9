import type { Analyzer } from '../../../core/analyzer.js';
import type { RawFinding } from '../../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../../core/source-file.js';
import type { ExampleTable, RuleExample } from './types.js';
import { unmark } from './types.js';

/** Runs an analyzer over one in-memory file (with its sibling files), as the engine would. */
export async function runOn(
  analyzer: Analyzer,
  path: string,
  text: string,
  files: Record<string, string> = {},
  options: Record<string, unknown> = {},
): Promise<RawFinding[]> {
  const file = makeSourceFile(path, text);
  if (!analyzer.matches(file)) throw new Error(`${analyzer.id} does not match ${path}`);
  const ctx = makeMemoryContext({ ...files, [path]: text }, options);
  return analyzer.analyze(file, ctx);
}

/** The outcome of one example: lines the rule reported on the bad input and on the good one. */
export async function runExample(
  analyzer: Analyzer,
  ruleId: string,
  ex: RuleExample,
): Promise<{ expected: number[]; badLines: number[]; goodLines: number[] }> {
  const { text, lines } = unmark(ex.bad);
  const lineSet = (fs: RawFinding[]): number[] =>
    [...new Set(fs.filter((f) => f.ruleId === ruleId).map((f) => f.location.startLine))].sort(
      (a, b) => a - b,
    );
  const bad = await runOn(analyzer, ex.path, text, ex.files, ex.options);
  const good = await runOn(analyzer, ex.path, ex.good, ex.files, ex.options);
  return { expected: lines, badLines: lineSet(bad), goodLines: lineSet(good) };
}

/** Rule ids without examples, and example ids that name no rule. */
export function coverage(analyzer: Analyzer, table: ExampleTable): { missing: string[]; unknown: string[] } {
  const ids = new Set(analyzer.rules.map((r) => r.id));
  return {
    missing: [...ids].filter((id) => !(table[id]?.length ?? 0)),
    unknown: Object.keys(table).filter((id) => !ids.has(id)),
  };
}
