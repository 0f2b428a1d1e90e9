// The figures of one run of run.mjs, read back from its --out folder, over a chosen set of the pinned
// applications: findings, true, precision, high+critical precision per analyzer, and the applications where
// one false class holds more than a third of the findings (docs/accuracy.md's check). `--leave-out` names
// held-out rounds by their verdict commits (targets.json `heldOut[...].commit`, a prefix is enough), so a
// stop's figure can be given with and without the rounds judged since.
// `--rounds` adds one line per held-out round (the applications whose heldOut entries name one verdict commit):
// its figures as judged, from targets.json, beside its figures in DIR.
// Usage: node bench/accuracy/figures.mjs DIR [--leave-out 548be5f,c56f644] [--noisy] [--rounds]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir || dir.startsWith('--')) {
  console.error('usage: node bench/accuracy/figures.mjs DIR [--leave-out COMMIT,...] [--noisy] [--rounds]');
  process.exit(2);
}
const at = args.indexOf('--leave-out');
const leaveOut = at > 0 ? (args[at + 1] ?? '').split(',').filter(Boolean) : [];
const targets = JSON.parse(readFileSync(new URL('targets.json', import.meta.url), 'utf8'));
const held = targets.heldOut ?? {};
const apps = targets.packages.filter((t) => !leaveOut.some((c) => (held[t]?.commit ?? '').startsWith(c)));

let all = 0;
let ok = 0;
let unjudged = 0;
const high = new Map();
const noisy = [];
const missing = [];
/** Each application's figures in this run, for `--rounds`. */
const now = new Map();
for (const t of apps) {
  const file = join(dir, `${t.replace(/[^\w.-]+/g, '_')}.tsv`);
  if (!existsSync(file)) {
    missing.push(t);
    continue;
  }
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
  now.set(t, {
    findings: rows.length,
    true: rows.filter((r) => r[4] === 'true').length,
    highJudged: rows.filter((r) => /^(high|critical)$/.test(r[0]) && /^(true|false)$/.test(r[4])).length,
    highTrue: rows.filter((r) => /^(high|critical)$/.test(r[0]) && r[4] === 'true').length,
  });
  const falses = new Map();
  for (const [severity, rule, , , verdict] of rows) {
    all++;
    if (verdict === 'true') ok++;
    else if (verdict === 'UNJUDGED') unjudged++;
    else falses.set(rule, (falses.get(rule) ?? 0) + 1);
    if ((severity === 'high' || severity === 'critical') && (verdict === 'true' || verdict === 'false')) {
      const analyzer = rule.split('/')[0];
      const e = high.get(analyzer) ?? { judged: 0, ok: 0 };
      e.judged++;
      if (verdict === 'true') e.ok++;
      high.set(analyzer, e);
    }
  }
  const [rule, n] = [...falses].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (3 * n > rows.length) noisy.push(`${t}: ${rule} ${n} of ${rows.length}`);
}
const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
console.log(
  `${apps.length} applications${missing.length > 0 ? ` (${missing.length} not in ${dir}: ${missing.join(', ')})` : ''}: ` +
    `${all} findings, ${ok} true (${pct(ok, all)}), ${unjudged} unjudged`,
);
for (const [a, e] of [...high].sort())
  console.log(`  ${a.padEnd(9)} high+critical ${e.ok}/${e.judged} (${pct(e.ok, e.judged)})`);
console.log(`  one false class above a third of the findings: ${noisy.length}`);
if (args.includes('--noisy')) for (const n of noisy) console.log(`    ${n}`);
if (args.includes('--rounds')) {
  const rounds = new Map();
  for (const [t, h] of Object.entries(held)) {
    if (!apps.includes(t)) continue;
    const r = rounds.get(h.commit) ?? [];
    r.push(t);
    rounds.set(h.commit, r);
  }
  const sum = (list, field, of) => list.reduce((n, t) => n + (of(t)?.[field] ?? 0), 0);
  console.log('held-out rounds (verdict commit): as judged → in this run');
  for (const [commit, list] of rounds) {
    const [was, is] = [(t) => held[t], (t) => now.get(t)].map((of) =>
      ['findings', 'true', 'highJudged', 'highTrue'].map((f) => sum(list, f, of)),
    );
    console.log(
      `  ${commit} (${list.length}): ${was[1]}/${was[0]} (${pct(was[1], was[0])}), high+critical ${was[3]}/${was[2]}` +
        ` → ${is[1]}/${is[0]} (${pct(is[1], is[0])}), high+critical ${is[3]}/${is[2]}`,
    );
  }
}
if (missing.length > 0) process.exitCode = 1;
