import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { chunks } from '../store/util.js';
import { bandBounds, bandOf } from './bands.js';
import { Durations } from './durations.js';
import { periodKey, periodsBetween, periodStart } from './periods.js';
import { BANDS, DAILY, KIND_DETECTED, KIND_DETECTED_COUNT, KIND_FIXED, mondayOf, WEEKLY } from './rollup.js';
import { and, scopeWhere, type Scope } from './scope.js';
import {
  closureDurations,
  detectionCounts,
  detectionDurations,
  type DetectionCountRow,
  type DurationRow,
} from './windowed.js';

const DAY_MS = 86_400_000;
/** Rollup buckets asked for per statement (five parameters each). */
const BUCKET_REQUESTS = 500;

/** The window's duration histograms and detection counts. */
export interface WindowRows {
  detected: Durations;
  counts: DetectionCountRow[];
  closed: Durations;
}

/** Rows read straight from the findings, with their buckets. */
interface DirectRows {
  detected: DurationRow[];
  counts: DetectionCountRow[];
  closed: DurationRow[];
}

/**
 * Whole UTC days [fromDay, toDay) read from one resolution of the rollup: its monthly rows (`res` 0;
 * their days are first days of months), its daily ones (DAILY) or its weekly ones (WEEKLY; Mondays).
 */
interface Part {
  res: 0 | typeof DAILY | typeof WEEKLY;
  fromDay: number;
  toDay: number;
}

const num = (v: unknown): number => Number(v ?? 0);

/** The rollup days of a part: every day, every Monday, or the first day of every month. */
function partDays(p: Part): number[] {
  const out: number[] = [];
  if (p.res === DAILY) for (let d = p.fromDay; d < p.toDay; d++) out.push(d);
  else if (p.res === WEEKLY) for (let d = p.fromDay; d < p.toDay; d += 7) out.push(d);
  else for (let d = p.fromDay; d < p.toDay; d = monthStartDay(d * DAY_MS, 1)) out.push(d);
  return out;
}

/** The SQL period of a rollup row (as windowed.ts groups findings) and its key in the API. */
function periodSql(s: Scope) {
  // Quarters as their first month; weeks (from daily rows) as their Monday's day number (1970-01-01
  // was a Thursday). Summed in SQL rather than in JavaScript: fewer rows to read out.
  const interval = s.filters.interval;
  const expr =
    interval === 'quarter'
      ? sql`substr(month, 1, 5) || case when substr(month, 6, 2) < '04' then '01' when substr(month, 6, 2) < '07' then '04' when substr(month, 6, 2) < '10' then '07' else '10' end`
      : interval === 'week'
        ? sql`day - ((day + 3) % 7 + 7) % 7`
        : sql`month`;
  const key = (v: unknown): string =>
    interval === 'week' ? new Date(num(v) * DAY_MS).toISOString().slice(0, 10) : String(v);
  return { expr, key };
}

function partWhere(s: Scope, kind: number, p: Part) {
  return and([
    sql`kind = ${kind + p.res}`,
    sql`day >= ${p.fromDay}`,
    sql`day < ${p.toDay}`,
    ...scopeWhere(s),
  ]);
}

/** Detections of a part by period, phase and whether they carry an introduction time. */
async function partCounts(db: Kysely<Database>, s: Scope, p: Part): Promise<DetectionCountRow[]> {
  const { expr, key } = periodSql(s);
  const r = await sql<
    Record<string, unknown>
  >`select ${expr} as period, phase, bucket, sum(n) as n from metric_rollup where ${partWhere(s, KIND_DETECTED_COUNT, p)} group by 1, 2, 3`.execute(
    db,
  );
  return r.rows.map((x) => ({
    period: key(x.period),
    phase: String(x.phase),
    introduced: num(x.bucket) === 1,
    n: num(x.n),
  }));
}

/** A part's bands of one duration kind: per period, and per severity (with the SLA counts). */
async function partBands(db: Kysely<Database>, s: Scope, kind: number, p: Part, into: Durations) {
  const { expr, key } = periodSql(s);
  const where = partWhere(s, kind + BANDS, p);
  const [byPeriod, bySeverity] = await Promise.all([
    sql<
      Record<string, unknown>
    >`select ${expr} as period, bucket, sum(n) as n, sum(sum_s) as sum_s from metric_rollup where ${where} group by 1, 2`.execute(
      db,
    ),
    sql<
      Record<string, unknown>
    >`select severity, bucket, sum(n) as n, sum(sum_s) as sum_s, sum(due) as due, sum(within) as within from metric_rollup where ${where} group by 1, 2`.execute(
      db,
    ),
  ]);
  for (const x of byPeriod.rows) into.addPeriodBand(key(x.period), num(x.bucket), num(x.n), num(x.sum_s));
  for (const x of bySeverity.rows)
    into.addSeverityBand(String(x.severity), num(x.bucket), num(x.n), num(x.sum_s), {
      withDue: num(x.due),
      withinDue: num(x.within),
    });
}

/**
 * The buckets of the bands the medians need (Durations.neededBands), from the parts' rows of one
 * duration kind: each request is one range of the rollup's key (kind, day, severity, bucket range),
 * so only those buckets are read, not the window's whole histograms.
 */
async function medianBuckets(db: Kysely<Database>, s: Scope, kind: number, parts: Part[], into: Durations) {
  const need = into.neededBands();
  const severities = [...into.rollupSeverities];
  const requests = new Map<string, [number, number, string, number]>();
  const ask = (k: number, day: number, severity: string, bands: Iterable<number> | undefined) => {
    for (const band of bands ?? []) requests.set(`${k} ${day} ${severity} ${band}`, [k, day, severity, band]);
  };
  for (const p of parts)
    for (const day of partDays(p)) {
      const period = periodKey(periodStart(day * DAY_MS, s.filters.interval), s.filters.interval);
      for (const severity of severities) {
        ask(kind + p.res, day, severity, need.overall);
        ask(kind + p.res, day, severity, need.bySeverity.get(severity));
        ask(kind + p.res, day, severity, need.byPeriod.get(period));
      }
    }
  const rows = await Promise.all(
    chunks([...requests.values()], BUCKET_REQUESTS).map((part) => {
      const values = part.map(([k, day, severity, band]) => {
        const [lo, hi] = bandBounds(band);
        return sql`(cast(${k} as integer), cast(${day} as integer), cast(${severity} as text), cast(${lo} as bigint), cast(${hi} as bigint))`;
      });
      // A cross join: SQLite then reads the requests first and seeks each one in the key (with a
      // plain join it scanned the rollup and looked each row up in the requests).
      return sql<Record<string, unknown>>`with r (k, d, s, lo, hi) as (values ${sql.join(values)})
        select m.day as day, m.severity as severity, m.bucket as bucket, m.n as n from r cross join metric_rollup m
          where m.kind = r.k and m.day = r.d and m.project_id = 0 and m.severity = r.s and m.analyzer = ''
          and m.phase = '' and m.bucket >= r.lo and m.bucket < r.hi`.execute(db);
    }),
  );
  for (const x of rows.flatMap((r) => r.rows)) {
    const day = num(x.day);
    const bucket = num(x.bucket);
    const period = periodKey(periodStart(day * DAY_MS, s.filters.interval), s.filters.interval);
    into.addRollupBucket(period, String(x.severity), bandOf(bucket), bucket, num(x.n));
  }
}

async function directParts(
  db: Kysely<Database>,
  dialect: Dialect,
  s: Scope,
  from: string,
  to: string,
): Promise<DirectRows> {
  const w = { ...s, filters: { ...s.filters, from, to } };
  const [detected, counts, closed] = await Promise.all([
    detectionDurations(db, dialect, w),
    detectionCounts(db, dialect, w),
    closureDurations(db, dialect, w),
  ]);
  return { detected, counts, closed };
}

const durations = (s: Scope) =>
  new Durations(periodsBetween(s.filters.from, s.filters.to, s.filters.interval), s.filters.interval);

/** The direct computation over the findings of the window: the test oracle, and filtered queries. */
export async function directRows(db: Kysely<Database>, dialect: Dialect, s: Scope): Promise<WindowRows> {
  const r = await directParts(db, dialect, s, s.filters.from, s.filters.to);
  return {
    detected: durations(s).addRows(r.detected),
    counts: r.counts,
    closed: durations(s).addRows(r.closed),
  };
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
 * direct computation's (weekly periods: whole weeks from the weekly rows). Durations are read as
 * bands, then the buckets of the median bands. The rollup is organisation-wide: a project, tag,
 * analyzer or phase filter is computed from the findings (docs/metrics.md).
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
  const parts: Part[] = [];
  if (coarseFrom < coarseTo) {
    parts.push({ res: weeks ? WEEKLY : 0, fromDay: coarseFrom, toDay: coarseTo });
    if (dayFrom < coarseFrom) parts.push({ res: DAILY, fromDay: dayFrom, toDay: coarseFrom });
    if (coarseTo < dayTo) parts.push({ res: DAILY, fromDay: coarseTo, toDay: dayTo });
  } else parts.push({ res: DAILY, fromDay: dayFrom, toDay: dayTo });
  const edges: Promise<DirectRows>[] = [];
  if (from < dayFrom * DAY_MS) edges.push(directParts(db, dialect, s, f.from, iso(dayFrom)));
  if (dayTo * DAY_MS < to) edges.push(directParts(db, dialect, s, iso(dayTo), f.to));
  const detected = durations(s);
  const closed = durations(s);
  const [direct, counts] = await Promise.all([
    Promise.all(edges),
    Promise.all(parts.map((p) => partCounts(db, s, p))),
    ...parts.flatMap((p) => [
      partBands(db, s, KIND_DETECTED, p, detected),
      partBands(db, s, KIND_FIXED, p, closed),
    ]),
  ]);
  detected.addRows(direct.flatMap((r) => r.detected));
  closed.addRows(direct.flatMap((r) => r.closed));
  await Promise.all([
    medianBuckets(db, s, KIND_DETECTED, parts, detected),
    medianBuckets(db, s, KIND_FIXED, parts, closed),
  ]);
  return { detected, counts: [...counts.flat(), ...direct.flatMap((r) => r.counts)], closed };
}
