import { sql, type QueryExecutorProvider } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import { OWASP_BITS, PRINCIPLE_BITS } from '../store/labels.js';
import { bandSql } from './bands.js';
import {
  BANDS,
  DAILY,
  WEEKLY,
  KIND_DETECTED,
  KIND_DETECTED_COUNT,
  KIND_FIXED,
  KIND_OPEN_AGE,
  KIND_OPEN_AGE_PROJECT,
  KIND_OPEN_OWASP,
  KIND_OPEN_POSTURE,
} from './rollup.js';
import { durationBucket, sqlDialect } from './sql.js';

/**
 * Recomputes the rollup from the findings in SQL (migration 6, after a bulk load, after a project's
 * default branch changes): the same definitions as rollup.ts `contributions`, which the tests check
 * against the direct computation. Runs in the caller's transaction when given one.
 */
export async function rebuildRollup(db: QueryExecutorProvider, dialect: Dialect): Promise<void> {
  const d = sqlDialect(dialect);
  await sql`delete from metric_rollup`.execute(db);
  const counted = sql`from findings f join projects p on p.id = f.project_id and f.branch = p.default_branch`;
  const insert = sql`insert into metric_rollup (kind, day, month, project_id, severity, analyzer, phase, bucket, n, sum_s, due, within)`;
  const detect = d.seconds('f.first_seen', 'f.introduced_at');
  // Detections and closures per day first, then the months and weeks from the days (the findings
  // read once).
  await sql`${insert}
    select ${sql.lit(KIND_DETECTED_COUNT + DAILY)}, dn, mo, 0, severity, '', phase, b, count(*), 0, 0, 0 from (
      select ${d.dayNumber('f.first_seen')} as dn, substr(f.first_seen, 1, 7) as mo, f.severity, f.phase,
        case when f.introduced_at is null then 0 else 1 end as b
      ${counted} where f.status <> 'false-positive') t
    group by dn, mo, severity, phase, b`.execute(db);
  await sql`${insert}
    select ${sql.lit(KIND_DETECTED + DAILY)}, dn, mo, 0, severity, '', '', b, count(*), sum(s), 0, 0 from (
      select ${d.dayNumber('f.first_seen')} as dn, substr(f.first_seen, 1, 7) as mo, f.severity,
        ${durationBucket(d, detect)} as b, ${detect} as s
      ${counted} where f.status <> 'false-positive' and f.introduced_at is not null) t
    group by dn, mo, severity, b`.execute(db);
  const fix = d.seconds('f.fixed_at', 'f.first_seen');
  await sql`${insert}
    select ${sql.lit(KIND_FIXED + DAILY)}, dn, mo, 0, severity, '', '', b, count(*), sum(s), sum(du), sum(ok) from (
      select ${d.dayNumber('f.fixed_at')} as dn, substr(f.fixed_at, 1, 7) as mo, f.severity,
        ${durationBucket(d, fix)} as b, ${fix} as s,
        case when f.sla_due is null then 0 else 1 end as du,
        case when f.sla_due is not null and f.fixed_at <= f.sla_due then 1 else 0 end as ok
      ${counted} where f.status = 'fixed' and f.fixed_at is not null) t
    group by dn, mo, severity, b`.execute(db);
  const daily = [KIND_DETECTED, KIND_FIXED, KIND_DETECTED_COUNT].map((k) => k + DAILY);
  await sql`${insert}
    select kind - ${sql.lit(DAILY)}, ${d.monthDay('month')}, month, 0, severity, '', phase, bucket,
      sum(n), sum(sum_s), sum(due), sum(within)
    from metric_rollup where kind in (${sql.join(daily.map((k) => sql.lit(k)))})
    group by kind, month, severity, phase, bucket`.execute(db);
  // Weeks from the days too: their Monday (rollup.ts mondayOf).
  const monday = sql`day - ((day + 3) % 7 + 7) % 7`;
  await sql`${insert}
    select kind - ${sql.lit(DAILY)} + ${sql.lit(WEEKLY)}, ${monday}, '', 0, severity, '', phase, bucket,
      sum(n), sum(sum_s), sum(due), sum(within)
    from metric_rollup where kind in (${sql.join(daily.map((k) => sql.lit(k)))})
    group by kind, ${monday}, severity, phase, bucket`.execute(db);
  await insertBands(db);
  // One row per label: the bits of a mask, as a table to join.
  const bits = (all: Record<string, number>) =>
    sql`(${sql.join(
      Object.values(all).map((b) => sql`select ${sql.lit(b)} as bit`),
      sql` union all `,
    )})`;
  const labels = async (kind: number, mask: string, all: Record<string, number>) =>
    sql`${insert}
      select ${sql.lit(kind)}, 0, '', f.project_id, f.severity, '', '', b.bit, count(*), 0, 0, 0
      ${counted} join ${bits(all)} b on (${sql.ref(`f.${mask}`)} & b.bit) <> 0 where f.status = 'open'
      group by f.project_id, f.severity, b.bit`.execute(db);
  await labels(KIND_OPEN_POSTURE, 'principle_mask', PRINCIPLE_BITS);
  await labels(KIND_OPEN_OWASP, 'owasp_mask', OWASP_BITS);
  // The organisation's ages from the projects'.
  await insertProjectAges(db, dialect);
  await sql`${insert}
    select ${sql.lit(KIND_OPEN_AGE)}, day, '', 0, severity, '', '', bucket, sum(n), 0, 0, 0
    from metric_rollup where kind = ${sql.lit(KIND_OPEN_AGE_PROJECT)} group by day, severity, bucket`.execute(
    db,
  );
  // Fresh planner statistics: the metrics read the rows just written, and a plan made for the old
  // rows (or none) sorts on disk what a hash would group in memory.
  if (dialect === 'postgres') await sql`analyze metric_rollup`.execute(db);
}

/**
 * Open findings per project, severity, day first seen and day due (rollup.ts KIND_OPEN_AGE_PROJECT):
 * part of a rebuild, and migration 13 (which added them).
 */
export async function insertProjectAges(db: QueryExecutorProvider, dialect: Dialect): Promise<void> {
  const d = sqlDialect(dialect);
  await sql`delete from metric_rollup where kind = ${sql.lit(KIND_OPEN_AGE_PROJECT)}`.execute(db);
  await sql`insert into metric_rollup (kind, day, month, project_id, severity, analyzer, phase, bucket, n, sum_s, due, within)
    select ${sql.lit(KIND_OPEN_AGE_PROJECT)}, dn, '', project_id, severity, '', '', due, count(*), 0, 0, 0 from (
      select ${d.dayNumber('f.first_seen')} as dn, f.project_id, f.severity,
        case when f.sla_due is null then -1 else ${d.dayNumber('f.sla_due')} end as due
      from findings f join projects p on p.id = f.project_id and f.branch = p.default_branch
      where f.status = 'open') t
    group by dn, project_id, severity, due`.execute(db);
}

/**
 * The band rows of the duration histograms (rollup.ts BANDS) from their bucket rows: the last step of
 * a rebuild, and migration 13 (which added them) on a store whose bucket rows are current (the
 * rollup's kinds are all below BANDS).
 */
export async function insertBands(db: QueryExecutorProvider): Promise<void> {
  const kinds = [KIND_DETECTED, KIND_FIXED].flatMap((k) => [k, k + DAILY, k + WEEKLY]);
  const band = bandSql(sql`bucket`);
  // Replaced, not added to: a fresh store's earlier migrations rebuild the rollup with its bands.
  await sql`delete from metric_rollup where kind >= ${sql.lit(BANDS)}`.execute(db);
  await sql`insert into metric_rollup (kind, day, month, project_id, severity, analyzer, phase, bucket, n, sum_s, due, within)
    select kind + ${sql.lit(BANDS)}, day, month, 0, severity, '', '', ${band}, sum(n), sum(sum_s), sum(due), sum(within)
    from metric_rollup where kind in (${sql.join(kinds.map((k) => sql.lit(k)))})
    group by kind, day, month, severity, ${band}`.execute(db);
}
