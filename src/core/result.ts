import type { AnalyzerId, Confidence, FileRole, Finding, FindingSource, Severity } from './finding.js';
import type { Inventory } from './inventory.js';
import type { DeclaredDeployment } from './deployment.js';
import type { ProbeReport } from './probe-report.js';
import type { RuleMeta } from './rule.js';
import type { ScanWarning } from './warning.js';
import type { Profile } from './profile.js';

export type { Inventory, InventoryComponent, ComponentScope } from './inventory.js';
export type { ScanWarning } from './warning.js';

/**
 * 1.1.0: `inventory` (the dependency inventory) and structured `warnings`. 1.2.0: findings'
 * `introducedAt`/`introducedBy`, `deployment` (what the project declares it deploys) and `probe`
 * (the result of `vanguard probe`, findings of source 'probe'). 1.3.0: optional `flow` on findings
 * (the taint path, source to sink, across files) and `tier`. 1.4.0: `inventory.unresolved` (declared
 * dependencies whose version could not be resolved). 1.5.0: the suppression kind 'by-design' (set by an analyzer)
 * and `summary.byDesign`. 1.6.0: `profile`. 1.7.0: `heldBack` (what a default-profile scan left to the audit profile).
 */
export const SCHEMA_VERSION = '1.7.0';

/**
 * What a default-profile scan left to the opt-in audit profile (schemaVersion 1.7.0), so that a server does not close
 * what an audit scan reported and a default scan cannot see. Only fingerprints and rule ids: never a finding's text.
 */
export interface HeldBack {
  /**
   * The analyzers that list every finding they held back (`fingerprints`); another analyzer's audit-profile
   * findings are not known to this scan.
   */
  analyzers: AnalyzerId[];
  /** The fingerprints of the findings of audit-profile shapes of default rules this scan found and left out, sorted. */
  fingerprints: string[];
  /** The rules of the audit profile this scan did not run (their findings cannot be known to it), sorted. */
  rules: string[];
}

/** 'skipped': not run (for example no advisory database and not asked for by name); the reason is in warnings. */
export type AnalyzerStatus = 'succeeded' | 'partial' | 'failed' | 'skipped';

export interface FileError {
  path: string;
  code: string;
  message: string;
}

export interface AnalyzerRun {
  /** An analyzer, or 'probe' in the result of `vanguard probe`. */
  id: FindingSource;
  status: AnalyzerStatus;
  filesAnalyzed: number;
  findings: number;
  /** CPU time summed over workers, milliseconds. */
  durationMs: number;
  errors: FileError[];
}

export type SkipReason =
  'ignored' | 'binary' | 'too-large' | 'symlink' | 'symlink-outside' | 'unreadable' | 'special';

export interface Discovery {
  filesSeen: number;
  filesScanned: number;
  bytesScanned: number;
  skipped: Record<SkipReason, number>;
  /** Files decoded as Latin-1 because they were not valid UTF-8. */
  nonUtf8: number;
  /** Up to 200 skipped files with the reason, for the report. */
  skippedFiles: { path: string; reason: SkipReason; detail?: string }[];
}

export interface GateResult {
  failOn: Severity | 'none';
  failed: boolean;
  /** Why the gate passed or failed, in one sentence. */
  reason: string;
  /** Unsuppressed findings at or above the gate. */
  blocking: number;
  /** Findings below this confidence did not count towards the gate (`--min-confidence`, `gates.minConfidence`). */
  minConfidence?: Confidence;
}

export interface Summary {
  total: number;
  bySeverity: Record<Severity, number>;
  byAnalyzer: Partial<Record<FindingSource, number>>;
  /** Unsuppressed findings in files that are not ordinary source (tests, fixtures, docs, …), per role. */
  byRole?: Partial<Record<FileRole, number>>;
  suppressed: number;
  /**
   * Findings not reported because the application is built to do what they describe for whoever reaches them
   * (suppression 'by-design', set by an analyzer: a route behind the login that also opens a shell), by reason;
   * counted in `suppressed` too, and kept in `findings` with their suppression. Absent when none (1.5.0).
   */
  byDesign?: { reason: string; findings: number }[];
  gate: GateResult;
}

export interface InlineSuppressionUse {
  path: string;
  line: number;
  ruleId: string;
  reason: string;
  used: boolean;
}

/** An exception of vanguard.yaml as the report names it. */
export interface ExceptionRef {
  /** Position in the `exceptions` list, 0-based. */
  index: number;
  /** The matchers given (fingerprint, rule, path, package, advisory). */
  match: Partial<Record<'fingerprint' | 'rule' | 'path' | 'package' | 'advisory', string>>;
  reason: string;
  owner: string;
  expires: string;
  /** Findings it matched in this scan. */
  matched: number;
}

/** What the policy stage did, for reports: expired and stale exceptions, the baseline used. */
export interface PolicyReport {
  /** The vanguard.yaml used; absent when the defaults applied. */
  configFile?: string;
  /** Past their expiry date and matching findings: those findings are no longer suppressed. */
  expiredExceptions: ExceptionRef[];
  /** Matching no finding: candidates for removal. */
  staleExceptions: ExceptionRef[];
  /**
   * Matching only findings a default-profile scan left to the audit profile (`HeldBack`; schemaVersion 1.7.0):
   * not stale. Absent when there are none.
   */
  auditProfileExceptions?: ExceptionRef[];
  /** Findings suppressed by an exception. */
  exceptionSuppressed: number;
  baseline?: { source: string; unchanged: number; new: number };
}

/** Files of one kind that the scan could not (fully) analyze, e.g. a language without rules. */
export interface CoverageGap {
  /** The analyzer that could not cover them; absent for file roles (generated, vendored code). */
  analyzer?: AnalyzerId;
  /** Stable: 'generated', 'vendored', 'language:Go', 'helm-template', 'terraform-json', 'skipped' (an analyzer's reason). */
  kind: string;
  reason: string;
  files: number;
  /** Up to five paths, sorted. */
  examples: string[];
  /** Findings left out because of the files' role (generated and vendored code). */
  findingsDropped?: number;
}

export interface ScanResult {
  schemaVersion: string;
  tool: { name: 'vanguard'; version: string };
  root: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** 'partial' when any analyzer failed on any input (exit code 3). */
  status: 'complete' | 'partial';
  /**
   * The rule profile the scan ran (schemaVersion 1.6.0): `default`, or `audit` with the opt-in audit leads.
   * Absent in results of older versions and of `vanguard probe`.
   */
  profile?: Profile;
  /** A default-profile scan's findings left to the audit profile (schemaVersion 1.7.0); absent in an audit scan. */
  heldBack?: HeldBack;
  analyzers: AnalyzerRun[];
  discovery: Discovery;
  findings: Finding[];
  /** Descriptions of the rules that produced findings. */
  rules: RuleMeta[];
  /** Inline `vanguard-ignore` directives seen in scanned files, and whether each suppressed anything. */
  suppressions: InlineSuppressionUse[];
  /** Notes that are not findings: analyzers skipped, files partly understood, exceptions expired. */
  warnings: ScanWarning[];
  summary: Summary;
  /** Present when the policy stage ran (it always does in `vanguard scan`). */
  policy?: PolicyReport;
  /** What the scan could not analyze, counted by kind (absent when nothing is missing). */
  coverage?: CoverageGap[];
  /** The dependency inventory (SBOM content); present when the deps analyzer ran. */
  inventory?: Inventory;
  /** What the project declares it deploys (workloads, ports, images, threat-model assets). */
  deployment?: DeclaredDeployment;
  /** Present in the result of `vanguard probe`: what was probed (targets, TLS, ports). */
  probe?: ProbeReport;
}

/** A discovery that saw nothing: the start of a walk, or the record of a run that read no files. */
export function emptyDiscovery(): Discovery {
  return {
    filesSeen: 0,
    filesScanned: 0,
    bytesScanned: 0,
    skipped: {
      ignored: 0,
      binary: 0,
      'too-large': 0,
      symlink: 0,
      'symlink-outside': 0,
      unreadable: 0,
      special: 0,
    },
    nonUtf8: 0,
    skippedFiles: [],
  };
}
