import type { AnalyzerId, Confidence, Finding, FindingSource, Severity } from './finding.js';
import type { Inventory } from './inventory.js';
import type { DeclaredDeployment } from './deployment.js';
import type { RuleMeta } from './rule.js';
import type { ScanWarning } from './warning.js';

export type { Inventory, InventoryComponent, ComponentScope } from './inventory.js';
export type { ScanWarning } from './warning.js';

/** 1.1.0: `inventory` (the dependency inventory) and structured `warnings`. */
export const SCHEMA_VERSION = '1.2.0';

/** 'skipped': not run (for example no advisory database and not asked for by name); the reason is in warnings. */
export type AnalyzerStatus = 'succeeded' | 'partial' | 'failed' | 'skipped';

export interface FileError {
  path: string;
  code: string;
  message: string;
}

export interface AnalyzerRun {
  id: AnalyzerId;
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
  suppressed: number;
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
  /** Findings suppressed by an exception. */
  exceptionSuppressed: number;
  baseline?: { source: string; unchanged: number; new: number };
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
  /** The dependency inventory (SBOM content); present when the deps analyzer ran. */
  inventory?: Inventory;
  /** What the project declares it deploys (workloads, ports, images, threat-model assets). */
  deployment?: DeclaredDeployment;
}
