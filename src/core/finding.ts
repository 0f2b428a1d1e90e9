/** The finding model shared by every analyzer, reporter and the server (see docs/finding.md). */

export const ANALYZER_IDS = [
  'secrets',
  'deps',
  'code',
  'iac',
  'pipeline',
  'threats',
  'supply-chain',
] as const;
export type AnalyzerId = (typeof ANALYZER_IDS)[number];

/** Severities from most to least severe; the order is used for gates and sorting. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * How a code finding was established: `taint` (a source was followed to the sink), `pattern` (the
 * code itself is the problem, e.g. `verify=False`), `audit` (a dangerous sink with a non-constant
 * input whose origin was not proven; medium or low confidence by construction).
 */
export const TIERS = ['taint', 'pattern', 'audit'] as const;
export type Tier = (typeof TIERS)[number];

export const PRINCIPLES = [
  'encryption',
  'authentication',
  'logging',
  'asset-management',
  'zoning-containment',
] as const;
export type Principle = (typeof PRINCIPLES)[number];

export const PHASES = ['design', 'code', 'build', 'test', 'release', 'runtime'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * What a file is for (see docs/file-roles.md): findings outside `source` are lowered or, for
 * generated and vendored code, dropped and counted.
 */
export const FILE_ROLES = [
  'source',
  'test',
  'fixture',
  'docs',
  'i18n',
  'generated',
  'vendored',
  'example',
] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export interface Location {
  /** Path relative to the scan root, with forward slashes. */
  path: string;
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  /** The offending line(s); masked for secrets. */
  snippet?: string;
  /** The commit that introduced the problem, for git-history findings. */
  commit?: string;
}

/**
 * One step of a data flow (a taint path): where attacker-controlled data is, from the source to the
 * sink, possibly across files. SARIF carries it as `codeFlows[].threadFlows[].locations[]`.
 */
export interface FlowStep {
  /** Path relative to the scan root, with forward slashes. */
  path: string;
  /** 1-based. */
  line: number;
  /** What holds the data at this step: the source expression, a variable, a parameter, a call, the sink. */
  label: string;
  /** The role of the step: the first is the `source`, the last the `sink`. */
  kind: 'source' | 'step' | 'sink';
}

export interface PackageRef {
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  fixedIn: string[];
  advisories: string[];
  direct: boolean;
  path?: string[];
  /** Needed only to develop or test (the lockfile says so): not shipped with the product. */
  dev?: boolean;
  /** One entry per advisory (aliases merged), most severe first, when the finding covers a package's advisories. */
  vulnerabilities?: PackageVulnerability[];
}

export interface PackageVulnerability {
  /** The representative id (a GHSA id when there is one). */
  id: string;
  /** Every id and alias of the advisory, sorted. */
  aliases: string[];
  severity: Severity;
  summary: string;
  /** Fixed versions the advisory names, ascending. */
  fixedIn: string[];
}

/**
 * Why a finding is kept but not reported. 'by-design' is set by an analyzer: the code does what the application
 * is built to do for the user who reaches it (a route behind the login that also opens a shell to that user).
 */
export interface Suppression {
  kind: 'inline' | 'exception' | 'baseline' | 'by-design';
  reason: string;
  expires?: string;
  /** Who owns the decision (vanguard.yaml exceptions); the server shows it on the accepted finding. */
  owner?: string;
}

/**
 * Findings come from analyzers, from the policy itself (for example a suppression without a reason),
 * and from `vanguard probe` (a running service, not files: not an analyzer a scan can select).
 */
export const FINDING_SOURCES = [...ANALYZER_IDS, 'policy', 'probe'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export interface Finding {
  ruleId: string;
  analyzer: FindingSource;
  severity: Severity;
  confidence: Confidence;
  title: string;
  message: string;
  remediation: string;
  location: Location;
  cwe: number[];
  owasp: string[];
  principles: Principle[];
  phase: Phase;
  /** Code findings: how the finding was established (see TIERS). */
  tier?: Tier;
  /** Stable across line moves and reformatting: the same problem gives the same value. */
  fingerprint: string;
  package?: PackageRef;
  suppression?: Suppression;
  /** For taint findings: the path the data takes from its source to the sink (schemaVersion 1.3.0). */
  flow?: FlowStep[];
  /** The role of the file (absent for ordinary source files); the severity is already adjusted for it. */
  role?: FileRole;
  /** Set by diff-aware and baseline scans: whether the finding is new relative to the baseline. */
  baselineState?: 'new' | 'unchanged';
  /**
   * When the problem entered the code (ISO 8601): the author time of the commit that last introduced
   * the line; for a dependency the later of that (its lockfile line) and the advisory's publication.
   * Absent for uncommitted lines and outside git repositories.
   */
  introducedAt?: string;
  /** The commit that introduced it (the line's blame, or a history finding's commit). */
  introducedBy?: string;
}

/**
 * What an analyzer returns. The core pipeline computes the fingerprint and masks secrets,
 * so analyzers give the material for both instead of the final values.
 */
export interface RawFinding extends Omit<Finding, 'fingerprint'> {
  /**
   * What identifies this problem independent of its line number (for example the secret value,
   * the normalised offending code, the package and advisory). Defaults to the normalised snippet.
   */
  fingerprintKey?: string;
  /** A secret value that must never leave the process: masked everywhere by the mask stage. */
  secret?: string;
  /**
   * A shape only the opt-in audit profile reports, found by a default-profile scan: the scan leaves it out of its
   * findings and records only its fingerprint (`ScanResult.heldBack`), so a server does not close the finding an
   * audit scan reported and an exception that matches it is not called stale.
   */
  heldBack?: true;
}

/** Rank for sorting and gates: 0 is the most severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** One step lower (critical to high … low stays low, info stays info): a finding lowered for a stated reason. */
export function oneStepLower(s: Severity): Severity {
  return s === 'critical' ? 'high' : s === 'high' ? 'medium' : s === 'medium' ? 'low' : s;
}

/** True when `s` is at or above `threshold`. */
export function atOrAbove(s: Severity, threshold: Severity): boolean {
  return severityRank(s) <= severityRank(threshold);
}

/**
 * True when `a` is the stronger report of one problem: a proven flow over a structural match over an
 * audit (no tier counts as weakest), then the higher severity, then the higher confidence.
 */
export function strongerFinding(
  a: Pick<Finding, 'tier' | 'severity' | 'confidence'>,
  b: Pick<Finding, 'tier' | 'severity' | 'confidence'>,
): boolean {
  const rank = (f: typeof a): number[] => [
    f.tier === undefined ? TIERS.length : TIERS.indexOf(f.tier),
    severityRank(f.severity),
    CONFIDENCES.indexOf(f.confidence),
  ];
  const x = rank(a);
  const y = rank(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

/** True when confidence `c` is at or above `min` (high > medium > low). */
export function confidenceAtLeast(c: Confidence, min: Confidence): boolean {
  return CONFIDENCES.indexOf(c) <= CONFIDENCES.indexOf(min);
}

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}
