import { describe, expect, it } from 'vitest';
import { IAC_EXAMPLES } from './examples/index.js';
import { coverage, runExample } from './examples/run.js';
import { iacAnalyzer } from './index.js';

describe('iac rules: every rule fires on its bad examples (on the marked lines) and stays quiet on the good ones', () => {
  it('has examples for every rule and no examples for unknown rules', () => {
    expect(coverage(iacAnalyzer, IAC_EXAMPLES)).toEqual({ missing: [], unknown: [] });
  });

  for (const rule of iacAnalyzer.rules) {
    const examples = IAC_EXAMPLES[rule.id] ?? [];
    examples.forEach((ex, i) => {
      it(`${rule.id} #${i + 1} (${ex.path})`, async () => {
        const r = await runExample(iacAnalyzer, rule.id, ex);
        expect(r.expected.length, 'a bad example must mark at least one line').toBeGreaterThan(0);
        expect(r.badLines, 'bad example').toEqual(r.expected);
        expect(r.goodLines, 'good example').toEqual([]);
      });
    });
  }
});
