// Prints, per weakness class, how many labelled vulnerable lines the code analyzer finds and how many
// labelled safe lines it raises an alarm on (test/fixtures/code-labelled/{python,js}).
// Usage: npx tsc -p tsconfig.build.json && node bench/code/labelled.mjs [--verbose] [--bandit] [--profile audit]
// `--profile audit` scores the opt-in audit profile (its rules added to the default ones) instead of the default.
// --bandit also runs bandit (if it is on PATH) on the Python examples and scores it on the same lines.
import { fileURLToPath } from 'node:url';
import { BANDIT_CLASS, banditAvailable, runBandit } from './bandit.mjs';
import { labelledFiles, score } from './labelled-score.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const ROOT = fileURLToPath(new URL('../../test/fixtures/code-labelled/', import.meta.url));
const { codeAnalyzer, rulesFor } = await import(new URL('analyzers/code/index.js', DIST).href);
const { makeSourceFile, makeMemoryContext } = await import(new URL('core/source-file.js', DIST).href);
const verbose = process.argv.includes('--verbose');
const argv = process.argv.slice(2);
const profile = argv.includes('--profile') ? argv[argv.indexOf('--profile') + 1] : 'default';
if (profile !== 'default' && profile !== 'audit')
  throw new Error(`--profile must be default or audit, got ${profile}`);

const classOf = new Map(rulesFor([], profile).set.rules.map((r) => [r.id, r.class]));
const ctx = makeMemoryContext({}, { profile });
const vanguard = async (path, text) =>
  (
    await codeAnalyzer.analyze(makeSourceFile(path.slice(ROOT.length), text, path, Buffer.from(text)), ctx)
  ).map((f) => ({ line: f.location.startLine, cls: classOf.get(f.ruleId), ruleId: f.ruleId }));

const pct = (a, b) => (b === 0 ? '   -' : `${Math.round((100 * a) / b)}%`.padStart(4));
const cell = (r) =>
  `${`${r.found}/${r.vuln}`.padStart(6)} ${pct(r.found, r.vuln)}   ${`${r.alarms}/${r.safe}`.padStart(6)} ${pct(r.alarms, r.safe)}`;
const totals = (t) =>
  `${t.found}/${t.vuln} vulnerable lines found (${pct(t.found, t.vuln).trim()}), alarms on ${t.alarms}/${t.safe} safe lines`;

/** Bandit's results on the Python examples, as the scorer reads findings: one entry per line of a result. */
function banditAnalyzer() {
  const { results, errors } = runBandit(`${ROOT}python`);
  if (errors.length > 0) console.log(`bandit errors: ${JSON.stringify(errors)}`);
  const byFile = new Map();
  for (const r of results)
    for (const line of r.lines) {
      const list = byFile.get(r.file) ?? [];
      list.push({ line, cls: BANDIT_CLASS[r.testId] ?? null, ruleId: `bandit/${r.testId}` });
      byFile.set(r.file, list);
    }
  return (path) => Promise.resolve(byFile.get(path) ?? []);
}

console.log(`profile ${profile}`);
for (const lang of ['python', 'js']) {
  const files = labelledFiles(`${ROOT}${lang}`);
  const { rows, total, misses, alarms } = await score(files, vanguard);
  let other;
  if (lang === 'python' && process.argv.includes('--bandit')) {
    if (banditAvailable()) other = await score(files, banditAnalyzer());
    else console.log('\n--bandit: no bandit on PATH, comparison skipped');
  }
  console.log(`\n${lang}: vanguard (profile ${profile}) ${totals(total)}`);
  if (other) console.log(`${' '.repeat(lang.length)}  bandit   ${totals(other.total)}`);
  const head = `${'class'.padEnd(28)} found/vuln        alarms/safe`;
  console.log(other ? `${head}     | bandit found      alarms` : head);
  const theirs = new Map(other?.rows.map((r) => [r.cls, r]) ?? []);
  for (const r of rows) {
    const b = theirs.get(r.cls);
    console.log(`${r.cls.padEnd(28)} ${cell(r)}${b ? `   | ${cell(b)}` : ''}`);
  }
  if (verbose) {
    for (const m of misses) console.log(`  missed ${m.slice(ROOT.length)}`);
    for (const a of alarms) console.log(`  alarm  ${a.slice(ROOT.length)}`);
    for (const m of other?.misses ?? []) console.log(`  bandit missed ${m.slice(ROOT.length)}`);
    for (const a of other?.alarms ?? []) console.log(`  bandit alarm  ${a.slice(ROOT.length)}`);
  }
}
