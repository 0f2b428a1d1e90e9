/**
 * One decision per package: every advisory affecting one package version becomes a single finding
 * that lists them all, names the one upgrade that closes every one of them (or says that none does),
 * whether the package is only used in development, and how the project brings it in.
 */
import type { PackageRef, PackageVulnerability } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule.js';
import { owaspForCwes } from '../../core/taxonomy.js';
import { smallestFixForAll, type AdvisoryMatch } from './osv/match.js';
import { normaliseName } from './osv/normalise.js';

export const VULNERABLE_PACKAGE_RULE_ID = 'deps/vulnerable-package';

/** The catalogue entry; each finding sets its own severity (its worst advisory) and CWEs. */
export const VULNERABLE_PACKAGE_RULE: RuleMeta = {
  id: VULNERABLE_PACKAGE_RULE_ID,
  analyzer: 'deps',
  title: 'Dependency with known vulnerabilities',
  description:
    'A locked package version is affected by published advisories (OSV). One finding per package and version lists every advisory and the single upgrade that fixes all of them.',
  severity: 'high',
  confidence: 'high',
  cwe: [1395],
  owasp: ['A03:2025'],
  principles: ['asset-management'],
  phase: 'build',
  remediation: 'Upgrade the package to the version named in the finding, or replace it.',
  helpUri: 'https://osv.dev/',
};

/** The package as the finding describes it. */
export interface PackageFacts {
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  direct: boolean;
  path?: string[];
  dev?: boolean;
}

/** What a consolidated finding says: the parts callers place in a finding (scan or server re-match). */
export interface PackageVerdict {
  severity: RuleMeta['severity'];
  cwe: number[];
  owasp: string[];
  title: string;
  message: string;
  remediation: string;
  package: PackageRef;
  /** Identifies the decision: the package version, not its advisories (a new advisory keeps the finding). */
  fingerprintKey: string;
  upgrade?: string;
}

function cweOf(matches: readonly AdvisoryMatch[]): number[] {
  const out = new Set<number>();
  for (const m of matches)
    for (const r of m.records)
      for (const c of r.database_specific?.cwe_ids ?? []) {
        const n = Number(/^CWE-(\d{1,6})$/.exec(String(c))?.[1]);
        if (Number.isInteger(n) && n > 0) out.add(n);
      }
  return out.size > 0 ? [...out].sort((a, b) => a - b) : [1395];
}

function vulnerabilityOf(m: AdvisoryMatch): PackageVulnerability {
  return { id: m.id, aliases: m.ids, severity: m.severity.severity, summary: m.summary, fixedIn: m.fixed };
}

function describe(m: AdvisoryMatch): string {
  const fix = m.smallestFix ? `fixed in ${m.smallestFix}` : 'no fixed version';
  return `${m.id} (${m.severity.severity}, ${fix}): ${m.summary}`;
}

function remediationOf(
  p: PackageFacts,
  matches: readonly AdvisoryMatch[],
  upgrade: string | undefined,
): string {
  const transitive = !p.direct && p.path && p.path.length > 1;
  const how = transitive ? ` (update ${p.path![0]} or override the transitive version)` : '';
  const n = matches.length;
  if (upgrade)
    return n === 1
      ? `Upgrade ${p.name} from ${p.version} to ${upgrade} or later${how}.`
      : `Upgrade ${p.name} from ${p.version} to ${upgrade} or later${how}: the smallest version that fixes all ${n} advisories.`;
  const fixable = matches.filter((m) => m.smallestFix);
  const none = matches.filter((m) => !m.smallestFix).map((m) => m.id);
  const parts: string[] = [];
  if (fixable.length > 0)
    parts.push(`upgrading fixes only ${fixable.map((m) => `${m.id} (from ${m.smallestFix})`).join(', ')}`);
  if (none.length > 0) parts.push(`no published version fixes ${none.join(', ')}`);
  return `No single version of ${p.name} fixes every advisory: ${parts.join('; ')}. Remove or replace the package, or accept the remaining risk with an exception.`;
}

/** The consolidated verdict for one package version and its advisory matches (most severe first). */
export function packageVerdict(p: PackageFacts, matches: readonly AdvisoryMatch[]): PackageVerdict {
  const upgrade = smallestFixForAll(matches, p);
  const lead = matches[0]!;
  const cwe = cweOf(matches);
  const tags = [p.dev ? 'dev-only' : '', p.direct ? 'direct' : 'transitive'].filter(Boolean).join(', ');
  const via = !p.direct && p.path && p.path.length > 1 ? ` Brought in by ${p.path.join(' → ')}.` : '';
  const dev = p.dev ? ' It is a development dependency only (not installed in production).' : '';
  const n = matches.length;
  const title =
    n === 1
      ? `${p.name}@${p.version}: ${lead.summary}`
      : `${p.name}@${p.version}: ${n} advisories (worst ${lead.severity.severity}: ${lead.summary})`;
  const pkg: PackageRef = {
    ecosystem: p.ecosystem,
    name: p.name,
    version: p.version,
    purl: p.purl,
    fixedIn: upgrade ? [upgrade] : [],
    advisories: [...new Set(matches.flatMap((m) => m.ids))].sort(),
    direct: p.direct,
    vulnerabilities: matches.map(vulnerabilityOf),
  };
  if (p.path) pkg.path = p.path;
  if (p.dev) pkg.dev = true;
  const v: PackageVerdict = {
    severity: lead.severity.severity,
    cwe,
    owasp: [...new Set(['A03:2025', ...owaspForCwes(cwe)])].sort(),
    title: p.dev ? `${title} [dev-only]` : title,
    message: `${p.name}@${p.version} (${tags}) is affected by ${n === 1 ? 'an advisory' : `${n} advisories`}: ${matches.map(describe).join('; ')}.${via}${dev}`,
    remediation: remediationOf(p, matches, upgrade),
    package: pkg,
    fingerprintKey: `${p.ecosystem}|${normaliseName(p.ecosystem, p.name)}|${p.version}`,
  };
  if (upgrade) v.upgrade = upgrade;
  return v;
}
