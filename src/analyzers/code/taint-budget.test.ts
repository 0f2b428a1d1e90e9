import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeText } from './engine.js';
import type { FileResult } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';
import { loadProject } from './project.js';
import { StepPool } from './taint-budget.js';

const HELPERS = 40;

/**
 * A project whose route files call 40 helpers of another module, each of which builds SQL from its
 * parameter: every call asks for a summary of a helper, so a small step pool runs out part way through.
 */
function project(): Record<string, string> {
  const helpers = ["const db = require('./db');"];
  for (let i = 0; i < HELPERS; i++) {
    helpers.push(`function h${i}(a) {
  const v = String(a).trim() + '-${i}';
  if (v.length > ${i}) db.query("SELECT * FROM t${i} WHERE c = '" + v + "'");
  return v;
}`);
  }
  helpers.push(`module.exports = { ${Array.from({ length: HELPERS }, (_, i) => `h${i}`).join(', ')} };`);
  const route = (order: number[]): string =>
    [
      "const express = require('express');",
      "const h = require('./helpers');",
      'const app = express();',
      ...order.map((i) => `app.get('/r${i}', (req, res) => res.json(h.h${i}(req.query.q)));`),
      '',
    ].join('\n');
  const ids = Array.from({ length: HELPERS }, (_, i) => i);
  return {
    'helpers.js': helpers.join('\n'),
    'db.js': 'module.exports = { query() {} };\n',
    'a.js': route(ids),
    // The same helpers in the opposite order: analysed first, it leaves their summaries in the cache.
    'b.js': route([...ids].reverse()),
  };
}

const ONLY = new Set(['code/js-sql-injection']);
const JS = languageOf('js')!;

/** Analyses `entries` of the project (under its own root, so nothing is cached from another test) in order. */
async function analyse(root: string, entries: string[], steps: number): Promise<FileResult[]> {
  const files = project();
  const paths = new Set(Object.keys(files));
  const out: FileResult[] = [];
  for (const e of entries) {
    const text = files[e]!;
    const view = await loadProject(root, e, text, JS, paths, (p) => Promise.resolve(files[p]));
    view.account.file = new StepPool(steps);
    out.push(analyzeText(text, JS, rulesFor(), ONLY, view));
  }
  return out;
}

/** What a user sees of a result: each finding's place and message, and whether the analysis was cut. */
function seen(r: FileResult | undefined): { truncated: boolean; findings: string[] } {
  return {
    truncated: r?.truncated ?? false,
    findings: (r?.matches ?? []).map((m) => `${m.path ?? ''}:${m.line} ${m.message}`),
  };
}

describe('taint budget', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a pool refuses a charge that does not fit, and every charge after it', () => {
    const p = new StepPool(10);
    expect(p.take(4)).toBe(true);
    expect(p.take(6)).toBe(true);
    expect(p.left).toBe(0);
    expect(p.take(1)).toBe(false);
    expect(p.exhausted).toBe(true);
    expect(p.take(0)).toBe(false);
  });

  it('gives the same findings on a slow machine, and whatever was analysed before in the process', async () => {
    const full = seen((await analyse('/budget-full', ['a.js'], 10_000_000))[0]);
    expect(full.truncated).toBe(false);
    expect(full.findings).toHaveLength(HELPERS);

    // A pool that runs out part way: some helpers' sinks are found, the rest are not, and the cut is reported.
    const steps = 900;
    const alone = seen((await analyse('/budget-alone', ['a.js'], steps))[0]);
    expect(alone.truncated).toBe(true);
    expect(alone.findings.length).toBeGreaterThan(0);
    expect(alone.findings.length).toBeLessThan(HELPERS);

    // After b.js, whose analysis left summaries of the same helpers in the module cache.
    const warm = seen((await analyse('/budget-warm', ['b.js', 'a.js'], steps))[1]);
    expect(warm).toEqual(alone);

    // Every clock read jumps an hour: an analysis that watched the time would stop at once.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 3_600_000));
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 3_600_000));
    const slow = seen((await analyse('/budget-slow', ['a.js'], steps))[0]);
    expect(slow).toEqual(alone);
  });
});
