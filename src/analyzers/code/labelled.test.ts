import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
// @ts-expect-error -- a plain ES module shared with bench/code/labelled.mjs (no type declarations)
import { labelledFiles, score } from '../../../bench/code/labelled-score.mjs';
import { codeAnalyzer, rulesFor } from './index.js';

interface Row {
  cls: string;
  vuln: number;
  found: number;
  safe: number;
  alarms: number;
}
interface Score {
  rows: Row[];
  total: Omit<Row, 'cls'>;
  misses: string[];
  alarms: string[];
}

const ROOT = fileURLToPath(new URL('../../../test/fixtures/code-labelled/', import.meta.url));
const classOf = new Map(rulesFor().set.rules.map((r) => [r.id, r.class]));

async function run(lang: 'python' | 'js'): Promise<Score> {
  const ctx = makeMemoryContext({}, {});
  const analyze = async (path: string, text: string) =>
    (
      await codeAnalyzer.analyze(makeSourceFile(path.slice(ROOT.length), text, path, Buffer.from(text)), ctx)
    ).map((f) => ({ line: f.location.startLine, cls: classOf.get(f.ruleId), ruleId: f.ruleId }));
  return (score as (files: string[], a: typeof analyze) => Promise<Score>)(
    (labelledFiles as (dir: string) => string[])(`${ROOT}${lang}`),
    analyze,
  );
}

// Floors, not targets: the labelled lines were written by the rules' authors from what users write,
// so they measure regressions, not recall on code nobody here has seen (see bench/code/README.md).
describe('labelled examples (test/fixtures/code-labelled)', () => {
  for (const lang of ['python', 'js'] as const) {
    describe(lang, () => {
      let s: Score;
      beforeAll(async () => {
        s = await run(lang);
      });
      it('has vulnerable and safe lines for many classes', () => {
        expect(s.rows.length).toBeGreaterThanOrEqual(20);
        expect(s.total.safe).toBeGreaterThanOrEqual(25);
      });
      it('finds at least 90% of the vulnerable lines', () => {
        expect(s.total.found / s.total.vuln, s.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
      });
      it('raises an alarm on at most 5% of the safe lines', () => {
        expect(s.total.alarms / s.total.safe, s.alarms.join('\n')).toBeLessThanOrEqual(0.05);
      });
      it('finds something in every class that has vulnerable lines', () => {
        const empty = s.rows.filter((r) => r.vuln > 0 && r.found === 0).map((r) => r.cls);
        expect(empty).toEqual([]);
      });
    });
  }
});
