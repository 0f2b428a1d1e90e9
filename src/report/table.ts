import type { Finding, Severity } from '../core/finding.js';
import type { ProbeReport } from '../core/probe-report.js';
import type { ScanResult } from '../core/result.js';
import { flowText } from './common.js';
import type { Reporter } from './types.js';
import { provenanceText } from './common.js';
import { warningLines } from '../core/warning.js';

const COLOURS: Record<Severity, string> = {
  critical: '\x1b[1;35m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[2m',
};
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';

/**
 * Neutralises what could drive or fake the terminal: control characters (escape sequences, new
 * lines that would forge report lines) and bidirectional overrides (text shown in another order).
 */
export function sanitizeForTerminal(s: string): string {
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}

/**
 * A rule's fix, one terminal line per line of its text (a YAML example keeps its shape), each indented under
 * `fix:` so no line of it can pass for a report line; every line is sanitised like the rest of the report.
 */
export function fixLines(remediation: string): string[] {
  return remediation
    .split(/\r?\n/)
    .map((line, i) => `${i === 0 ? '         fix: ' : '              '}${sanitizeForTerminal(line)}`);
}

function where(f: Finding): string {
  const l = f.location;
  return sanitizeForTerminal(`${l.path}:${l.startLine}${l.commit ? ` @${l.commit.slice(0, 10)}` : ''}`);
}

/** The coverage section: what was not analyzed, one line per kind. */
function coverageLines(scan: ScanResult): string[] {
  const gaps = scan.coverage ?? [];
  if (gaps.length === 0) return [];
  const out = ['Not analyzed:'];
  for (const g of gaps) {
    const who = g.analyzer ? `${g.analyzer}: ` : '';
    const dropped = g.findingsDropped ? `; ${g.findingsDropped} findings left out` : '';
    const more = g.files > g.examples.length ? ', …' : '';
    out.push(
      sanitizeForTerminal(
        `  ${who}${g.files} file${g.files === 1 ? '' : 's'}: ${g.reason}${dropped} (${g.examples.join(', ')}${more})`,
      ),
    );
  }
  return out;
}

/** A readable summary for a terminal: findings grouped by severity, then counts and the gate. */
export const tableReport: Reporter = (scan: ScanResult, { tty }) => {
  const paint = (code: string, s: string): string => (tty ? `${code}${s}${RESET}` : s);
  const out: string[] = [];
  const shown = scan.findings.filter((f) => !f.suppression);
  for (const f of shown) {
    // Code findings say how they were established (taint-confirmed, pattern, audit).
    const tier = f.tier ? paint(DIM, `  [${provenanceText(f)}]`) : '';
    out.push(
      `${paint(COLOURS[f.severity], f.severity.toUpperCase().padEnd(8))} ${paint(BOLD, sanitizeForTerminal(f.ruleId))}  ${where(f)}${tier}${f.role ? paint(DIM, `  [${f.role}]`) : ''}`,
    );
    out.push(`         ${sanitizeForTerminal(f.message)}`);
    if (f.location.snippet)
      out.push(paint(DIM, `         │ ${sanitizeForTerminal(f.location.snippet.trim()).slice(0, 160)}`));
    const flow = flowText(f);
    if (flow) out.push(`         flow: ${sanitizeForTerminal(flow)}`);
    out.push(...fixLines(f.remediation));
    out.push('');
  }
  const d = scan.discovery;
  const skipped = Object.entries(d.skipped)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const mb = (d.bytesScanned / 1024 / 1024).toFixed(1);
  const seconds = (scan.durationMs / 1000).toFixed(2);
  if (scan.probe) out.push(...probeLines(scan.probe, seconds));
  else
    out.push(
      `Scanned ${d.filesScanned} files (${mb} MB) in ${seconds} s` +
        (skipped ? `; skipped ${skipped}` : '') +
        (d.nonUtf8 ? `; ${d.nonUtf8} not UTF-8 (read as Latin-1)` : ''),
    );
  const analyzers = scan.analyzers
    .map(
      (a) =>
        `${a.id} ${a.status === 'succeeded' ? '✓' : a.status}${a.errors.length ? ` (${a.errors.length} errors)` : ''}`,
    )
    .join(', ');
  if (analyzers) out.push(`Analyzers: ${analyzers}`);
  const profile = profileLine(scan);
  if (profile) out.push(paint(DIM, profile));
  for (const a of scan.analyzers) {
    for (const e of a.errors.slice(0, 10))
      out.push(`  ${a.id}: ${sanitizeForTerminal(e.path)}: ${sanitizeForTerminal(e.message)}`);
    if (a.errors.length > 10) out.push(`  ${a.id}: … and ${a.errors.length - 10} more errors`);
  }
  const unreadable = d.skippedFiles.filter((s) => s.reason === 'unreadable');
  for (const s of unreadable.slice(0, 10))
    out.push(`  not read: ${sanitizeForTerminal(s.path)} (${sanitizeForTerminal(s.detail ?? 'unreadable')})`);
  const outside = d.skippedFiles.filter((s) => s.reason === 'symlink-outside');
  for (const s of outside.slice(0, 5))
    out.push(`  not followed: ${sanitizeForTerminal(s.path)} (${s.detail ?? 'symlink outside the tree'})`);
  const inline = scan.suppressions.filter((x) => x.used).length;
  const unused = scan.suppressions.filter((x) => !x.used);
  if (scan.suppressions.length > 0) {
    out.push(`Inline suppressions: ${inline} used, ${unused.length} unused`);
    for (const u of unused.slice(0, 10))
      out.push(
        `  unused: ${sanitizeForTerminal(`${u.path}:${u.line} ${u.ruleId}`)} (suppresses nothing; remove it)`,
      );
  }
  for (const line of warningLines(scan.warnings))
    out.push(paint(COLOURS.medium, `warning: ${sanitizeForTerminal(line)}`));
  out.push(...coverageLines(scan));
  const s = scan.summary;
  for (const d of s.byDesign ?? [])
    out.push(
      sanitizeForTerminal(
        `Not reported, by design: ${d.findings} finding${d.findings === 1 ? '' : 's'}: ${d.reason} (kept, suppressed, in the JSON and SARIF results)`,
      ),
    );
  const counts = (['critical', 'high', 'medium', 'low', 'info'] as const)
    .filter((k) => s.bySeverity[k] > 0)
    .map((k) => paint(COLOURS[k], `${s.bySeverity[k]} ${k}`))
    .join(', ');
  const roles = Object.entries(s.byRole ?? {})
    .map(([role, n]) => `${n} in ${role}`)
    .join(', ');
  out.push(
    `Findings: ${s.total}${counts ? ` (${counts})` : ''}${s.suppressed ? `, ${s.suppressed} suppressed` : ''}` +
      (roles ? `; ${roles} files (lowered)` : ''),
  );
  if (scan.status === 'partial')
    out.push(paint(COLOURS.high, 'Scan incomplete: some inputs could not be analyzed (see errors above).'));
  out.push(paint(s.gate.failed ? COLOURS.high : '\x1b[32m', `Gate ${s.gate.reason}`));
  return `${out.join('\n')}\n`;
};

/**
 * Which rule profile ran, when an analyzer it changes ran (code, secrets): a default scan says the audit profile's leads exist
 * and how to get them, so a user who wants a review's worth of leads is not left thinking there are none.
 */
function profileLine(scan: ScanResult): string | undefined {
  const changes = (id: string): boolean => id === 'code' || id === 'secrets';
  if (!scan.profile || !scan.analyzers.some((a) => changes(a.id) && a.status !== 'skipped')) return undefined;
  return scan.profile === 'audit'
    ? 'Profile: audit (the low-confidence audit leads are included)'
    : 'Profile: default (`--profile audit` adds low-confidence leads for a security review)';
}

/** What a probe covered: URLs, requests, TLS versions and open ports. */
function probeLines(p: ProbeReport, seconds: string): string[] {
  const out = [
    `Probed ${p.targets.length} URL${p.targets.length === 1 ? '' : 's'} with ${p.requests.used} of ${p.requests.budget} requests in ${seconds} s`,
  ];
  for (const t of p.tls) {
    const accepted = Object.entries(t.protocols)
      .filter(([, ok]) => ok)
      .map(([v]) => v);
    out.push(`  TLS ${sanitizeForTerminal(t.origin)}: ${accepted.join(', ') || 'no version accepted'}`);
  }
  for (const h of p.ports)
    out.push(
      `  ports ${sanitizeForTerminal(h.host)}: ${h.open.length} of ${h.scanned} open${h.open.length ? ` (${h.open.join(', ')})` : ''}`,
    );
  return out;
}
