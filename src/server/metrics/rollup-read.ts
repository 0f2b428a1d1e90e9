import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { DAILY, KIND_DETECTED, KIND_DETECTED_COUNT, KIND_FIXED, mondayOf, WEEKLY } from './rollup.js';
import { and, scopeWhere, type Scope } from './scope.js';
import {
  closureDurations,
  detectionCounts,
  detectionDurations,
  type DetectionCountRow,
  type DurationRow,
} from './windowed.js';

const DAY_MS = 86_400_000;

/** The window's rows for the duration and count metrics. */
export interface WindowRows {
  detected: DurationRow[];
  counts: DetectionCountRow[];
  closed: DurationRow[];
}

const num = (v: unknown): number => Number(v ?? 0);

/**
 * The rollup's rows for the whole UTC days [fromDay, toDay): from the monthly rows (`daily` 0; the
 * days are then first days of months), the daily ones (DAILY) or the weekly ones (WEEKLY; Mondays).
 */
async function fromRollup(
  db: Kysely<Database>,
  s: Scope,
  daily: 0 | typeof DAILY | typeof WEEKLY,
  fromDay: number,
  toDay: number,
): Promise<WindowRows> {
  const where = (kind: number) =>
    and([sql`kind = ${kind + daily}`, sql`day >= ${fromDay}`, sql`day < ${toDay}`, ...scopeWhere(s)]);
  // Periods are summed here rather than in JavaScript (fewer rows to read out): quarters as their
  // first month; weeks (from daily rows only) as their Monday's day number (1970-01-01 was a Thursday).
  const interval = s.filters.interval;
  const period =
    interval === 'quarter'
      ? sql`substr(month, 1, 5) || case when substr(month, 6, 2) < '04' then '01' when substr(month, 6, 2) < '07' then '04' when substr(month, 6, 2) < '10' then '07' else '10' end`
      : interval === 'week'
        ? sql`day - ((day + 3) % 7 + 7) % 7`
        : sql`month`;
  const key = (v: unknown): string =>
    interval === 'week' ? new Date(num(v) * DAY_MS).toISOString().slice(0, 10) : String(v);
  const durations = (kind: number) =>
    sql<
      Record<string, unknown>
    >`select ${period} as month, severity, bucket, sum(n) as n, sum(sum_s) as sum_s, sum(due) as due, sum(within) as within from metric_rollup where ${where(kind)} group by 1, 2, 3`.execute(
      db,
    );
  const [det, counts, fixed] = await Promise.all([
    durations(KIND_DETECTED),
    sql<
      Record<string, unknown>
    >`select ${period} as month, phase, bucket, sum(n) as n from metric_rollup where ${where(KIND_DETECTED_COUNT)} group by 1, 2, 3`.execute(
      db,
    ),
    durations(KIND_FIXED),
  ]);
  const duration = (x: Record<string, unknown>): DurationRow => ({
    period: key(x.month),
    severity: String(x.severity),
    bucket: num(x.bucket),
    n: num(x.n),
    sum: num(x.sum_s),
    withDue: num(x.due),
    withinDue: num(x.within),
  });
  return {
    detected: det.rows.map(duration),
    counts: counts.rows.map((x) => ({
      period: key(x.month),
      phase: String(x.phase),
      introduced: num(x.bucket) === 1,
      n: num(x.n),
    })),
    closed: fixed.rows.map(duration),
  };
}

/** The direct computation over the findings of [from, to), the test oracle and the edges of a window. */
export async function directRows(
  db: Kysely<Database>,
  dialect: Dialect,
  s: Scope,
  from = s.filters.from,
  to = s.filters.to,
): Promise<WindowRows> {
  const w = { ...s, filters: { ...s.filters, from, to } };
  const [detected, counts, closed] = await Promise.all([
    detectionDurations(db, dialect, w),
    detectionCounts(db, dialect, w),
    closureDurations(db, dialect, w),
  ]);
  return { detected, counts, closed };
}

/** Days since 1970-01-01 of the first day of the UTC month `months` after the one holding `t`. */
function monthStartDay(t: number, months: number): number {
  const d = new Date(t);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / DAY_MS);
}

/**
 * The window's rows: whole months from the rollup's monthly rows, the whole days of the partial
 * months at either end (a window that ends now ends inside this month) from its daily rows, and the
 * partial days at the very ends straight from the findings, so the numbers are the same as the
 * direct computation's (weekly periods: whole weeks from the weekly rows). The rollup is
 * organisation-wide: a project, tag, analyzer or phase filter is computed from the findings
 * (docs/metrics.md).
 */
export async function windowRows(db: Kysely<Database>, dialect: Dialect, s: Scope): Promise<WindowRows> {
  const f = s.filters;
  if (s.projectIds !== undefined || f.analyzers.length > 0 || f.phases.length > 0)
    return directRows(db, dialect, s);
  const from = Date.parse(f.from);
  const to = Date.parse(f.to);
  const dayFrom = Math.ceil(from / DAY_MS);
  const dayTo = Math.floor(to / DAY_MS);
  if (dayFrom >= dayTo) return directRows(db, dialect, s);
  // The first month (or week, for weekly periods) that starts on or after dayFrom, and the last that
  // starts on or before dayTo; the days before and after them come from the daily rows.
  const weeks = f.interval === 'week';
  const coarseFrom = weeks ? mondayOf(dayFrom + 6) : monthStartDay(dayFrom * DAY_MS - 1, 1);
  const coarseTo = weeks ? mondayOf(dayTo) : monthStartDay(dayTo * DAY_MS, 0);
  const iso = (day: number) => new Date(day * DAY_MS).toISOString();
  const parts: Promise<WindowRows>[] = [];
  if (coarseFrom < coarseTo) {
    parts.push(fromRollup(db, s, weeks ? WEEKLY : 0, coarseFrom, coarseTo));
    if (dayFrom < coarseFrom) parts.push(fromRollup(db, s, DAILY, dayFrom, coarseFrom));
    if (coarseTo < dayTo) parts.push(fromRollup(db, s, DAILY, coarseTo, dayTo));
  } else parts.push(fromRollup(db, s, DAILY, dayFrom, dayTo));
  if (from < dayFrom * DAY_MS) parts.push(directRows(db, dialect, s, f.from, iso(dayFrom)));
  if (dayTo * DAY_MS < to) parts.push(directRows(db, dialect, s, iso(dayTo), f.to));
  const all = await Promise.all(parts);
  return {
    detected: all.flatMap((r) => r.detected),
    counts: all.flatMap((r) => r.counts),
    closed: all.flatMap((r) => r.closed),
  };
}
