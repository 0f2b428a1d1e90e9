import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Location } from '../../core/finding.js';
import { slaBreached } from '../ingest/sla.js';
import type { Database, FindingRow } from './schema.js';
import { jsonListContains } from './util.js';

/** Filters of the findings list; every one optional, lists mean "any of". */
export interface FindingFilter {
  projectId?: number;
  branch?: string;
  status?: string[];
  severity?: string[];
  analyzer?: string[];
  tool?: string;
  rule?: string;
  principle?: string;
  owasp?: string;
  phase?: string[];
  /** Substring of title, message, path or rule id. */
  text?: string;
  detectedBy?: string;
  limit: number;
  offset: number;
  sort: 'newest' | 'oldest' | 'due' | 'severity';
}

/** A finding as the API returns it. */
export interface FindingView {
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
  location: Location;
  cwe: number[];
  owasp: string[];
  principles: string[];
  tools: string[];
  phase: string;
  package: unknown;
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
}

// Most severe first; the order of SEVERITIES, spelled as SQL both stores understand.
const SEVERITY_RANK = sql<number>`CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;

type Q = SelectQueryBuilder<Database, 'findings', object>;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Kysely<Database>, f: FindingFilter): Q {
  let q: Q = db.selectFrom('findings');
  if (f.projectId !== undefined) q = q.where('project_id', '=', f.projectId);
  if (f.branch !== undefined) q = q.where('branch', '=', f.branch);
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.severity?.length) q = q.where('severity', 'in', f.severity);
  if (f.analyzer?.length) q = q.where('analyzer', 'in', f.analyzer);
  if (f.phase?.length) q = q.where('phase', 'in', f.phase);
  if (f.rule !== undefined) q = q.where('rule_id', '=', f.rule);
  if (f.detectedBy !== undefined) q = q.where('detected_by', '=', f.detectedBy);
  if (f.tool !== undefined) q = q.where('tools', 'like', jsonListContains(f.tool));
  if (f.principle !== undefined) q = q.where('principles', 'like', jsonListContains(f.principle));
  if (f.owasp !== undefined) q = q.where('owasp', 'like', jsonListContains(f.owasp));
  if (f.text !== undefined && f.text !== '') {
    // Case-insensitive on both stores: lower() on each side (SQLite LIKE is, PostgreSQL LIKE is not).
    const pat = `%${escapeLike(f.text.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or(
        (['title', 'message', 'path', 'rule_id'] as const).map(
          (c) => sql<boolean>`lower(${sql.ref(c)}) LIKE ${pat} ESCAPE '\\'`,
        ),
      ),
    );
  }
  return q;
}

/** The page of findings the filter selects, and how many it selects in all. */
export async function listFindings(
  db: Kysely<Database>,
  f: FindingFilter,
  now = new Date(),
): Promise<{ items: FindingView[]; total: number }> {
  let page = filtered(db, f).selectAll('findings');
  page =
    f.sort === 'oldest'
      ? page.orderBy('id', 'asc')
      : f.sort === 'due'
        ? page.orderBy('sla_due', 'asc').orderBy('id', 'asc')
        : f.sort === 'severity'
          ? page.orderBy(SEVERITY_RANK, 'asc').orderBy('id', 'desc')
          : page.orderBy('id', 'desc');
  const [rows, count] = await Promise.all([
    page.limit(f.limit).offset(f.offset).execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const names = await projectNames(db, [...new Set(rows.map((r) => r.project_id))]);
  return { items: rows.map((r) => toView(r, names.get(r.project_id) ?? '', now)), total: Number(count.n) };
}

export async function projectNames(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('projects').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** One finding by id, or undefined. */
export async function getFinding(
  db: Kysely<Database>,
  id: number,
  now = new Date(),
): Promise<FindingView | undefined> {
  const row = await db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const names = await projectNames(db, [row.project_id]);
  return toView(row, names.get(row.project_id) ?? '', now);
}

function parse<T>(s: string | null, dflt: T): T {
  return s === null ? dflt : (JSON.parse(s) as T);
}

export function toView(r: FindingRow, project: string, now: Date): FindingView {
  return {
    id: r.id,
    project,
    branch: r.branch,
    fingerprint: r.fingerprint,
    ruleId: r.rule_id,
    analyzer: r.analyzer,
    severity: r.severity,
    confidence: r.confidence,
    title: r.title,
    message: r.message,
    remediation: r.remediation,
    location: parse<Location>(r.location, { path: r.path, startLine: r.start_line }),
    cwe: parse<number[]>(r.cwe, []),
    owasp: parse<string[]>(r.owasp, []),
    principles: parse<string[]>(r.principles, []),
    tools: parse<string[]>(r.tools, []),
    phase: r.phase,
    package: parse<unknown>(r.package, null),
    advisory: r.advisory,
    status: r.status,
    statusReason: r.status_reason,
    statusSource: r.status_source,
    acceptedOwner: r.accepted_owner,
    acceptedUntil: r.accepted_until,
    introducedAt: r.introduced_at,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    fixedAt: r.fixed_at,
    slaDue: r.sla_due,
    slaBreached: slaBreached(r, now),
    detectedBy: r.detected_by,
  };
}

/** The status history of a finding, oldest first. */
export async function findingHistory(db: Kysely<Database>, id: number) {
  const rows = await db
    .selectFrom('finding_events')
    .select(['at', 'actor', 'from_status', 'to_status', 'reason', 'scan_id'])
    .where('finding_id', '=', id)
    .orderBy('id', 'asc')
    .execute();
  return rows.map((e) => ({
    at: e.at,
    actor: e.actor,
    from: e.from_status,
    to: e.to_status,
    reason: e.reason,
    scanId: e.scan_id,
  }));
}
