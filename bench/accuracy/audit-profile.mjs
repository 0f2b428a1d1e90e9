#!/usr/bin/env node
// How many findings the opt-in audit profile (`vanguard scan --profile audit`) adds on the real applications
// of targets.json: the noise a user who opts in gets. Runs the code analyzer twice per application, with the
// default profile and with the audit profile, and counts the findings of audit-profile rules (after the
// scan's own deduplication, so a line a default rule already reports is not counted twice). These findings
// are leads, not judged in verdicts.json: run.mjs keeps measuring the default profile.
// `--out DIR` writes the added findings of each target (severity, rule, path:line, role, message) as TSV.
// Usage: npx tsc -p tsconfig.build.json && node bench/accuracy/audit-profile.mjs [--packages-only] [--out DIR]
//        [target ...]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchDebian, fetchPackage } from './fetch.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..', '..');
const { runScan } = await import(join(repo, 'dist/scan/run-scan.js'));
const { codeAnalyzer } = await import(join(repo, 'dist/analyzers/code/index.js'));

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? resolve(args[outAt + 1]) : undefined;
if (out) mkdirSync(out, { recursive: true });
const named = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
const list = JSON.parse(readFileSync(join(here, 'targets.json'), 'utf8'));
const targets =
  named.length > 0 ? named : [...(args.includes('--packages-only') ? [] : list.local), ...list.packages];
// Every rule of the audit profile, the template rules among them (code/template-audit-unescaped).
const auditRules = new Set(codeAnalyzer.rules.filter((r) => r.profile === 'audit').map((r) => r.id));

async function codeFindings(path, profile) {
  const r = await runScan({
    path,
    workers: 1,
    failOn: 'none',
    only: ['code'],
    options: { code: { profile } },
    introduced: false,
  });
  return { findings: r.findings.filter((f) => !f.suppression), files: r.discovery.filesScanned };
}

console.log(
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
const rows = [];
const byRule = new Map();
for (const t of targets) {
  const debian = t.startsWith('deb:');
  const pinned = debian || list.packages.includes(t) || /^(@[\w.-]+\/)?[\w.-]+@\d/.test(t);
  // Debian's pinned packages as run.mjs reads them.
  const path = debian
    ? fetchDebian(t, list.integrity?.[t])
    : pinned
      ? fetchPackage(t, list.integrity?.[t])
      : resolve(repo, t);
  if (!existsSync(path)) continue;
  const base = await codeFindings(path, 'default');
  const audit = await codeFindings(path, 'audit');
  const added = audit.findings.filter((f) => auditRules.has(f.ruleId));
  // The default findings must be the same in both scans: the profile only adds.
  const key = (f) => `${f.ruleId}\t${f.location.path}:${f.location.startLine}`;
  const kept = new Set(audit.findings.map(key));
  const lost = base.findings.filter((f) => !kept.has(key(f)));
  for (const f of added) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  if (out)
    writeFileSync(
      join(out, `${t === '.' ? 'this-repository' : t.replace(/[^\w.-]+/g, '_')}.tsv`),
      added
        .map(
          (f) =>
            `${f.severity}\t${f.ruleId}\t${f.location.path}:${f.location.startLine}\t${f.role ?? 'source'}\t${f.message.slice(0, 200)}`,
        )
        .join('\n') + '\n',
    );
  // Findings in tests, examples, fixtures and other non-source roles are marked by their role (file-role.ts).
  const inSource = added.filter((f) => (f.role ?? 'source') === 'source').length;
  rows.push({
    target: t,
    pinned,
    files: audit.files,
    base: base.findings.length,
    added: added.length,
    inSource,
    lost,
  });
  console.log(
    `${t.padEnd(44)} ${String(audit.files).padStart(6)} files  default ${String(base.findings.length).padStart(4)}  audit adds ${String(added.length).padStart(5)} (${inSource} in source files)${lost.length ? `  LOST ${lost.length}: ${lost.map(key).join(', ')}` : ''}`,
  );
}
const sum = (rs, k) => rs.reduce((s, r) => s + r[k], 0);
for (const [label, rs] of [
  ['applications (pinned packages)', rows.filter((r) => r.pinned)],
  ['this repository and its dependencies', rows.filter((r) => !r.pinned)],
]) {
  if (rs.length === 0) continue;
  console.log(
    `\n${label}: ${rs.length} targets, ${sum(rs, 'files')} files; default code findings ${sum(rs, 'base')}; the audit profile adds ${sum(rs, 'added')}, ${sum(rs, 'inSource')} of them in source files (median ${median(rs.map((r) => r.added))} per target)`,
  );
}
console.log('\nadded, by rule:');
for (const [id, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(40)} ${n}`);
if (rows.some((r) => r.lost.length > 0)) {
  console.log('\nsome default findings were not kept by the audit scan (see LOST above)');
  process.exitCode = 1;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}
