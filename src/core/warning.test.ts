import { describe, expect, it } from 'vitest';
import { scanWarning, warningLines } from './warning.js';

const budget = (path: string) =>
  scanWarning('analysis-truncated', 'taint analysis stopped early (analysis budget spent)', {
    analyzer: 'code',
    path,
  });

describe('warningLines', () => {
  it('prints a note many files share once, naming the first files and how many more', () => {
    const lines = warningLines([
      scanWarning('analyzer-note', 'no advisory database', { analyzer: 'deps' }),
      ...['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts', 'f.ts'].map(budget),
    ]);
    expect(lines).toEqual([
      'deps: no advisory database',
      'code: taint analysis stopped early (analysis budget spent) (6 files: a.ts, b.ts, c.ts and 3 more; all are in --format json)',
    ]);
  });

  it('lists each file when only a few share a note, and never merges different notes', () => {
    const lines = warningLines([
      budget('a.ts'),
      budget('b.ts'),
      scanWarning('file-not-analyzed', 'skipped: minified or bundled code', {
        analyzer: 'code',
        path: 'a.ts',
      }),
      scanWarning('analyzer-note', 'one', {}),
      scanWarning('analyzer-note', 'one', {}),
    ]);
    expect(lines).toEqual([
      'code: a.ts: taint analysis stopped early (analysis budget spent)',
      'code: b.ts: taint analysis stopped early (analysis budget spent)',
      'code: a.ts: skipped: minified or bundled code',
      'one',
      'one',
    ]);
  });
});
