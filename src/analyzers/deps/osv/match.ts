import { severityRank } from '../../../core/finding.js';
import { comparatorFor, type Comparator } from '../versions/index.js';
import { compareSemver } from '../versions/semver.js';
import { normaliseName, normaliseVersion } from './normalise.js';
import { advisorySeverity, type AdvisorySeverity } from './severity.js';
import type { OsvAffected, OsvRange, OsvRecord } from './types.js';

/** One package version as matching sees it. */
export interface PackageVersion {
  ecosystem: string;
  name: string;
  version: string;
}

/** One finding's worth of advisories: records that alias each other are merged. */
export interface AdvisoryMatch {
  /** The representative id (a GHSA id when one is in the group). */
  id: string;
  /** Every id and alias in the group, sorted. */
  ids: string[];
  records: OsvRecord[];
  /** Fixed versions named by the matching ranges, ascending. */
  fixed: string[];
  /** The smallest fixed version above the installed one that none of the group's records affect. */
  smallestFix?: string;
  severity: AdvisorySeverity;
  summary: string;
}

type Ev = { kind: 'introduced' | 'fixed' | 'last_affected' | 'limit'; v: string };

/** Whether one OSV range includes `version`, by the evaluation in the OSV schema ("Evaluation" section). */
export function rangeIncludes(range: OsvRange, version: string, cmp: Comparator): boolean {
  if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER') return false;
  const c = range.type === 'SEMVER' ? compareSemver : cmp;
  const events: Ev[] = [];
  for (const e of range.events ?? []) {
    for (const kind of ['introduced', 'fixed', 'last_affected', 'limit'] as const) {
      const v = e[kind];
      if (typeof v === 'string') events.push({ kind, v });
    }
  }
  // Sort by version; introduced "0" is below everything.
  const key = (e: Ev): number => (e.kind === 'introduced' && e.v === '0' ? -1 : 0);
  events.sort((a, b) => key(a) - key(b) || (key(a) === -1 ? 0 : c(a.v, b.v)));
  let affected = false;
  const limits: string[] = [];
  for (const e of events) {
    if (e.kind === 'introduced' && (e.v === '0' || c(version, e.v) >= 0)) affected = true;
    else if (e.kind === 'fixed' && c(version, e.v) >= 0) affected = false;
    else if (e.kind === 'last_affected' && c(version, e.v) > 0) affected = false;
    else if (e.kind === 'limit') limits.push(e.v);
  }
  // `limit` bounds the range from above: versions at or past every limit are outside it.
  if (affected && limits.length > 0 && !limits.some((l) => l === '*' || c(version, l) < 0)) return false;
  return affected;
}

function entryFor(a: OsvAffected, pkg: PackageVersion): boolean {
  const p = a.package;
  if (!p || p.ecosystem.split(':')[0] !== pkg.ecosystem) return false;
  return normaliseName(pkg.ecosystem, p.name) === normaliseName(pkg.ecosystem, pkg.name);
}

function entryAffects(a: OsvAffected, version: string, cmp: Comparator): boolean {
  if (a.versions?.some((v) => v === version || cmp(v, version) === 0)) return true;
  return (a.ranges ?? []).some((r) => rangeIncludes(r, version, cmp));
}

/** Whether a record affects the package version (withdrawn records never do). */
export function recordAffects(record: OsvRecord, pkg: PackageVersion): boolean {
  if (record.withdrawn) return false;
  const cmp = comparatorFor(pkg.ecosystem);
  const v = normaliseVersion(pkg.ecosystem, pkg.version);
  return (record.affected ?? []).some((a) => entryFor(a, pkg) && entryAffects(a, v, cmp));
}

function fixedVersions(records: OsvRecord[], pkg: PackageVersion, cmp: Comparator): string[] {
  const out = new Set<string>();
  for (const r of records) {
    for (const a of r.affected ?? []) {
      if (!entryFor(a, pkg)) continue;
      for (const range of a.ranges ?? [])
        for (const e of range.events ?? []) if (typeof e.fixed === 'string') out.add(e.fixed);
    }
  }
  return [...out].sort(cmp);
}

function preferredId(ids: string[]): string {
  return ids.find((i) => i.startsWith('GHSA-')) ?? ids.find((i) => i.startsWith('CVE-')) ?? ids[0]!;
}

/** Receives a record that could not be evaluated (malformed data stored before validation existed). */
export type OnBadRecord = (id: string, err: unknown) => void;

/**
 * Whether the record affects the package; a record whose data breaks the evaluation is reported and
 * skipped, so it affects only itself, never the other advisories of the package or lockfile.
 */
function safelyAffects(record: OsvRecord, pkg: PackageVersion, onBad: OnBadRecord | undefined): boolean {
  try {
    return recordAffects(record, pkg);
  } catch (err) {
    if (!onBad) throw err;
    onBad(typeof record.id === 'string' ? record.id : '(no id)', err);
    return false;
  }
}

/**
 * The advisories among `records` that affect `pkg`, merged by alias (a GHSA record and the PYSEC or CVE
 * record it aliases become one match), with fixed versions and the smallest upgrade that fixes all of them.
 * With `onBad`, a record that cannot be evaluated is reported there and left out.
 */
export function matchPackage(
  records: readonly OsvRecord[],
  pkg: PackageVersion,
  onBad?: OnBadRecord,
): AdvisoryMatch[] {
  const hits = records.filter((r) => safelyAffects(r, pkg, onBad));
  if (hits.length === 0) return [];
  // Union-find over ids and aliases.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const r of hits) {
    union(r.id, r.id);
    for (const al of r.aliases ?? []) union(r.id, al);
  }
  const groups = new Map<string, OsvRecord[]>();
  for (const r of hits) {
    const root = find(r.id);
    const g = groups.get(root) ?? [];
    g.push(r);
    groups.set(root, g);
  }
  const cmp = comparatorFor(pkg.ecosystem);
  const installed = normaliseVersion(pkg.ecosystem, pkg.version);
  const out: AdvisoryMatch[] = [];
  for (const recs of groups.values()) {
    const ids = [...new Set(recs.flatMap((r) => [r.id, ...(r.aliases ?? [])]))].sort();
    const fixed = fixedVersions(recs, pkg, cmp);
    const smallestFix = fixed.find(
      (f) => cmp(f, installed) > 0 && !recs.some((r) => safelyAffects(r, { ...pkg, version: f }, onBad)),
    );
    const severities = recs
      .map(advisorySeverity)
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    const id = preferredId(recs.map((r) => r.id).sort());
    const main = recs.find((r) => r.id === id) ?? recs[0]!;
    const m: AdvisoryMatch = {
      id,
      ids,
      records: recs,
      fixed,
      severity: severities[0]!,
      summary: main.summary ?? main.details?.slice(0, 200) ?? id,
    };
    if (smallestFix !== undefined) m.smallestFix = smallestFix;
    out.push(m);
  }
  return out.sort(
    (a, b) => severityRank(a.severity.severity) - severityRank(b.severity.severity) || (a.id < b.id ? -1 : 1),
  );
}

/**
 * The smallest version above the installed one that none of the matches' records affect: the one
 * upgrade that closes every advisory of the package. Undefined when no published fix does.
 */
export function smallestFixForAll(
  matches: readonly AdvisoryMatch[],
  pkg: PackageVersion,
): string | undefined {
  const cmp = comparatorFor(pkg.ecosystem);
  const installed = normaliseVersion(pkg.ecosystem, pkg.version);
  const records = matches.flatMap((m) => m.records);
  const candidates = [...new Set(matches.flatMap((m) => m.fixed))].sort(cmp);
  return candidates.find(
    (f) =>
      cmp(f, installed) > 0 &&
      !records.some((r) => {
        try {
          return recordAffects(r, { ...pkg, version: f });
        } catch (err) {
          void err; // A record that cannot be evaluated was already reported when it matched.
          return false;
        }
      }),
  );
}
