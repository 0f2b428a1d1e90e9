/**
 * The platform's tables as the query builder sees them. Times are ISO-8601 UTC strings and lists
 * are JSON text on both stores, so one set of queries runs unchanged on SQLite and PostgreSQL.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface ProjectTable {
  id: Generated<number>;
  name: string;
  created_at: string;
  /**
   * The branch the metrics count (migration 6): set by the first push, changed by a member. A finding
   * pushed from several branches is one problem, counted once, on this branch.
   */
  default_branch: string | null;
}

export interface UserTable {
  id: Generated<number>;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

/** API tokens of users (`vgu_`) and project push tokens (`vgp_`); only a salted hash is kept. */
export interface TokenTable {
  /** The public part of the token (its first characters), used to find the row. */
  id: string;
  kind: string;
  user_id: number | null;
  project_id: number | null;
  hash: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Signed-webhook secrets for runtime detections (issue #16); hashed like tokens. */
export interface HookSecretTable {
  id: string;
  project_id: number;
  name: string;
  hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface SessionTable {
  /** sha256 of the cookie value. */
  id: string;
  user_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface ScanTable {
  id: Generated<number>;
  project_id: number;
  branch: string;
  commit_sha: string | null;
  /** The reporting tool(s), JSON list. */
  tools: string;
  format: string;
  phase: string;
  status: string;
  /** What a complete scan may close: JSON `{ tool, analyzers? }[]`. */
  scope: string;
  started_at: string | null;
  received_at: string;
  pushed_by: string;
  finding_count: number;
  new_count: number;
  fixed_count: number;
  reopened_count: number;
}

export interface FindingTable {
  id: Generated<number>;
  project_id: number;
  branch: string;
  fingerprint: string;
  rule_id: string;
  analyzer: string;
  severity: string;
  confidence: string;
  title: string;
  message: string;
  remediation: string;
  path: string;
  start_line: number;
  /** JSON of the full location. */
  location: string;
  cwe: string;
  owasp: string;
  principles: string;
  tools: string;
  phase: string;
  /** Advisory id and versionless package purl, for decisions that span projects. */
  advisory: string | null;
  package_key: string | null;
  package: string | null;
  status: string;
  /** Who set the status: scan, policy (vanguard.yaml), user, decision, expiry. */
  status_source: string;
  status_reason: string | null;
  accepted_owner: string | null;
  accepted_until: string | null;
  introduced_at: string | null;
  first_seen: string;
  /** When a write of the row last saw it; a later sighting that changed nothing is in finding_seen. */
  last_seen: string;
  fixed_at: string | null;
  sla_start: string;
  sla_due: string | null;
  /** 'scan' or 'rematch' (found by re-matching a stored inventory). */
  detected_by: string;
  first_scan_id: number | null;
  last_scan_id: number | null;
  /** The principles and OWASP categories as bits (store/labels.ts), for indexed filters (migration 4). */
  principle_mask: number;
  owasp_mask: number;
  /** Code findings: taint, pattern or audit (migration 9). */
  tier: string | null;
  /** JSON of the taint path (FlowStep[]) from source to sink, for taint findings (migration 9). */
  flow: string | null;
  /**
   * 1 while only scans of the opt-in audit profile have reported the finding, 0 once a default-profile scan has;
   * null for rows written before migration 14 and for reports that do not say their profile. A default-profile
   * scan does not close a finding with 1: it never looks for it (migration 14).
   */
  audit_only: number | null;
}

/** Which tools reported a finding, one row each: the tool filter reads it instead of the JSON list. */
export interface FindingToolTable {
  tool: string;
  finding_id: number;
}

export interface FindingEventTable {
  id: Generated<number>;
  finding_id: number;
  at: string;
  actor: string;
  from_status: string | null;
  to_status: string;
  reason: string;
  scan_id: number | null;
}

/**
 * The latest sighting of a finding by a scan that changed nothing else about it (migration 11): a
 * narrow row, so a re-scan rewrites neither the wide finding row nor its indexes. A finding's last
 * seen time and scan are the later of this row's and its own.
 */
export interface FindingSeenTable {
  finding_id: number;
  last_seen: string;
  last_scan_id: number | null;
}

/**
 * PostgreSQL only (migrations 11 and 12): the lower-cased text a search looks in, kept by triggers,
 * a row per block of finding ids written by one statement (`finding_id` null) or for one finding
 * whose text changed since.
 */
export interface FindingSearchTable {
  block: number;
  finding_id: number | null;
  text: string;
}

/** A person's comment on a finding (not a status change; those are finding_events). */
export interface FindingCommentTable {
  id: Generated<number>;
  finding_id: number;
  at: string;
  actor: string;
  body: string;
}

/** One analysis decision on an advisory + package, applied to every project. */
export interface DecisionTable {
  id: Generated<number>;
  advisory: string;
  package_key: string;
  status: string;
  reason: string;
  owner: string | null;
  expires_at: string | null;
  actor: string;
  created_at: string;
  revoked_at: string | null;
}

/** The latest dependency inventory of each project and branch. */
export interface InventoryTable {
  id: Generated<number>;
  project_id: number;
  branch: string;
  scan_id: number | null;
  components: string;
  dependencies: string;
  component_count: number;
  updated_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
  ip: string | null;
}

/** Job records: the status a client polls. On PostgreSQL pg-boss carries the job id between processes. */
export interface JobTable {
  id: Generated<number>;
  kind: string;
  status: string;
  payload: string;
  result: string | null;
  error: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** host:pid of the process that took the job last (migration 4). */
  worker: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** Free-form labels on projects (team, business unit, tier); metrics filter by them. */
export interface ProjectTagTable {
  project_id: number;
  tag: string;
}

/** The organisation's metrics as computed once a day; append-only. */
export interface MetricSnapshotTable {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  taken_at: string;
  /** JSON of the MetricsResponse. */
  data: string;
}

/**
 * The metrics rollup (migrations 6 and 10), maintained in the transaction of every write that changes
 * a finding; only findings of the project's default branch are counted. What each `kind` holds, and
 * what `day` and `bucket` mean for it, is in server/metrics/rollup.ts.
 */
export interface MetricRollupTable {
  kind: number;
  /** Days since 1970-01-01 (UTC). */
  day: number;
  /** `YYYY-MM` of the day. */
  month: string;
  project_id: number;
  severity: string;
  analyzer: string;
  phase: string;
  /** Histogram bucket of the duration in seconds (store/../metrics/sql.ts durationBucket), -1 for none. */
  bucket: number;
  n: number;
  /** Σ durations in seconds (exact, for the mean). */
  sum_s: number;
  /** Closures only: with a due date, and closed by it. */
  due: number;
  within: number;
}

/** A webhook credential (issue #16): a bearer token (hashed) or, for signed hooks, the signing key. */
export interface HookTable {
  id: string;
  kind: string;
  name: string;
  token_hash: string | null;
  /**
   * The HMAC key of a signed (`generic`) hook, sealed with the server key (store/secret-box.ts):
   * verifying an HMAC needs the key itself, so unlike tokens it cannot be kept as a one-way hash.
   */
  signing_key_sealed: string | null;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Message ids of signed deliveries seen recently, so a replayed message is refused. */
export interface HookDeliveryTable {
  hook_id: string;
  message_id: string;
  received_at: string;
}

/** What the latest scan of each project and branch declared it deploys (JSON lists). */
export interface DeploymentTable {
  id: Generated<number>;
  project_id: number;
  branch: string;
  scan_id: number | null;
  workloads: string;
  assets: string;
  updated_at: string;
}

/**
 * The index routing reads instead of every deployment: one row per (key, value) a project branch's
 * deployment declares (image repository, app name, namespace, threat-model asset).
 */
export interface DeploymentKeyTable {
  key: string;
  value: string;
  project_id: number;
  branch: string;
}

/**
 * A runtime detection or anomaly report, one row per incident (repeats are counted on it), routed
 * to a project's finding or waiting as `unrouted`.
 */
export interface DetectionTable {
  id: Generated<number>;
  /** alertmanager, falco, generic, report. */
  source: string;
  /** What makes repeats the same incident (Alertmanager's fingerprint, Falco rule + workload, …). */
  identity: string;
  rule_id: string;
  title: string;
  message: string;
  severity: string;
  confidence: string;
  /** JSON of the routing facts (namespace, app, image, host, pod, asset). */
  facts: string;
  occurred_at: string;
  first_at: string;
  last_at: string;
  received_at: string;
  /** The latest raw payload (bounded), kept for the audit trail. */
  payload: string;
  /** routed, unrouted, ambiguous. */
  status: string;
  count: number;
  hook_id: string | null;
  /** The user who filed an anomaly report. */
  reporter: string | null;
  resolved_at: string | null;
  project_id: number | null;
  branch: string | null;
  finding_id: number | null;
  /** How it was routed, for people: `deployment: Deployment shop/api (k8s/api.yaml:1)`, `rule #3`, … */
  route: string | null;
}

/** An admin's mapping from a detection key (namespace, app, image, host, pod, asset) to a project. */
export interface RoutingRuleTable {
  id: Generated<number>;
  key: string;
  value: string;
  project_id: number;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

export interface Database {
  projects: ProjectTable;
  users: UserTable;
  tokens: TokenTable;
  hook_secrets: HookSecretTable;
  sessions: SessionTable;
  scans: ScanTable;
  findings: FindingTable;
  finding_tools: FindingToolTable;
  finding_seen: FindingSeenTable;
  finding_search: FindingSearchTable;
  finding_events: FindingEventTable;
  finding_comments: FindingCommentTable;
  decisions: DecisionTable;
  inventories: InventoryTable;
  audit_log: AuditTable;
  jobs: JobTable;
  settings: SettingTable;
  project_tags: ProjectTagTable;
  metric_snapshots: MetricSnapshotTable;
  metric_rollup: MetricRollupTable;
  hooks: HookTable;
  hook_deliveries: HookDeliveryTable;
  deployments: DeploymentTable;
  deployment_keys: DeploymentKeyTable;
  detections: DetectionTable;
  routing_rules: RoutingRuleTable;
}

export type FindingRow = Selectable<FindingTable>;
export type NewFinding = Insertable<FindingTable>;
export type ScanRow = Selectable<ScanTable>;
export type JobRow = Selectable<JobTable>;
export type DetectionRow = Selectable<DetectionTable>;
