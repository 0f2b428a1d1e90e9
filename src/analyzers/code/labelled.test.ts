import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
// @ts-expect-error -- a plain ES module shared with bench/code/labelled.mjs (no type declarations)
import { labelledFiles, score } from '../../../bench/code/labelled-score.mjs';
import type { Profile } from '../../core/profile.js';
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
// Every rule's class, the audit profile's too (it adds its rules to the default ones).
const classOf = new Map(rulesFor([], 'audit').set.rules.map((r) => [r.id, r.class]));

async function run(lang: 'python' | 'js', profile: Profile): Promise<Score> {
  const ctx = makeMemoryContext({}, profile === 'audit' ? { profile } : {});
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
// The opt-in audit profile reports every lead, so the floors that name every class hold for it. The default
// profile leaves some shapes to it on the evidence of the accuracy bench (docs/rules.md, "Which audit leads a
// default scan keeps"): raw SQL text built from an unseen value (js-sql-injection-audit, 0 true of 10), code
// built in a browser page's own script (js-audit-eval, 0 of 26), lxml's default parser on a document not shown
// to come from outside (py-audit-xml-parse, 0 of 5), a request's key written one level deep, which never reaches
// Object.prototype (js-prototype-key-write, 0 of 25), a Python shell command built from a value no request
// was seen to give (py-command-injection-audit, 0 of 5: two of the Python command lines here), run-time text
// written as HTML (js-xss-audit, 50 true of 208 over 188 applications: two of the browser lines here); here those
// are a few lines, so its floor is lower.
const FLOORS: Record<Profile, number> = { default: 0.8, audit: 0.9 };
// Leads, not proofs, raise more alarms. The audit profile's ceilings are issue #12's targets: at most a fifth
// in JavaScript; in Python fewer than bandit raises on the same lines (11 of 44, bench/code/README.md).
const CEILINGS: Record<'python' | 'js', Record<Profile, number>> = {
  js: { default: 0.05, audit: 0.2 },
  python: { default: 0.05, audit: 11 / 44 - 0.001 },
};
// The sets' exact result, pinned so that a drift fails here: on 2026-12-05 eight vulnerable lines left the
// default profile for the audit profile (deliberate moves, but the floors let them pass unseen and the documented
// figures went stale). The table of what moved, when and why is in bench/code/README.md. A change that moves a
// labelled line, or a fixture edit, updates these lists and that table in the same commit. Paths are relative to
// code-labelled/.
const PINNED: Record<'python' | 'js', Record<Profile, Pin>> = {
  python: {
    default: {
      total: { vuln: 63, found: 55, safe: 48, alarms: 1 },
      misses: [
        'python/dao_and_helpers.py:13 sql-injection',
        'python/dao_and_helpers.py:23 command-injection',
        'python/platform_utils.py:31 command-injection',
        'python/platform_utils.py:37 sql-injection',
        'python/platform_utils.py:42 code-injection',
        'python/platform_utils.py:111 weak-hash',
        'python/platform_utils.py:112 weak-hash',
        'python/platform_utils.py:141 xxe',
      ],
      alarms: ['python/flask_app.py:126 ssrf ← code/py-xss-response'],
    },
    audit: {
      total: { vuln: 63, found: 63, safe: 48, alarms: 10 },
      misses: [],
      alarms: [
        'python/dao_and_helpers.py:33 command-injection ← code/py-command-injection-audit',
        'python/flask_app.py:32 command-injection ← code/py-audit-subprocess',
        'python/flask_app.py:40 argument-injection ← code/py-audit-subprocess',
        'python/flask_app.py:41 argument-injection ← code/py-audit-subprocess',
        'python/flask_app.py:126 ssrf ← code/py-xss-response',
        'python/platform_utils.py:32 command-injection ← code/py-audit-subprocess',
        'python/platform_utils.py:64 insecure-file-permissions ← code/py-audit-file-path',
        'python/platform_utils.py:65 insecure-file-permissions ← code/py-audit-file-path',
        'python/platform_utils.py:121 weak-hash ← code/py-audit-weak-hash',
        'python/platform_utils.py:147 path-traversal ← code/py-audit-file-path',
      ],
    },
  },
  js: {
    default: {
      total: { vuln: 45, found: 37, safe: 38, alarms: 0 },
      misses: [
        'js/browser.js:9 xss',
        'js/browser.js:15 xss',
        'js/browser.js:37 code-injection',
        'js/dao.js:9 sql-injection',
        'js/dao.js:25 xss',
        'js/routes.js:89 prototype-pollution',
        'js/services.ts:23 sql-injection',
        'js/services.ts:25 sql-injection',
      ],
      alarms: [],
    },
    audit: {
      total: { vuln: 45, found: 44, safe: 38, alarms: 5 },
      misses: ['js/dao.js:25 xss'],
      alarms: [
        'js/browser.js:24 insecure-random ← code/js-audit-math-random',
        'js/routes.js:65 path-traversal ← code/js-audit-file-path',
        'js/routes.js:104 path-traversal ← code/js-audit-file-path',
        'js/services.ts:38 weak-hash ← code/js-audit-weak-hash',
        'js/services.ts:66 insecure-file-permissions ← code/js-audit-file-path',
      ],
    },
  },
};
interface Pin {
  total: Omit<Row, 'cls'>;
  misses: string[];
  alarms: string[];
}
const relative = (place: string) => place.slice(ROOT.length);

describe('labelled examples (test/fixtures/code-labelled)', () => {
  for (const lang of ['python', 'js'] as const) {
    for (const profile of ['default', 'audit'] as const) {
      describe(`${lang}, ${profile} profile`, () => {
        let s: Score;
        beforeAll(async () => {
          s = await run(lang, profile);
        });
        it('has vulnerable and safe lines for many classes', () => {
          expect(s.rows.length).toBeGreaterThanOrEqual(20);
          expect(s.total.safe).toBeGreaterThanOrEqual(25);
        });
        it(`finds at least ${FLOORS[profile] * 100}% of the vulnerable lines`, () => {
          expect(s.total.found / s.total.vuln, s.misses.join('\n')).toBeGreaterThanOrEqual(FLOORS[profile]);
        });
        it(`raises an alarm on at most ${Math.round(CEILINGS[lang][profile] * 100)}% of the safe lines`, () => {
          expect(s.total.alarms / s.total.safe, s.alarms.join('\n')).toBeLessThanOrEqual(
            CEILINGS[lang][profile],
          );
        });
        it('gives the pinned result, line by line (update PINNED and bench/code/README.md when it moves)', () => {
          const pin = PINNED[lang][profile];
          expect({ total: s.total, misses: s.misses.map(relative), alarms: s.alarms.map(relative) }).toEqual(
            pin,
          );
        });
        if (profile === 'audit')
          it('finds something in every class that has vulnerable lines', () => {
            const empty = s.rows.filter((r) => r.vuln > 0 && r.found === 0).map((r) => r.cls);
            expect(empty).toEqual([]);
          });
      });
    }
  }
});
