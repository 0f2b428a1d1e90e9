/** The API's answers as the dashboard reads them (src/server/store/findings-query.ts and the routes). */
export interface Finding {
  id: number;
  project: string;
  branch: string;
  fingerprint: string;
  ruleId: string;
  analyzer: string;
  severity: string;
  confidence: string;
  title: string;
  message: string;
  remediation: string;
  location: {
    path: string;
    startLine: number;
    startColumn?: number;
    endLine?: number;
    endColumn?: number;
    snippet?: string;
    commit?: string;
  };
  cwe: number[];
  owasp: string[];
  principles: string[];
  /** Code findings: taint (a source was followed to the sink), pattern or audit; null otherwise. */
  tier: string | null;
  /** The taint path from source to sink ([] when none). */
  flow: { path: string; line: number; label: string; kind: 'source' | 'step' | 'sink' }[];
  tools: string[];
  phase: string;
  package: {
    ecosystem: string;
    name: string;
    version: string;
    purl?: string;
    fixedIn?: string[];
    advisories?: string[];
    direct?: boolean;
    path?: string[];
  } | null;
  advisory: string | null;
  status: string;
  statusReason: string | null;
  statusSource: string;
  acceptedOwner: string | null;
  acceptedUntil: string | null;
  introducedAt: string | null;
  firstSeen: string;
  lastSeen: string;
  fixedAt: string | null;
  slaDue: string | null;
  slaBreached: boolean;
  detectedBy: string;
  /** True when only audit-profile scans report it (a default scan leaves its shape to `--profile audit`). */
  auditOnly: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** False when there are more than `total` (the server counts up to 1,000). */
  totalExact?: boolean;
  limit?: number;
  offset?: number;
}

export interface HistoryEvent {
  at: string;
  actor: string;
  from: string | null;
  to: string;
  reason: string;
  scanId: number | null;
}

export interface Comment {
  id: number;
  at: string;
  actor: string;
  body: string;
}

export interface ProjectSummary {
  name: string;
  createdAt: string;
  open: Record<string, number>;
}

export interface Job {
  id: number;
  kind: string;
  status: string;
  result: unknown;
  error: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
