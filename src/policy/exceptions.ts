import picomatch from 'picomatch';
import type { Finding } from '../core/finding.js';
import type { ExceptionRef } from '../core/result.js';
import type { ExceptionEntry } from './config-schema.js';
import { scanWarning, type ScanWarning } from '../core/warning.js';

const MATCHER_KEYS = ['fingerprint', 'rule', 'path', 'package', 'advisory'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ExceptionOutcome {
  /** The findings, with `suppression` set on those an exception in force matched (copies; input untouched). */
  findings: Finding[];
  /** Expired exceptions that matched findings: the findings are back and the report names these. */
  expired: ExceptionRef[];
  /** Exceptions in force that matched nothing (expired ones that match nothing are stale too). */
  stale: ExceptionRef[];
  /**
   * Exceptions that matched no reported finding, only findings a default-profile scan held back for the audit
   * profile (`matched` counts those): not stale, since `--profile audit` reports them.
   */
  auditProfile: ExceptionRef[];
  /** Findings newly suppressed by an exception. */
  suppressed: number;
}

/** True when the exception's last day (UTC) is before `now`. */
export function isExpired(e: Pick<ExceptionEntry, 'expires'>, now: Date): boolean {
  const end = Date.parse(`${e.expires}T00:00:00Z`) + DAY_MS;
  return !(now.getTime() < end);
}

function stripPurl(purl: string): string {
  return purl.replace(/[?#].*$/, '').toLowerCase();
}

function packageMatches(pattern: string, f: Finding): boolean {
  const pkg = f.package;
  if (!pkg) return false;
  if (pattern.startsWith('pkg:')) {
    const want = stripPurl(pattern);
    const have = stripPurl(pkg.purl);
    // A purl without a version matches every version of that package.
    return have === want || have.startsWith(`${want}@`);
  }
  return pattern === pkg.name || pattern === `${pkg.name}@${pkg.version}`;
}

function advisoryMatches(id: string, f: Finding): boolean {
  const want = id.toUpperCase();
  // A package finding with several advisories is one decision: accepting one advisory must not hide
  // the others, so an advisory exception matches only a finding whose advisories it all names.
  const vulns = f.package?.vulnerabilities;
  if (vulns && vulns.length > 0)
    return vulns.every((v) => v.aliases.some((a) => a.toUpperCase() === want) || v.id.toUpperCase() === want);
  if (f.package?.advisories.some((a) => a.toUpperCase() === want)) return true;
  const rule = f.ruleId.toUpperCase();
  return rule === want || rule.endsWith(`/${want}`);
}

type Matcher = (f: Finding) => boolean;

/** Compiles an exception's matchers; all given must match. */
export function compileException(e: ExceptionEntry): Matcher {
  const tests: Matcher[] = [];
  if (e.fingerprint !== undefined) {
    const fp = e.fingerprint;
    tests.push((f) => f.fingerprint === fp);
  }
  if (e.rule !== undefined) {
    const m = picomatch(e.rule, { dot: true });
    tests.push((f) => m(f.ruleId));
  }
  if (e.path !== undefined) {
    const m = picomatch(e.path.replace(/^\.\//, ''), { dot: true });
    tests.push((f) => m(f.location.path));
  }
  if (e.package !== undefined) {
    const p = e.package;
    tests.push((f) => packageMatches(p, f));
  }
  if (e.advisory !== undefined) {
    const a = e.advisory;
    tests.push((f) => advisoryMatches(a, f));
  }
  // The schema requires one matcher; an exception without any must never match everything.
  if (tests.length === 0) return () => false;
  return (f) => tests.every((t) => t(f));
}

/** The exception as the report names it. */
export function exceptionRef(e: ExceptionEntry, index: number, matched: number): ExceptionRef {
  const match: ExceptionRef['match'] = {};
  for (const k of MATCHER_KEYS) {
    const v = e[k];
    if (v !== undefined) match[k] = v;
  }
  return { index, match, reason: e.reason, owner: e.owner, expires: e.expires, matched };
}

/**
 * Applies vanguard.yaml exceptions at time `now`. A finding already suppressed (inline) keeps its
 * suppression but still counts as matched, so the exception is not called stale.
 */
export function applyExceptions(
  findings: readonly Finding[],
  exceptions: readonly ExceptionEntry[],
  now: Date,
  heldBack: readonly Finding[] = [],
): ExceptionOutcome {
  const compiled = exceptions.map((e) => ({
    e,
    match: compileException(e),
    expired: isExpired(e, now),
    count: 0,
  }));
  let suppressed = 0;
  const out = findings.map((f) => {
    let by: ExceptionEntry | undefined;
    for (const c of compiled) {
      if (!c.match(f)) continue;
      c.count++;
      if (!c.expired && by === undefined) by = c.e;
    }
    if (by === undefined || f.suppression !== undefined) return f;
    suppressed++;
    return {
      ...f,
      suppression: { kind: 'exception' as const, reason: by.reason, expires: by.expires, owner: by.owner },
    };
  });
  const expired: ExceptionRef[] = [];
  const stale: ExceptionRef[] = [];
  const auditProfile: ExceptionRef[] = [];
  compiled.forEach((c, i) => {
    if (c.count > 0) {
      if (c.expired) expired.push(exceptionRef(c.e, i, c.count));
      return;
    }
    const held = heldBack.reduce((n, f) => (c.match(f) ? n + 1 : n), 0);
    if (held > 0) auditProfile.push(exceptionRef(c.e, i, held));
    else stale.push(exceptionRef(c.e, i, 0));
  });
  return { findings: out, expired, stale, auditProfile, suppressed };
}

/** One warning per expired or stale exception, for ScanResult.warnings and the terminal. */
export function exceptionWarnings(
  outcome: Pick<ExceptionOutcome, 'expired' | 'stale'> & Partial<Pick<ExceptionOutcome, 'auditProfile'>>,
): ScanWarning[] {
  const describe = (r: ExceptionRef): string =>
    `exceptions[${r.index}] (${Object.entries(r.match)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}; owner ${r.owner})`;
  return [
    ...outcome.expired.map((r) =>
      scanWarning(
        'exception-expired',
        `${describe(r)} expired on ${r.expires}; ${r.matched} finding${r.matched === 1 ? ' is' : 's are'} no longer suppressed`,
      ),
    ),
    ...outcome.stale.map((r) =>
      scanWarning('exception-stale', `${describe(r)} matches no finding; remove it or fix its matchers`),
    ),
    ...(outcome.auditProfile ?? []).map((r) =>
      scanWarning(
        'exception-audit-profile',
        `${describe(r)} matches ${r.matched} finding${r.matched === 1 ? '' : 's'} of the audit profile only, which this default-profile scan leaves out (\`--profile audit\` reports ${r.matched === 1 ? 'it' : 'them'}); keep it`,
      ),
    ),
  ];
}
