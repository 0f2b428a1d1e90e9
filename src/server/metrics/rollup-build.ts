import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import { OWASP_BITS, PRINCIPLE_BITS } from '../store/labels.js';
import {
  KIND_ACCEPTED_AGE,
  KIND_ACCEPTED_DUE,
  KIND_ACCEPTED_OWASP,
  KIND_ACCEPTED_POSTURE,
  KIND_DETECTED,
  KIND_DETECTED_COUNT,
  KIND_FIXED,
  KIND_OPEN_AGE,
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
  await sql`${insert}
    select ${sql.lit(KIND_DETECTED_COUNT)}, dn, mo, 0, severity, '', phase, b, count(*), 0, 0, 0 from (
      select ${d.monthDay('f.first_seen')} as dn, substr(f.first_seen, 1, 7) as mo, f.severity, f.phase,
        case when f.introduced_at is null then 0 else 1 end as b
      ${counted} where f.status <> 'false-positive') t
    group by dn, mo, severity, phase, b`.execute(db);
  await sql`${insert}
    select ${sql.lit(KIND_DETECTED)}, dn, mo, 0, severity, '', '', b, count(*), sum(s), 0, 0 from (
      select ${d.monthDay('f.first_seen')} as dn, substr(f.first_seen, 1, 7) as mo, f.severity,
        ${durationBucket(d, detect)} as b, ${detect} as s
      ${counted} where f.status <> 'false-positive' and f.introduced_at is not null) t
    group by dn, mo, severity, b`.execute(db);
  const fix = d.seconds('f.fixed_at', 'f.first_seen');
  await sql`${insert}
    select ${sql.lit(KIND_FIXED)}, dn, mo, 0, severity, '', '', b, count(*), sum(s), sum(du), sum(ok) from (
      select ${d.monthDay('f.fixed_at')} as dn, substr(f.fixed_at, 1, 7) as mo, f.severity,
        ${durationBucket(d, fix)} as b, ${fix} as s,
        case when f.sla_due is null then 0 else 1 end as du,
        case when f.sla_due is not null and f.fixed_at <= f.sla_due then 1 else 0 end as ok
      ${counted} where f.status = 'fixed' and f.fixed_at is not null) t
    group by dn, mo, severity, b`.execute(db);
  // One row per label: the bits of a mask, as a table to join.
  const bits = (all: Record<string, number>) =>
    sql.raw(
      `(${Object.values(all)
        .map((b) => `select ${b} as bit`)
        .join(' union all ')})`,
    );
  const labels = async (
    kind: number,
    mask: string,
    all: Record<string, number>,
    day: RawBuilder<number>,
    which: RawBuilder<unknown>,
  ) =>
    sql`${insert}
      select ${sql.lit(kind)}, dn, '', project_id, severity, '', '', bit, count(*), 0, 0, 0 from (
        select ${day} as dn, f.project_id, f.severity, b.bit
        ${counted} join ${bits(all)} b on (f.${sql.raw(mask)} & b.bit) <> 0 where ${which}) t
      group by dn, project_id, severity, bit`.execute(db);
  const open = sql`f.status = 'open'`;
  const accepted = sql`f.status = 'accepted' and f.accepted_until is not null`;
  const expiry = d.expiryDay('f.accepted_until');
  await labels(KIND_OPEN_POSTURE, 'principle_mask', PRINCIPLE_BITS, sql`0`, open);
  await labels(KIND_OPEN_OWASP, 'owasp_mask', OWASP_BITS, sql`0`, open);
  await labels(KIND_ACCEPTED_POSTURE, 'principle_mask', PRINCIPLE_BITS, expiry, accepted);
  await labels(KIND_ACCEPTED_OWASP, 'owasp_mask', OWASP_BITS, expiry, accepted);
  const dueDay = sql<number>`case when f.sla_due is null then -1 else ${d.dayNumber('f.sla_due')} end`;
  // Ages and breaches: open by day first seen and day due; accepted by the day they expire.
  const ages = async (
    kind: number,
    day: RawBuilder<number>,
    bucket: RawBuilder<number>,
    which: RawBuilder<unknown>,
  ) =>
    sql`${insert}
      select ${sql.lit(kind)}, dn, '', 0, severity, '', '', b, count(*), 0, 0, 0 from (
        select ${day} as dn, f.severity, ${bucket} as b ${counted} where ${which}) t
      group by dn, severity, b`.execute(db);
  await ages(KIND_OPEN_AGE, d.dayNumber('f.first_seen'), dueDay, open);
  await ages(KIND_ACCEPTED_AGE, expiry, d.dayNumber('f.first_seen'), accepted);
  await ages(KIND_ACCEPTED_DUE, expiry, dueDay, accepted);
}
