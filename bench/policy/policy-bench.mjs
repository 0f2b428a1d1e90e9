// Times the policy stage and the text reporters on a large synthetic scan.
// Run after a build: npx tsc -p tsconfig.build.json && node bench/policy/policy-bench.mjs [findings] [exceptions]
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { applyPolicy } from '../../dist/policy/apply.js';
import { baselineFromFindings } from '../../dist/policy/baseline.js';
import { parseConfig } from '../../dist/policy/config.js';
import { REPORTERS } from '../../dist/report/index.js';

const N = Number(process.argv[2] ?? 50_000);
const E = Number(process.argv[3] ?? 100);
const SEV = ['critical', 'high', 'medium', 'low', 'info'];
const AN = ['secrets', 'deps', 'code', 'iac', 'pipeline'];

const findings = Array.from({ length: N }, (_, i) => ({
  ruleId: `${AN[i % 5]}/rule-${i % 400}`,
  analyzer: AN[i % 5],
  severity: SEV[i % 5],
  confidence: 'high',
  title: `Rule ${i % 400}`,
  message: `Problem number ${i} with <markup> & "quotes"`,
  remediation: 'Do the right thing.',
  location: { path: `src/dir${i % 97}/file${i}.js`, startLine: (i % 500) + 1, snippet: 'const x = y;' },
  cwe: [89],
  owasp: ['A05:2025'],
  principles: ['logging'],
  phase: 'code',
  fingerprint: `fp${i}`,
}));
const exceptions = Array.from(
  { length: E },
  (_, i) =>
    `  - path: "src/dir${i % 97}/**"\n    rule: "code/rule-${i}"\n    reason: r\n    owner: o\n    expires: 2099-01-01`,
);
const config = parseConfig(
  `gates:\n  failOn: high\n  alwaysFail: ["secrets/*"]\nexceptions:\n${exceptions.join('\n')}\n`,
);

function time(label, fn) {
  const t0 = performance.now();
  const out = fn();
  process.stdout.write(`${label.padEnd(40)} ${(performance.now() - t0).toFixed(1).padStart(8)} ms\n`);
  return out;
}

const baseline = baselineFromFindings('base', findings.slice(0, N / 2));
const outcome = time(`applyPolicy ${N} findings x ${E} exceptions`, () =>
  applyPolicy(findings, config, { now: new Date('2026-11-22T00:00:00Z'), baseline }),
);
process.stdout.write(`  gate: ${outcome.gate.reason}\n`);
const R = Math.min(N, 10_000);
const result = {
  schemaVersion: '1.0.0',
  tool: { name: 'vanguard', version: '0.1.0' },
  root: '/bench',
  startedAt: '',
  finishedAt: '',
  durationMs: 0,
  status: 'complete',
  analyzers: [],
  discovery: { filesSeen: 0, filesScanned: 0, bytesScanned: 0, skipped: {}, nonUtf8: 0, skippedFiles: [] },
  findings: outcome.findings.slice(-R),
  rules: [],
  suppressions: [],
  warnings: [],
  summary: { total: R, bySeverity: {}, byAnalyzer: {}, suppressed: 0, gate: outcome.gate },
  policy: outcome.report,
};
for (const [name, reporter] of Object.entries(REPORTERS)) {
  const text = time(`${name} report, ${R} findings`, () => reporter(result, { tty: false }));
  process.stdout.write(`  ${(text.length / 1024).toFixed(0)} KiB\n`);
}
