// Scores the code analyzer on public labelled suites it was not written beside: the RuleTester cases of
// ESLint security plugins from the npm registry (bench/code/public-suites.json pins them with the
// registry's integrity). Each case is analysed as a file of its own; an `invalid` case counts as found
// when a finding of a mapped weakness class is in it, a `valid` case as an alarm when one is. The labels
// are the plugin authors' — lint labels, which often flag any non-constant use of an API — and are
// scored as published.
// `--profile audit` scores the opt-in audit profile (its rules added to the default ones) instead of the default.
// Usage: npx tsc -p tsconfig.build.json && node bench/code/public-suites.mjs [--verbose] [--json FILE] [--profile audit]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fetchPackage } from '../accuracy/fetch.mjs';
import { ruleTesterCases } from './rule-tester-cases.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const { codeAnalyzer, rulesFor } = await import(new URL('analyzers/code/index.js', DIST).href);
const { makeSourceFile, makeMemoryContext } = await import(new URL('core/source-file.js', DIST).href);
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const jsonOut = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
const profile = argv.includes('--profile') ? argv[argv.indexOf('--profile') + 1] : 'default';
if (profile !== 'default' && profile !== 'audit')
  throw new Error(`--profile must be default or audit, got ${profile}`);

const suites = JSON.parse(readFileSync(new URL('./public-suites.json', import.meta.url), 'utf8'));
const classOf = new Map(rulesFor([], profile).set.rules.map((r) => [r.id, r.class]));
const ctx = makeMemoryContext({}, { profile });

async function findingsOf(path, code) {
  const file = makeSourceFile(path, code, path, Buffer.from(code));
  return (await codeAnalyzer.analyze(file, ctx)).map((f) => ({
    ruleId: f.ruleId,
    cls: classOf.get(f.ruleId),
    line: f.location.startLine,
  }));
}

const rows = [];
const outOfScope = [];
const details = [];
let skipped = 0;
for (const pkg of suites.packages) {
  const root = fetchPackage(pkg.spec, pkg.integrity);
  const dir = join(root, pkg.tests);
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.js'))
    .sort()) {
    const rule = basename(name, '.js');
    const classes = pkg.classes[rule];
    const { cases, skipped: left } = ruleTesterCases(readFileSync(join(dir, name), 'utf8'), name);
    if (!classes) {
      outOfScope.push({ suite: pkg.spec, rule, cases: cases.length, why: pkg.why[rule] ?? pkg.why['*'] });
      continue;
    }
    skipped += left.length;
    const row = {
      suite: pkg.spec,
      rule,
      classes,
      invalid: 0,
      found: 0,
      valid: 0,
      alarms: 0,
      skipped: left.length,
    };
    let n = 0;
    for (const c of cases) {
      // A path of its own per case, outside any test folder, so no file role lowers or hides a finding.
      const path = `src/${pkg.spec.replace(/[@/]/g, '_')}/${rule}/case${++n}.${pkg.jsx ? 'jsx' : 'js'}`;
      const hits = (await findingsOf(path, c.code)).filter((f) => classes.includes(f.cls));
      const invalid = c.label === 'invalid';
      row[invalid ? 'invalid' : 'valid'] += 1;
      if (hits.length > 0) row[invalid ? 'found' : 'alarms'] += 1;
      const wrong = invalid ? hits.length === 0 : hits.length > 0;
      details.push({
        suite: pkg.spec,
        rule,
        label: c.label,
        line: c.line,
        code: c.code,
        rules: hits.map((h) => h.ruleId),
        wrong,
      });
    }
    rows.push(row);
  }
}

const pct = (a, b) => (b === 0 ? '-' : `${Math.round((100 * a) / b)}%`);
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
console.log(`${'suite / rule'.padEnd(72)} ${'found'.padStart(9)} ${'alarms'.padStart(9)}  classes`);
for (const r of rows)
  console.log(
    `${`${r.suite} ${r.rule}`.padEnd(72)} ${`${r.found}/${r.invalid}`.padStart(9)} ${`${r.alarms}/${r.valid}`.padStart(9)}  ${r.classes.join(', ')}`,
  );
const total = {
  invalid: sum('invalid'),
  found: sum('found'),
  valid: sum('valid'),
  alarms: sum('alarms'),
  skipped,
};
console.log(
  `\nprofile ${profile}; in scope: ${total.found}/${total.invalid} invalid cases found (${pct(total.found, total.invalid)}), ` +
    `alarms on ${total.alarms}/${total.valid} valid cases (${pct(total.alarms, total.valid)}); ` +
    `${skipped} cases not read (their code is built at run time or depends on the rule's options)`,
);
console.log(`out of scope: ${outOfScope.map((o) => `${o.rule} (${o.cases})`).join(', ')}`);
if (verbose)
  for (const d of details.filter((x) => x.wrong))
    console.log(
      `  ${d.label === 'invalid' ? 'missed' : 'alarm '} ${d.suite} ${d.rule}:${d.line}  ${d.code.replace(/\s+/g, ' ').trim().slice(0, 140)}${d.rules.length ? `  [${d.rules.join(', ')}]` : ''}`,
    );
if (jsonOut)
  writeFileSync(jsonOut, `${JSON.stringify({ profile, total, rows, outOfScope, details }, null, 2)}\n`);
