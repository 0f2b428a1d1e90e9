// Scores Vanguard's pipeline analyzer against zizmor's integration suite (its test workflows and actions and
// the findings its snapshots expect at the default persona). The suite is not part of this repository: fetch
// it (see docs/performance.md), then
//   npm run build && node bench/pipeline/zizmor-suite.mjs <zizmor checkout | its tests/integration folder> [--verbose] [--json]
// Recall: share of zizmor's default-persona findings (file, audit, primary span) where Vanguard reports a
// finding of a matching rule on a line of that span. Alarms: distinct lines where Vanguard reports something
// that zizmor's default persona does not flag, over the suite's safe lines (lines with content that lie in no
// expected span and carry no `zizmor: ignore` comment).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSuite } from './zizmor-snapshots.mjs';

// zizmor audit → the Vanguard rules that report the same problem. Audits missing here have no counterpart.
const RULES = {
  'template-injection': ['gha-script-injection'],
  'github-env': ['gha-env-file-injection'],
  'unpinned-uses': ['gha-unpinned-action', 'gha-unpinned-image'],
  'unpinned-images': ['gha-unpinned-image'],
  'excessive-permissions': ['gha-excessive-permissions', 'gha-unused-id-token'],
  'dangerous-triggers': ['gha-dangerous-trigger', 'gha-artifact-poisoning', 'gha-privileged-trigger'],
  artipacked: ['gha-checkout-persist-credentials'],
  'cache-poisoning': ['gha-cache-poisoning'],
  'insecure-commands': ['gha-insecure-commands'],
  'self-hosted-runner': ['gha-self-hosted-public-trigger'],
  'secrets-inherit': ['gha-secrets-inherit'],
  'overprovisioned-secrets': ['gha-overprovisioned-secrets'],
  'unredacted-secrets': ['gha-secret-exposure'],
  obfuscation: ['gha-obfuscated-expression'],
  'bot-conditions': ['gha-spoofable-bot-condition'],
  'unsound-condition': ['gha-unsound-condition'],
  'unsound-contains': ['gha-unsound-condition'],
  'adhoc-packages': ['gha-adhoc-install'],
  'known-vulnerable-actions': ['gha-known-vulnerable-action'],
  'ref-version-mismatch': ['gha-ref-version-mismatch'],
  'typosquat-uses': ['gha-typosquat-action'],
  'dependabot-execution': ['dependabot-insecure-execution'],
  'use-trusted-publishing': ['gha-long-lived-publish-token'],
};

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const asJson = args.includes('--json');
const strict = args.includes('--strict');
const given = args.find((a) => !a.startsWith('--'));
if (!given)
  throw new Error(
    'usage: zizmor-suite.mjs <zizmor checkout or crates/zizmor/tests/integration> [--verbose] [--json]',
  );
let root = resolve(given);
if (existsSync(join(root, 'crates/zizmor/tests/integration')))
  root = join(root, 'crates/zizmor/tests/integration');
const dataDir = join(root, 'test-data');
if (!existsSync(join(root, 'audit')) || !existsSync(dataDir))
  throw new Error(`${root} has no audit/ and test-data/`);
const dist = resolve('dist/scan/run-scan.js');
if (!existsSync(dist)) throw new Error('run `npm run build` first');

// Compare lines as text without trailing comments or spacing: versions of a test file differ in comments.
const norm = (s) =>
  (s ?? '')
    .replace(/\s+#.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
const strip = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
const fileCache = new Map();
const linesOf = (p) => {
  if (!fileCache.has(p)) fileCache.set(p, existsSync(p) ? readFileSync(p, 'utf8').split('\n') : null);
  return fileCache.get(p);
};

/**
 * How far a finding moved between the snapshot's revision of the input and the fetched one: 0 when the quoted
 * line is where the snapshot says; else the shift to a line with the same text (exactly, or without trailing
 * comments), the one under which most other quoted lines match too; a reason string when none or a tie.
 */
function placement(fl, f) {
  for (const eq of [(a, b) => strip(a) === strip(b), (a, b) => norm(a) === norm(b)]) {
    if (eq(fl[f.line - 1], f.text)) return 0;
    const score = (d) => f.quoted.filter(([n, t]) => eq(fl[n - 1 + d], t)).length;
    const shifts = [];
    for (let i = 0; i < fl.length; i++) if (eq(fl[i], f.text)) shifts.push(i + 1 - f.line);
    if (shifts.length === 0) continue;
    const best = Math.max(...shifts.map(score));
    const top = shifts.filter((d) => score(d) === best);
    if (top.length === 1) return top[0];
    return `line ${f.line} ("${norm(f.text)}") fits ${top.length} places in the fetched revision`;
  }
  return `line ${f.line} is not "${norm(f.text)}" in the fetched revision`;
}

// The stored copy of an input may be another revision than the snapshot's: each finding's primary line is
// checked against the line text the snapshot quotes, moved to the nearest identical line when it shifted,
// and a test whose findings cannot all be placed is left out (with the reason).
const { tests, skipped } = readSuite(root);
const expected = new Map(); // file → expectations
const excludedFiles = new Set();
for (const t of tests) {
  const lines = linesOf(join(dataDir, t.input));
  if (!lines) {
    skipped.push({ id: t.id, why: `input ${t.input} not fetched` });
    continue;
  }
  const placed = [];
  let broken;
  for (const f of t.findings) {
    const file = join(dataDir, t.input, f.suffix);
    const fl = f.suffix ? linesOf(file) : lines;
    if (!fl) {
      broken = `${f.suffix} missing`;
      break;
    }
    const shift = placement(fl, f);
    if (typeof shift === 'string') {
      broken = shift;
      break;
    }
    placed.push({
      ...f,
      file,
      line: f.line + shift,
      end: f.end + shift,
      labelled: f.labelled.map((n) => n + shift),
      test: t.id,
      online: t.online,
    });
  }
  if (broken) {
    skipped.push({ id: t.id, why: `revision mismatch: ${broken}` });
    excludedFiles.add(join(dataDir, t.input));
    continue;
  }
  const key = join(dataDir, t.input);
  if (!expected.has(key)) expected.set(key, []);
  for (const p of placed) {
    if (!expected.get(key).some((e) => e.audit === p.audit && e.line === p.line && e.end === p.end))
      expected.get(key).push(p);
  }
}
for (const f of excludedFiles) expected.delete(f);

const { runScan } = await import(pathToFileURL(dist).href);
const result = await runScan({
  path: dataDir,
  only: ['pipeline'],
  workers: 1,
  failOn: 'none',
  gitignore: false,
  introduced: false,
  // --strict: every action by commit SHA, as zizmor's default policy asks (Vanguard trusts actions/* and github/* tags).
  ...(strict ? { options: { pipeline: { strictPinning: true } } } : {}),
});
const ours = new Map();
for (const f of result.findings) {
  const p = join(dataDir, f.location.path);
  if (!ours.has(p)) ours.set(p, []);
  ours.get(p).push({ rule: f.ruleId.replace(/^pipeline\//, ''), line: f.location.startLine });
}

const perAudit = {};
const misses = [];
const alarms = [];
let safeLines = 0;
const ourLines = { total: 0, inSpan: 0 };
for (const [file, exps] of expected) {
  const mine = ours.get(file) ?? [];
  for (const e of exps) {
    const a = (perAudit[e.audit] ??= { expected: 0, found: 0, onLine: 0, online: 0, onlineFound: 0 });
    a.expected++;
    if (e.online) a.online++;
    const near = mine.filter((m) => m.line >= e.line && m.line <= e.end);
    if (near.length) a.onLine++;
    if (near.some((m) => (RULES[e.audit] ?? []).includes(m.rule))) {
      a.found++;
      if (e.online) a.onlineFound++;
    } else
      misses.push(
        `${relative(dataDir, file)}:${e.line} ${e.audit}${near.length ? ` (we: ${near.map((m) => m.rule)})` : ''}`,
      );
  }
  const lines = linesOf(file);
  const inSpan = (n) => exps.some((e) => n >= e.line && n <= e.end);
  const ignored = (n) => /zizmor:\s*ignore/.test(lines[n - 1] ?? '');
  const shown = (n) => exps.some((e) => e.labelled.includes(n));
  const safe = (n) =>
    !inSpan(n) && !shown(n) && !ignored(n) && norm(lines[n - 1]) !== '' && !/^\s*#/.test(lines[n - 1]);
  for (let n = 1; n <= lines.length; n++) if (safe(n)) safeLines++;
  const byLine = new Map();
  for (const m of mine) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m.rule]);
  for (const [n, rules] of byLine) {
    ourLines.total++;
    if (inSpan(n)) ourLines.inSpan++;
    if (safe(n))
      alarms.push(`${relative(dataDir, file)}:${n} ${[...new Set(rules)].join(',')}: ${norm(lines[n - 1])}`);
  }
}

const totals = Object.values(perAudit).reduce(
  (s, a) => ({
    expected: s.expected + a.expected,
    found: s.found + a.found,
    online: s.online + a.online,
    onlineFound: s.onlineFound + a.onlineFound,
  }),
  { expected: 0, found: 0, online: 0, onlineFound: 0 },
);
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const offline = { expected: totals.expected - totals.online, found: totals.found - totals.onlineFound };
const report = {
  suite: root,
  testsScored: tests.length - skipped.filter((s) => tests.some((t) => t.id === s.id)).length,
  expectedFindings: totals.expected,
  testsSkipped: skipped.length,
  files: expected.size,
  strictPinning: strict,
  recall: {
    all: `${totals.found}/${totals.expected} = ${pct(totals.found, totals.expected)}`,
    // Findings of tests that zizmor runs with a GitHub token (known-vulnerable actions, ref checks) left out.
    offline: `${offline.found}/${offline.expected} = ${pct(offline.found, offline.expected)}`,
  },
  alarms: `${alarms.length}/${safeLines} safe lines = ${pct(alarms.length, safeLines)}`,
  ourFindingLines: ourLines,
  perAudit: Object.fromEntries(
    Object.entries(perAudit)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, a]) => [
        k,
        `${a.found}/${a.expected}${a.online ? ` (${a.online} online in zizmor)` : ''}${RULES[k] ? '' : ' (no counterpart)'}`,
      ]),
  ),
};
if (asJson) console.log(JSON.stringify({ ...report, misses, alarms, skipped }, null, 2));
else {
  console.log(JSON.stringify(report, null, 2));
  if (verbose) {
    console.log('\nmisses:\n  ' + misses.join('\n  '));
    console.log('\nalarms:\n  ' + alarms.join('\n  '));
    console.log('\nskipped tests:\n  ' + skipped.map((s) => `${s.id}: ${s.why}`).join('\n  '));
  }
}
