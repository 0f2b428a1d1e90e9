import type { AnalyzerId, Finding, FindingSource, Severity } from './finding.js';
import type { RuleMeta } from './rule.js';

export const SCHEMA_VERSION = '1.0.0';

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
  warnings: string[];
  summary: Summary;
}
