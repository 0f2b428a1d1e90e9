import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { and, countedBranch, scopeWhere, type Scope } from './scope.js';
import { durationBucket, sqlDialect } from './sql.js';

/** A histogram row: findings of one SQL period bucket and severity whose duration falls in one bucket. */
export interface DurationRow {
  period: string;
  severity: string;
  bucket: number;
  n: number;
  sum: number;
  /** Closures only: how many had a due date, and how many were closed by it. */
  withDue: number;
  withinDue: number;
}

/** Findings detected in the window, by SQL period bucket, phase and whether they carry an introduction. */
export interface DetectionCountRow {
  period: string;
  phase: string;
  introduced: boolean;
  n: number;
}

const num = (v: unknown): number => Number(v ?? 0);

/**
 * Time to detect of the findings first seen in the window (false positives excluded): one grouped
 * query, so the cost is one pass over the window's rows whatever their number.
 */
export async function detectionDurations(
  db: Kysely<Database>,
  dialect: Dialect,
  s: Scope,
): Promise<DurationRow[]> {
  const d = sqlDialect(dialect);
  const where = and([
    sql`first_seen >= ${s.filters.from}`,
    sql`first_seen < ${s.filters.to}`,
    sql`status <> 'false-positive'`,
    sql`introduced_at is not null`,
    ...scopeWhere(s),
    countedBranch(s),
  ]);
  const inner = sql`select ${d.periodBucket('first_seen', s.filters.interval)} as pb, severity, ${d.seconds('first_seen', 'introduced_at')} as d from findings where ${where} ${d.keepSubquery}`;
  const r = await sql<
    Record<string, unknown>
  >`select pb, severity, ${durationBucket(d, sql`d`)} as b, count(*) as n, sum(d) as s from (${inner}) t group by 1, 2, 3`.execute(
    db,
  );
  return r.rows.map((x) => ({
    period: String(x.pb),
    severity: String(x.severity),
    bucket: num(x.b),
    n: num(x.n),
    sum: num(x.s),
    withDue: 0,
    withinDue: 0,
  }));
}

/** How many findings were first seen in the window, by period and phase (false positives excluded). */
export async function detectionCounts(
  db: Kysely<Database>,
  dialect: Dialect,
  s: Scope,
): Promise<DetectionCountRow[]> {
  const d = sqlDialect(dialect);
  const where = and([
    sql`first_seen >= ${s.filters.from}`,
    sql`first_seen < ${s.filters.to}`,
    sql`status <> 'false-positive'`,
    ...scopeWhere(s),
    countedBranch(s),
  ]);
  const r = await sql<
    Record<string, unknown>
  >`select ${d.periodBucket('first_seen', s.filters.interval)} as pb, phase, case when introduced_at is null then 0 else 1 end as i, count(*) as n from findings where ${where} group by 1, 2, 3`.execute(
    db,
  );
  return r.rows.map((x) => ({
    period: String(x.pb),
    phase: String(x.phase),
    introduced: num(x.i) === 1,
    n: num(x.n),
  }));
}

/**
 * Time to remediate of the findings closed (fixed, and still fixed) in the window: closed − first
 * seen, so a finding that was reopened keeps its original opening. False positives are never
 * `fixed`, so they are not counted.
 */
export async function closureDurations(
  db: Kysely<Database>,
  dialect: Dialect,
  s: Scope,
): Promise<DurationRow[]> {
  const d = sqlDialect(dialect);
  const where = and([
    sql`status = 'fixed'`,
    sql`fixed_at >= ${s.filters.from}`,
    sql`fixed_at < ${s.filters.to}`,
    ...scopeWhere(s),
    countedBranch(s),
  ]);
  const inner = sql`select ${d.periodBucket('fixed_at', s.filters.interval)} as pb, severity, ${d.seconds('fixed_at', 'first_seen')} as d, case when sla_due is null then 0 else 1 end as due, case when sla_due is not null and fixed_at <= sla_due then 1 else 0 end as ok from findings where ${where} ${d.keepSubquery}`;
  const r = await sql<
    Record<string, unknown>
  >`select pb, severity, ${durationBucket(d, sql`d`)} as b, count(*) as n, sum(d) as s, sum(due) as due, sum(ok) as ok from (${inner}) t group by 1, 2, 3`.execute(
    db,
  );
  return r.rows.map((x) => ({
    period: String(x.pb),
    severity: String(x.severity),
    bucket: num(x.b),
    n: num(x.n),
    sum: num(x.s),
    withDue: num(x.due),
    withinDue: num(x.ok),
  }));
}
