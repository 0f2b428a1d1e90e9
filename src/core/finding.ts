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

export interface PackageRef {
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  fixedIn: string[];
  advisories: string[];
  direct: boolean;
  path?: string[];
}

export interface Suppression {
  kind: 'inline' | 'exception' | 'baseline';
  reason: string;
  expires?: string;
  /** Who owns the decision (vanguard.yaml exceptions); the server shows it on the accepted finding. */
  owner?: string;
}

/** Findings come from analyzers, and from the policy itself (for example a suppression without a reason). */
export type FindingSource = AnalyzerId | 'policy';

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
}

/** Rank for sorting and gates: 0 is the most severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** True when `s` is at or above `threshold`. */
export function atOrAbove(s: Severity, threshold: Severity): boolean {
  return severityRank(s) <= severityRank(threshold);
}

/** True when confidence `c` is at or above `min` (high > medium > low). */
export function confidenceAtLeast(c: Confidence, min: Confidence): boolean {
  return CONFIDENCES.indexOf(c) <= CONFIDENCES.indexOf(min);
}

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}
