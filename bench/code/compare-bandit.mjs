// Side-by-side of Vanguard's code findings and bandit's on the same Python tree.
// Usage: node bench/code/compare-bandit.mjs <vanguard bench --json file> <bandit -f json file>
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [ours, theirs] = process.argv.slice(2);
if (!ours || !theirs) {
  console.error('usage: node bench/code/compare-bandit.mjs vanguard.json bandit.json');
  process.exit(2);
}
const v = JSON.parse(readFileSync(ours, 'utf8'));
const b = JSON.parse(readFileSync(theirs, 'utf8'));
const root = v.summary.dir;

// Bandit test ids grouped into the weakness families both tools cover.
const FAMILY = {
  B301: 'deserialization',
  B403: null,
  B506: 'deserialization',
  B614: 'deserialization',
  B102: 'code-injection',
  B307: 'code-injection',
  B602: 'command-injection',
  B605: 'command-injection',
  B604: 'command-injection',
  B609: 'command-injection',
  B608: 'sql-injection',
  B611: 'sql-injection',
  B610: 'sql-injection',
  B501: 'tls',
  B323: 'tls',
  B303: 'weak-crypto',
  B304: 'weak-crypto',
  B305: 'weak-crypto',
  B324: 'weak-crypto',
  B413: null,
  B311: 'insecure-random',
  B201: 'debug',
  B701: 'xss',
  B703: 'xss',
  B308: 'xss',
  B105: 'hardcoded-secret',
  B106: 'hardcoded-secret',
  B107: 'hardcoded-secret',
  B313: 'xxe',
  B314: 'xxe',
  B318: 'xxe',
  B320: 'xxe',
  B410: null,
  B310: 'ssrf',
  B113: null,
  B306: 'insecure-temp-file',
  B108: 'insecure-temp-file',
  B103: 'file-permissions',
  B302: 'deserialization',
  B603: 'command-injection',
  B606: 'command-injection',
  B607: 'command-injection',
  B404: null,
  B405: null,
  B406: null,
  B411: null,
  B504: 'tls',
  B309: 'tls',
  B321: 'cleartext',
  B312: 'cleartext',
};
const OURS = {
  'code/py-pickle-load': 'deserialization',
  'code/py-audit-pickle-file': 'deserialization',
  'code/py-insecure-deserialization': 'deserialization',
  'code/py-yaml-unsafe-load': 'deserialization',
  'code/py-code-injection': 'code-injection',
  'code/py-command-injection': 'command-injection',
  'code/py-sql-injection': 'sql-injection',
  'code/py-tls-verification-disabled': 'tls',
  'code/py-weak-cipher': 'weak-crypto',
  'code/py-weak-hash': 'weak-crypto',
  'code/py-weak-password-hash': 'weak-crypto',
  'code/py-static-iv': 'weak-crypto',
  'code/py-insecure-random': 'insecure-random',
  'code/py-flask-debug': 'debug',
  'code/py-django-debug': 'debug',
  'code/py-jinja2-autoescape-disabled': 'xss',
  'code/py-mark-safe-user-input': 'xss',
  'code/py-xss-response': 'xss',
  'code/py-hardcoded-secret-key': 'hardcoded-secret',
  'code/py-hardcoded-crypto-key': 'hardcoded-secret',
  'code/py-xxe': 'xxe',
  'code/py-ssrf': 'ssrf',
  'code/py-code-injection-audit': 'code-injection',
  'code/py-command-injection-audit': 'command-injection',
  'code/py-insecure-temp-file': 'insecure-temp-file',
  'code/py-insecure-file-permissions': 'file-permissions',
  'code/py-tar-extract-all': 'path-traversal',
  'code/py-cleartext-http': 'cleartext',
  'code/py-log-injection': 'logging',
  'code/py-secret-in-log': 'logging',
};
const count = (list, key) => list.reduce((m, x) => ((m[key(x)] = (m[key(x)] ?? 0) + 1), m), {});
const bres = b.results ?? [];
const byFamB = count(bres, (r) => FAMILY[r.test_id] ?? 'other');
const byFamV = count(v.findings, (f) => OURS[f.ruleId] ?? 'other');
const fams = [...new Set([...Object.keys(byFamB), ...Object.keys(byFamV)])].sort();
const locB = new Set(bres.map((r) => `${FAMILY[r.test_id]}|${relative(root, r.filename)}:${r.line_number}`));
const locV = new Set(v.findings.map((f) => `${OURS[f.ruleId]}|${f.path}:${f.line}`));
console.log('family'.padEnd(20), 'vanguard'.padStart(9), 'bandit'.padStart(9), 'same line'.padStart(10));
for (const fam of fams) {
  const same = [...locV].filter((k) => k.startsWith(`${fam}|`) && locB.has(k)).length;
  console.log(
    fam.padEnd(20),
    String(byFamV[fam] ?? 0).padStart(9),
    String(byFamB[fam] ?? 0).padStart(9),
    String(same).padStart(10),
  );
}
console.log(
  'bandit by severity:',
  count(bres, (r) => r.issue_severity),
  'errors:',
  (b.errors ?? []).length,
);
console.log(
  'bandit by test:',
  count(bres, (r) => r.test_id),
);
// Alarms per thousand lines: every finding of either tool on code that is not a web application counts.
const kloc = v.summary.lines / 1000;
const per = (n) => (n / kloc).toFixed(2);
const serious = bres.filter((r) => r.issue_severity !== 'LOW');
const noAssert = bres.filter((r) => r.test_id !== 'B101');
console.log(`\nper 1,000 lines (${v.summary.lines} lines, ${v.summary.files} files):`);
console.log(
  `  vanguard: ${per(v.findings.length)} (${v.findings.length} findings)`,
  count(v.findings, (f) => f.tier ?? '?'),
);
console.log(
  `  bandit:   ${per(bres.length)} (${bres.length} results), without B101 assert ${per(noAssert.length)}, medium/high severity ${per(serious.length)}`,
);
