#!/usr/bin/env node
// Scans real code — this repository, installed packages, and real applications fetched from the npm
// registry and Debian's archive at pinned versions — and measures precision against the project's
// verdicts (verdicts.json). Writes every finding (path:line, rule, severity, role, verdict, message) to
// --out for reading, and with --write-doc regenerates the measured part of docs/accuracy.md.
// Usage: npx tsc -p tsconfig.build.json && node bench/accuracy/run.mjs [--out DIR] [--write-doc]
//        [--packages-only | --local-only] [target ...]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchDebian, fetchPackage } from './fetch.mjs';
import { loadVerdicts, verdictFor } from './verdicts.mjs';
import { renderDoc } from './report.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..', '..');
const { runScan } = await import(join(repo, 'dist/scan/run-scan.js'));
const { importPath } = await import(join(repo, 'dist/analyzers/deps/db/import.js'));
const { closeDepsDatabase } = await import(join(repo, 'dist/analyzers/deps/index.js'));

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? resolve(args[outAt + 1]) : mkdtempSync(join(tmpdir(), 'vanguard-accuracy-'));
const named = args.filter((a, i) => !a.startsWith('--') && i !== outAt + 1);
const list = JSON.parse(readFileSync(join(here, 'targets.json'), 'utf8'));
const targets =
  named.length > 0
    ? named
    : [...(flag('--packages-only') ? [] : list.local), ...(flag('--local-only') ? [] : list.packages)];
const verdicts = loadVerdicts(join(here, 'verdicts.json'));
mkdirSync(out, { recursive: true });

// The repository's real OSV records, so the deps analyzer matches advisories without a network.
const dbDir = mkdtempSync(join(tmpdir(), 'vanguard-accuracy-db-'));
const dbPath = join(dbDir, 'osv.sqlite');
await importPath(dbPath, join(repo, 'test/fixtures/osv'));
// Records written for the bench (its README): advisories of the applications' own releases.
await importPath(dbPath, join(here, 'osv'));

const load = loadavg().map((n) => n.toFixed(2));
const started = Date.now();
console.log(`load average ${load.join(' ')}; findings written to ${out}`);
const measured = [];
const partial = [];
for (const t of targets) {
  const debian = t.startsWith('deb:');
  const pinned = debian || list.packages.includes(t) || /^(@[\w.-]+\/)?[\w.-]+@\d/.test(t);
  const path = debian
    ? fetchDebian(t, list.integrity?.[t])
    : pinned
      ? fetchPackage(t, list.integrity?.[t])
      : resolve(repo, t);
  if (!existsSync(path)) {
    console.log(`\n## ${t}: not installed, skipped`);
    continue;
  }
  const pkg = existsSync(join(path, 'package.json'))
    ? JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'))
    : {};
  const r = await runScan({ path, workers: 1, failOn: 'none', options: { deps: { dbPath } } });
  const findings = r.findings
    .filter((f) => !f.suppression)
    .map((f) => ({ f, verdict: pinned ? verdictFor(verdicts, t, f) : undefined }));
  const byRule = new Map();
  for (const { f } of findings) {
    const e = byRule.get(`${f.analyzer}\t${f.ruleId}`) ?? { all: 0, high: 0, roles: new Map() };
    e.all++;
    if (f.severity === 'critical' || f.severity === 'high') e.high++;
    e.roles.set(f.role ?? 'source', (e.roles.get(f.role ?? 'source') ?? 0) + 1);
    byRule.set(`${f.analyzer}\t${f.ruleId}`, e);
  }
  console.log(
    `\n## ${t} ${pkg.version ? `(${pkg.name}@${pkg.version})` : ''}: ${r.discovery.filesScanned} files, ${findings.length} findings`,
  );
  for (const [k, e] of [...byRule].sort((a, b) => b[1].all - a[1].all)) {
    const roles = [...e.roles].map(([role, n]) => `${role} ${n}`).join(', ');
    console.log(
      `  ${k.padEnd(60)} all ${String(e.all).padStart(4)}  high+ ${String(e.high).padStart(4)}  (${roles})`,
    );
  }
  for (const g of r.coverage ?? []) console.log(`  not analyzed: ${g.files} ${g.kind} (${g.reason})`);
  // Suppressed findings (by-design ones included) are not counted above; say how many an analyzer withheld.
  for (const d of r.summary.byDesign ?? [])
    console.log(`  not reported, by design: ${d.findings} (${d.reason.slice(0, 160)})`);
  // A partial scan (a worker stopped by its watchdog on a loaded machine, a file that failed) gives fewer
  // findings than the code does: say so, so that a changed figure is not read as a changed rule.
  if (r.status !== 'complete') {
    const errors = r.analyzers.flatMap((a) => a.errors.map((e) => ({ analyzer: a.id, ...e })));
    const byCode = new Map();
    for (const e of errors)
      byCode.set(`${e.analyzer} ${e.code}`, (byCode.get(`${e.analyzer} ${e.code}`) ?? 0) + 1);
    const what = [...byCode].map(([k, n]) => `${k} × ${n}`).join(', ');
    console.log(
      `  PARTIAL scan: ${what || 'unreadable files'}; first: ${errors[0]?.path ?? '-'} ${errors[0]?.message ?? ''}`,
    );
    partial.push(`${t}: ${what || 'unreadable files'}`);
  }
  const unjudged = findings.filter((x) => pinned && !x.verdict);
  if (unjudged.length > 0) console.log(`  ${unjudged.length} finding(s) without a verdict in verdicts.json`);
  writeFileSync(
    join(out, `${t === '.' ? 'this-repository' : t.replace(/[^\w.-]+/g, '_')}.tsv`),
    `${findings
      .map(
        ({ f, verdict }) =>
          `${f.severity}\t${f.ruleId}\t${f.location.path}:${f.location.startLine}\t${f.role ?? 'source'}\t${
            verdict ? String(verdict.ok) : pinned ? 'UNJUDGED' : '-'
          }\t${f.message.slice(0, 200).replace(/[\t\n]/g, ' ')}\t${f.confidence}`,
      )
      .join('\n')}\n`,
  );
  measured.push({ target: t, pinned, files: r.discovery.filesScanned, coverage: r.coverage ?? [], findings });
}
closeDepsDatabase();
rmSync(dbDir, { recursive: true, force: true });
const doc = renderDoc(measured, {
  heldOut: list.heldOut ?? {},
  load,
  seconds: Math.round((Date.now() - started) / 1000),
  date: new Date(),
});
console.log(`\n${doc.summary}`);
if (partial.length > 0)
  console.log(
    `\nPARTIAL scans (their figures are incomplete; run again on a quieter machine):\n${partial.map((p) => `- ${p}`).join('\n')}`,
  );
// The document records what the rules find: a partial scan's smaller figures would read as a rule's change.
if (flag('--write-doc') && partial.length > 0) {
  console.log('docs/accuracy.md NOT written: a scan was partial (see above); run again on a quieter machine');
  process.exitCode = 1;
} else if (flag('--write-doc')) {
  writeFileSync(join(repo, 'docs/accuracy.md'), doc.markdown);
  console.log('docs/accuracy.md written');
}
