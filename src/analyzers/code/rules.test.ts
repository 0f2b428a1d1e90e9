import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesFor } from './index.js';
import { BUILTIN_RULES_DIR } from './load-rules.js';
import { checkExample, exampleFiles } from './rule-examples.js';

// Every rule, those of the opt-in audit profile too.
const rules = rulesFor([], 'audit');
const EXAMPLES = join(BUILTIN_RULES_DIR, 'tests');

describe('every built-in rule against its examples', () => {
  it('has rules', () => {
    expect(rules.set.rules.length).toBeGreaterThan(0);
  });
  for (const rule of rules.set.rules) {
    describe(rule.id, () => {
      const ex = exampleFiles(EXAMPLES, rule.id);
      it('has bad and good examples', () => {
        expect(ex.bad.length, `${rule.id}: no bad.* example`).toBeGreaterThan(0);
        expect(ex.good.length, `${rule.id}: no good.* example`).toBeGreaterThan(0);
      });
      for (const file of ex.bad) {
        it(`fires on the marked lines of ${file.slice(EXAMPLES.length + 1)}`, () => {
          const r = checkExample(rules, rule, file, false);
          expect({ missed: r.missed, unexpected: r.unexpected }).toEqual({ missed: [], unexpected: [] });
        });
      }
      for (const file of ex.good) {
        it(`stays quiet on ${file.slice(EXAMPLES.length + 1)}`, () => {
          const r = checkExample(rules, rule, file, true);
          expect(r.unexpected).toEqual([]);
        });
      }
    });
  }
});
