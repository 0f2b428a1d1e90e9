import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { ensurePython, languageOf } from './languages.js';

const RULE = 'code/py-sql-injection-audit';

/** A migration script: `n` private helpers, each formatting its table name into SQL, each called once. */
function helpers(n: number, arg: (i: number) => string): string {
  const out = ['import sqlite3', 'conn = sqlite3.connect("app.db")'];
  for (let i = 0; i < n; i++)
    out.push(`def _fill${i}(cur, table):`, '    cur.execute("SELECT * FROM {}".format(table))', '');
  for (let i = 0; i < n; i++) out.push(`_fill${i}(conn.cursor(), ${arg(i)})`);
  return out.join('\n') + '\n';
}

describe('unlessCallersFix', () => {
  ensurePython();
  const rules = rulesFor([], 'audit');
  const py = languageOf('py')!;
  const found = (text: string): number =>
    analyzeText(text, py, rules, new Set([RULE])).matches.filter((m) => m.rule.id === RULE).length;

  it('drops a helper whose every call passes a constant, and keeps one a call fills with a variable', () => {
    expect(found(helpers(3, (i) => `"t${i}"`))).toBe(0);
    expect(found(helpers(3, (i) => (i === 1 ? 'name' : `"t${i}"`)))).toBe(1);
  });

  it('reads the module once, not once per match (a module of many helpers stays linear)', () => {
    const text = helpers(1500, (i) => `"t${i}"`);
    const t0 = Date.now();
    expect(found(text)).toBe(0);
    // Walking the module at each of its 1,500 matches took about 10 s; once, well under a second.
    expect(Date.now() - t0).toBeLessThan(4000);
  });
});
