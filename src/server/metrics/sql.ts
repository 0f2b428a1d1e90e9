import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { MetricsInterval } from './types.js';

/**
 * The few expressions that differ between SQLite and PostgreSQL. Times are ISO-8601 UTC text on
 * both stores, so window bounds compare as strings; only durations and week keys need date maths.
 */
export interface SqlDialect {
  /** Seconds from `start` to `end` (two text timestamps), never negative. */
  seconds(end: string, start: string): RawBuilder<number>;
  /** Floors a non-negative number. */
  floor(x: RawBuilder<number>): RawBuilder<number>;
  /** The SQL bucket of a period: `YYYY-MM` for months and quarters, the week's Monday for weeks. */
  periodBucket(col: string, interval: MetricsInterval): RawBuilder<string>;
  /** Days since 1970-01-01 of a text timestamp's UTC date. */
  dayNumber(col: string): RawBuilder<number>;
  /** Days since 1970-01-01 of the first day of a text timestamp's UTC month. */
  monthDay(col: string): RawBuilder<number>;
  /**
   * Ends a subquery so the planner keeps it as it is: merged into the outer query, its duration
   * (two timestamps parsed) is computed again for every use in the outer one, the histogram bucket's
   * three and the sum: twice the time.
   */
  keepSubquery: RawBuilder<unknown>;
}

// Timestamps carry milliseconds: SQLite's julianday arithmetic is rounded back to them, so an exact
// hour stays an exact hour (and falls in the same histogram bucket as the rollup's exact JavaScript).
const sqlite: SqlDialect = {
  seconds: (end, start) =>
    sql<number>`max(round((julianday(${sql.ref(end)}) - julianday(${sql.ref(start)})) * 86400.0, 3), 0)`,
  floor: (x) => sql<number>`cast(${x} as integer)`,
  periodBucket: (col, interval) =>
    interval === 'week'
      ? sql<string>`date(${sql.ref(col)}, 'weekday 0', '-6 days')`
      : sql<string>`substr(${sql.ref(col)}, 1, 7)`,
  monthDay: (col) =>
    sql<number>`cast(julianday(substr(${sql.ref(col)}, 1, 7) || '-01') - 2440587.5 as integer)`,
  dayNumber: (col) => sql<number>`cast(julianday(substr(${sql.ref(col)}, 1, 10)) - 2440587.5 as integer)`,
  keepSubquery: sql`limit -1`,
};

const postgres: SqlDialect = {
  seconds: (end, start) =>
    sql<number>`greatest(extract(epoch from (${sql.ref(end)}::timestamptz - ${sql.ref(start)}::timestamptz)), 0)::float8`,
  floor: (x) => sql<number>`floor(${x})`,
  periodBucket: (col, interval) =>
    interval === 'week'
      ? sql<string>`to_char(date_trunc('week', ${sql.ref(col)}::timestamptz at time zone 'UTC'), 'YYYY-MM-DD')`
      : sql<string>`substr(${sql.ref(col)}, 1, 7)`,
  monthDay: (col) => sql<number>`((substr(${sql.ref(col)}, 1, 7) || '-01')::date - date '1970-01-01')`,
  dayNumber: (col) => sql<number>`(substr(${sql.ref(col)}, 1, 10)::date - date '1970-01-01')`,
  keepSubquery: sql`offset 0`,
};

export function sqlDialect(d: Dialect): SqlDialect {
  return d === 'sqlite' ? sqlite : postgres;
}

/**
 * The histogram bucket of a duration in seconds: whole hours below seven days, whole days above.
 * Medians come from these buckets, so a million findings become a few thousand rows.
 */
export function durationBucket(d: SqlDialect, seconds: RawBuilder<number>): RawBuilder<number> {
  return sql<number>`case when ${seconds} < 604800 then ${d.floor(sql`${seconds} / 3600`)} * 3600 else ${d.floor(sql`${seconds} / 86400`)} * 86400 end`;
}

/** `a AND b AND …` (TRUE when empty). */
export function and(parts: RawBuilder<unknown>[]): RawBuilder<boolean> {
  return parts.length === 0 ? sql<boolean>`1 = 1` : sql<boolean>`${sql.join(parts, sql` and `)}`;
}
