import type { DeclaredDeployment } from '../../core/deployment.js';
import type { FlowStep, Location, Phase } from '../../core/finding.js';
import type { Profile } from '../../core/profile.js';

/** The inventory shape of the shared ScanResult contract (`ScanResult.inventory`, schema 1.1.0). */
export interface InventoryComponent {
  ref: string;
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  scope: 'required' | 'dev' | 'optional' | 'unknown';
  direct: boolean;
  declaredIn: string;
  hashes?: { alg: string; value: string }[];
}

export interface ReportInventory {
  components: InventoryComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
}

/**
 * What a report says about a finding, as ingest reads it and the API returns it (the stored row is
 * `FindingRow`; `IngestFinding` and the API's `FindingView` both extend this).
 */
export interface FindingFields {
  fingerprint: string;
  ruleId: string;
  analyzer: string;
  severity: string;
  confidence: string;
  title: string;
  message: string;
  remediation: string;
  location: Location;
  cwe: number[];
  owasp: string[];
  principles: string[];
  /** Code findings: how the finding was established (taint, pattern, audit). */
  tier?: string;
  /** The taint path from source to sink, possibly across files. */
  flow?: FlowStep[];
}

/** A finding as every input format is reduced to before it is stored. */
export interface IngestFinding extends FindingFields {
  phase: Phase;
  tool: string;
  advisory?: string;
  packageKey?: string;
  package?: unknown;
  introducedAt?: string;
  /** Accepted in the repository itself (a vanguard.yaml exception, an inline suppression, a SARIF suppression). */
  accepted?: { reason: string; owner?: string; expires?: string };
  /** An analysis state the producing tool recorded (CycloneDX `analysis.state`). */
  decided?: { status: 'false-positive' | 'not-affected'; reason: string };
}

/** What a complete scan may close: findings of `tool` (and of these analyzers, when given). */
export interface ScanScope {
  tool: string;
  analyzers?: string[];
  /**
   * Only findings at these places: a path equal to one, or under it (`prefix/…`); a prefix ending
   * in ':' matches any continuation. A probe checks only the origins and hosts it was given.
   */
  paths?: string[];
  /**
   * A default-profile scan: findings only audit-profile scans have reported (`audit_only`) are outside what it
   * looks for, so it leaves them as they are.
   */
  keepAuditOnly?: boolean;
}

/**
 * What a default-profile Vanguard scan left to the audit profile (ScanResult.heldBack, schemaVersion 1.7.0): the
 * findings it holds back and the audit rules it did not run are not closed by it.
 */
export interface ReportHeldBack {
  /** Analyzers that list every finding they held back: their other audit-only findings are gone. */
  analyzers: string[];
  fingerprints: string[];
  rules: string[];
}

/** A report of any accepted format, reduced to what ingest needs. */
export interface ParsedReport {
  format: 'vanguard' | 'sarif' | 'cyclonedx' | 'rematch';
  tools: string[];
  status: 'complete' | 'partial';
  /** Scopes the scan checked completely; a partial scan lists only what it did check. */
  scope: ScanScope[];
  /** The rule profile of a Vanguard result (schemaVersion 1.6.0); absent when the report does not say. */
  profile?: Profile;
  /** A default-profile Vanguard result's held-back findings (schemaVersion 1.7.0); absent in older results. */
  heldBack?: ReportHeldBack;
  startedAt?: string;
  findings: IngestFinding[];
  inventory?: ReportInventory;
  /** What the project declares it deploys (Vanguard results only): routes runtime detections to it. */
  deployment?: DeclaredDeployment;
  /** Notes about input that was skipped (for the scan record and the response). */
  notes: string[];
}

/** Who pushes what where. */
export interface IngestTarget {
  projectId: number;
  branch: string;
  commit?: string;
  /** Overrides the phase of every finding (`vanguard push --phase`). */
  phase?: Phase;
  actor: string;
  /** 'rematch' when the findings come from re-matching a stored inventory, not from a scan. */
  detectedBy?: 'scan' | 'rematch';
}

export interface IngestOutcome {
  scanId: number;
  total: number;
  new: number;
  reopened: number;
  fixed: number;
  unchanged: number;
  notes: string[];
}
