#!/usr/bin/env node
// Scans real code available offline (this repository and installed packages with their tests, docs
// and bundles) and prints the findings per analyzer and rule, so precision can be checked by reading
// them. Writes every finding (path:line, rule, severity, role, message) to --out for that reading.
// Usage: npx tsc -p tsconfig.build.json && node bench/accuracy/run.mjs [--out DIR] [target ...]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..', '..');
const { runScan } = await import(join(repo, 'dist/scan/run-scan.js'));
const { importPath } = await import(join(repo, 'dist/analyzers/deps/db/import.js'));
const { closeDepsDatabase } = await import(join(repo, 'dist/analyzers/deps/index.js'));

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? resolve(args[outAt + 1]) : mkdtempSync(join(tmpdir(), 'vanguard-accuracy-'));
const named = args.filter((a, i) => a !== '--out' && i !== outAt + 1);
const targets =
  named.length > 0 ? named : JSON.parse(readFileSync(join(here, 'targets.json'), 'utf8')).targets;
mkdirSync(out, { recursive: true });

// The repository's real OSV records, so the deps analyzer matches advisories without a network.
const dbDir = mkdtempSync(join(tmpdir(), 'vanguard-accuracy-db-'));
const dbPath = join(dbDir, 'osv.sqlite');
await importPath(dbPath, join(repo, 'test/fixtures/osv'));

const totals = new Map();
console.log(
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}; findings written to ${out}`,
);
for (const t of targets) {
  const path = resolve(repo, t);
  if (!existsSync(path)) {
    console.log(`\n## ${t}: not installed, skipped`);
    continue;
  }
  const pkg = existsSync(join(path, 'package.json'))
    ? JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'))
    : {};
  const r = await runScan({ path, workers: 1, failOn: 'none', options: { deps: { dbPath } } });
  const byRule = new Map();
  for (const f of r.findings) {
    if (f.suppression) continue;
    const k = `${f.analyzer}\t${f.ruleId}`;
    const e = byRule.get(k) ?? { all: 0, high: 0, roles: new Map() };
    e.all++;
    if (f.severity === 'critical' || f.severity === 'high') e.high++;
    e.roles.set(f.role ?? 'source', (e.roles.get(f.role ?? 'source') ?? 0) + 1);
    byRule.set(k, e);
    const a = totals.get(f.analyzer) ?? { all: 0, high: 0 };
    a.all++;
    if (f.severity === 'critical' || f.severity === 'high') a.high++;
    totals.set(f.analyzer, a);
  }
  console.log(
    `\n## ${t} ${pkg.version ? `(${pkg.name}@${pkg.version})` : ''}: ${r.discovery.filesScanned} files, ${r.summary.total} findings`,
  );
  for (const [k, e] of [...byRule].sort((a, b) => b[1].all - a[1].all)) {
    const roles = [...e.roles].map(([role, n]) => `${role} ${n}`).join(', ');
    console.log(
      `  ${k.padEnd(60)} all ${String(e.all).padStart(4)}  high+ ${String(e.high).padStart(4)}  (${roles})`,
    );
  }
  for (const g of r.coverage ?? []) console.log(`  not analyzed: ${g.files} ${g.kind} (${g.reason})`);
  const lines = r.findings
    .filter((f) => !f.suppression)
    .map(
      (f) =>
        `${f.severity}\t${f.ruleId}\t${f.location.path}:${f.location.startLine}\t${f.role ?? 'source'}\t${f.message.slice(0, 200)}`,
    );
  writeFileSync(
    join(out, `${t === '.' ? 'this-repository' : t.replace(/[^\w.-]+/g, '_')}.tsv`),
    `${lines.join('\n')}\n`,
  );
}
console.log('\n## totals per analyzer (unsuppressed)');
for (const [a, e] of totals) console.log(`  ${a.padEnd(12)} all ${e.all}  high+critical ${e.high}`);
closeDepsDatabase();
rmSync(dbDir, { recursive: true, force: true });
