import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { SEVERITIES, type FlowStep, type Location } from '../../core/finding.js';
import { slaBreached } from '../ingest/sla.js';
import type { FindingFields } from '../ingest/types.js';
import { OWASP_BITS, PRINCIPLE_BITS } from './labels.js';
import type { Database, FindingRow } from './schema.js';
import { SQLITE_SEARCH_TABLE } from './search-schema.js';
import { searchBlock } from './search-chunks.js';

/**
 * `total` counts matches up to this many; beyond it the answer says `totalExact: false` ("1,000 or
 * more"). Counting a million rows on every page costs more than the page; keyset paging (`after`)
 * goes on past it, and per-severity counts of a project come from the project routes.
 */
export const TOTAL_CAP = 1000;

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
  /** Keyset paging (sorts newest and oldest): only findings after this id in the sort order. */
  after?: number;
}

/** A page of findings: `total` is exact up to TOTAL_CAP; `nextAfter` continues with keyset paging. */
export interface FindingPage {
  items: FindingView[];
  total: number;
  totalExact: boolean;
  nextAfter: number | null;
}

/** A finding as the API returns it. */
export interface FindingView extends Omit<FindingFields, 'tier' | 'flow'> {
  id: number;
  /** Code findings: taint, pattern or audit; null for other findings and older reports. */
  tier: string | null;
  /** The taint path from source to sink ([] when the finding has none). */
  flow: FlowStep[];
  project: string;
  branch: string;
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
  /**
   * True when only audit-profile scans report the finding (`findings.audit_only`): an audit scan found it, or a
   * default scan held it back (ScanResult.heldBack); default scans leave it open.
   */
  auditOnly: boolean;
}

type Q = SelectQueryBuilder<Database, 'findings' | 'finding_tools', object>;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function bitOf(bits: Record<string, number>, value: string): number {
  // An unknown value has no bit and so matches nothing, as a list without it would not.
  return Object.hasOwn(bits, value) ? bits[value]! : 0;
}

function hasBit(column: 'principle_mask' | 'owasp_mask', bit: number) {
  // The bit as a literal, never a parameter: both planners pick a partial index only when the
  // query spells its predicate (migration 0007 has one per bit).
  return sql<boolean>`(${sql.ref(column)} & ${sql.lit(bit)}) <> 0`;
}

/**
 * Runs of at least three characters of the search text without LIKE wildcards: each must occur in
 * a match, and each is something a trigram index can look up. The exact test follows them.
 */
function trigramPieces(text: string): string[] {
  return text.split(/[\\%_]/).filter((p) => [...p].length >= 3);
}

/**
 * What walks the rows of a page in id order: the tool's rows of finding_tools, SQLite's text index
 * (in rowid order, stopping once a page and the capped count have their rows), or findings itself.
 */
type Driver = 'tool' | 'text' | 'findings';

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function driverOf(db: Kysely<Database>, f: FindingFilter): Driver {
  if (f.tool !== undefined) return 'tool';
  if (f.text && trigramPieces(f.text).length > 0 && !isPostgres(db)) return 'text';
  return 'findings';
}

/** The id column pages are ordered by: the driving table's. */
function idColumn(driver: Driver) {
  return driver === 'tool'
    ? sql.ref('finding_tools.finding_id')
    : driver === 'text'
      ? sql.ref('s.rowid')
      : sql.ref('findings.id');
}

function filtered(db: Kysely<Database>, f: FindingFilter, driver: Driver): Q {
  let q = db.selectFrom('findings') as unknown as Q;
  const text = f.text ? f.text.toLowerCase() : '';
  const pieces = trigramPieces(text);
  // A join rather than IN (…), which SQLite would first collect in full for a common tool or word.
  if (driver === 'tool')
    q = db
      .selectFrom('finding_tools')
      .innerJoin('findings', 'findings.id', 'finding_tools.finding_id')
      .where('finding_tools.tool', '=', f.tool!);
  if (driver === 'text')
    q = db
      .selectFrom(sql.table(SQLITE_SEARCH_TABLE).as('s'))
      .innerJoin('findings', (j) => j.on(sql<boolean>`findings.id = s.rowid`))
      .where((e) => e.and(pieces.map((p) => sql<boolean>`s.text LIKE ${`%${p}%`}`))) as unknown as Q;
  // SQLite's planner, with sampled statistics, prefers an index on status or project and sorts
  // every match; a leading `+` keeps these terms off indexes, so the tool, the text or the label's
  // partial index (ordered by id, covering project, status and severity) drives instead.
  const labelled = f.principle !== undefined || f.owasp !== undefined;
  const plus = !isPostgres(db) && (driver !== 'findings' || labelled);
  const col = (c: 'project_id' | 'status' | 'severity') => (plus ? sql`+${sql.ref(c)}` : sql.ref(c));
  if (f.projectId !== undefined) q = q.where(col('project_id'), '=', f.projectId);
  if (f.branch !== undefined) q = q.where('branch', '=', f.branch);
  if (f.status?.length) q = q.where(col('status'), 'in', f.status);
  if (f.severity?.length) q = q.where(col('severity'), 'in', f.severity);
  if (f.analyzer?.length) q = q.where('analyzer', 'in', f.analyzer);
  if (f.phase?.length) q = q.where('phase', 'in', f.phase);
  if (f.rule !== undefined) q = q.where('rule_id', '=', f.rule);
  if (f.detectedBy !== undefined) q = q.where('detected_by', '=', f.detectedBy);
  // Principles and OWASP categories are fixed sets (the API validates them); their bits test membership.
  if (f.principle !== undefined) q = q.where(hasBit('principle_mask', bitOf(PRINCIPLE_BITS, f.principle)));
  if (f.owasp !== undefined) q = q.where(hasBit('owasp_mask', bitOf(OWASP_BITS, f.owasp)));
  if (text !== '') {
    if (isPostgres(db)) {
      // The search text's own table and its trigram index (migrations 0011 and 0012), lower-cased
      // there, a row per block of finding ids: the findings of each matching block are candidates.
      if (pieces.length > 0)
        q = q.where(searchBlock('findings.id'), 'in', (eb) =>
          eb
            .selectFrom('finding_search')
            .select('finding_search.block')
            .where((e) => e.and(pieces.map((p) => sql<boolean>`finding_search.text LIKE ${`%${p}%`}`))),
        );
    } else if (pieces.length > 0 && driver !== 'text')
      q = q.where('findings.id', 'in', (eb) =>
        eb
          .selectFrom(sql.table(SQLITE_SEARCH_TABLE).as('s2') as never)
          .select(sql<number>`rowid`.as('id'))
          .where((e) => e.and(pieces.map((p) => sql<boolean>`text LIKE ${`%${p}%`}`))),
      );
    // The exact test: case-insensitive on both stores, lower() on each side (SQLite LIKE is,
    // PostgreSQL LIKE is not); the index above only narrows the rows it runs on.
    const pat = `%${escapeLike(text)}%`;
    q = q.where((eb) =>
      eb.or(
        (['title', 'message', 'path', 'rule_id'] as const).map(
          (c) => sql<boolean>`lower(${sql.ref(`findings.${c}`)}) LIKE ${pat} ESCAPE '\\'`,
        ),
      ),
    );
  }
  return q;
}

/** How many findings the filter selects, counting no further than `cap` (TOTAL_CAP + 1). */
async function cappedCount(
  db: Kysely<Database>,
  f: FindingFilter,
  driver: Driver,
  cap = TOTAL_CAP + 1,
): Promise<number> {
  const r = await db
    .selectFrom(filtered(db, f, driver).select(idColumn(driver).as('id')).limit(cap).as('m'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The page of findings the filter selects, and how many it selects in all (up to TOTAL_CAP). */
export async function listFindings(
  db: Kysely<Database>,
  f: FindingFilter,
  now = new Date(),
): Promise<FindingPage> {
  const driver = driverOf(db, f);
  const id = idColumn(driver);
  let page = filtered(db, f, driver).selectAll('findings');
  if (f.after !== undefined) page = page.where(id, f.sort === 'oldest' ? '>' : '<', f.after);
  page =
    f.sort === 'oldest'
      ? page.orderBy(id, 'asc')
      : f.sort === 'due'
        ? page.orderBy('sla_due', 'asc').orderBy(id, 'asc')
        : page.orderBy(id, 'desc');
  const [rows, n] = await Promise.all([
    f.sort === 'severity' ? mostSevereFirst(db, f, driver) : page.limit(f.limit).offset(f.offset).execute(),
    cappedCount(db, f, driver),
  ]);
  const [names, seen] = await Promise.all([
    projectNames(db, [...new Set(rows.map((r) => r.project_id))]),
    lastSightings(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => toView(withSighting(r, seen), names.get(r.project_id) ?? '', now)),
    total: Math.min(n, TOTAL_CAP),
    totalExact: n <= TOTAL_CAP,
    nextAfter:
      (f.sort === 'newest' || f.sort === 'oldest') && last && rows.length === f.limit ? last.id : null,
  };
}

/**
 * A page of the most severe findings first (newest first within a severity), read a severity at a
 * time in id order: the (status, severity, id) indexes give each run in order, so the first page
 * costs what a page of `newest` does. Ordering every match by a rank instead sorted them all (0.6–1.2 s
 * over a million findings). A severity wholly before the offset is counted, no further than the offset.
 */
async function mostSevereFirst(
  db: Kysely<Database>,
  f: FindingFilter,
  driver: Driver,
): Promise<FindingRow[]> {
  const rows: FindingRow[] = [];
  let skip = f.offset;
  for (const severity of SEVERITIES) {
    if (rows.length >= f.limit) break;
    if (f.severity?.length && !f.severity.includes(severity)) continue;
    const one = { ...f, severity: [severity] };
    let q = filtered(db, one, driver).selectAll('findings');
    if (f.after !== undefined) q = q.where(idColumn(driver), '<', f.after);
    const got = await q
      .orderBy(idColumn(driver), 'desc')
      .limit(f.limit - rows.length)
      .offset(skip)
      .execute();
    rows.push(...got);
    if (got.length > 0) skip = 0;
    else if (skip > 0) skip -= await cappedCount(db, one, driver, skip);
  }
  return rows;
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
  const [names, seen] = await Promise.all([projectNames(db, [row.project_id]), lastSightings(db, [id])]);
  return toView(withSighting(row, seen), names.get(row.project_id) ?? '', now);
}

type Sighting = { last_seen: string; last_scan_id: number | null };

/** The sightings of these findings that a re-scan recorded apart from their rows (finding_seen). */
export async function lastSightings(db: Kysely<Database>, ids: number[]): Promise<Map<number, Sighting>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('finding_seen')
    .select(['finding_id', 'last_seen', 'last_scan_id'])
    .where('finding_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.finding_id, r]));
}

/** The row with its last sighting: the later of its own and the one in finding_seen. */
export function withSighting(r: FindingRow, seen: ReadonlyMap<number, Sighting>): FindingRow {
  const s = seen.get(r.id);
  // ISO times of one clock compare as text; a row written after its sighting keeps its own.
  return s && s.last_seen > r.last_seen ? { ...r, last_seen: s.last_seen, last_scan_id: s.last_scan_id } : r;
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
    tier: r.tier ?? null,
    flow: parse<FlowStep[]>(r.flow ?? null, []),
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
    auditOnly: r.audit_only === 1,
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
