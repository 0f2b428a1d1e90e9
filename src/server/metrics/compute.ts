import type { Kysely } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { keyOfSqlBucket, periodsBetween, type Period } from './periods.js';
import { escapeRate, phasesMetric } from './phases.js';
import { openState } from './open-state.js';
import { bySeverity, openAgeAndBreaches, principlesAndOwasp } from './posture.js';
import { resolveScope, type Scope } from './scope.js';
import { Histogram, ratio } from './stats.js';
import { mttdTrend } from './trend.js';
import type {
  DurationMetric,
  MetricsQuery,
  MetricsResponse,
  MetricsSeverity,
  SlaCompliance,
} from './types.js';
import { directRows, windowRows } from './rollup-read.js';
import type { DurationRow } from './windowed.js';

interface Grouped {
  metric: DurationMetric;
  closedByPeriod: Map<string, number>;
}

/** Mean and median overall, per severity and per period from the histogram rows of one query. */
function durationMetric(rows: readonly DurationRow[], periods: readonly Period[], s: Scope): Grouped {
  const overall = new Histogram();
  const sev = bySeverity(() => new Histogram());
  const per = new Map(periods.map((p) => [p.key, new Histogram()]));
  for (const r of rows) {
    overall.add(r.bucket, r.n, r.sum);
    (sev as Record<string, Histogram | undefined>)[r.severity]?.add(r.bucket, r.n, r.sum);
    per.get(keyOfSqlBucket(r.period, s.filters.interval))?.add(r.bucket, r.n, r.sum);
  }
  return {
    metric: {
      overall: overall.stats(),
      bySeverity: Object.fromEntries(Object.entries(sev).map(([k, h]) => [k, h.stats()])) as Record<
        MetricsSeverity,
        ReturnType<Histogram['stats']>
      >,
      byPeriod: periods.map((p) => ({
        period: p.key,
        start: p.start,
        end: p.end,
        ...per.get(p.key)!.stats(),
      })),
    },
    closedByPeriod: new Map(periods.map((p) => [p.key, per.get(p.key)!.count])),
  };
}

function slaCompliance(rows: readonly DurationRow[], breaches: SlaCompliance['breaches']): SlaCompliance {
  const sev = bySeverity(() => ({ closed: 0, withinSla: 0, rate: null as number | null }));
  let closed = 0;
  let within = 0;
  for (const r of rows) {
    closed += r.withDue;
    within += r.withinDue;
    const c = (sev as Record<string, { closed: number; withinSla: number } | undefined>)[r.severity];
    if (c) {
      c.closed += r.withDue;
      c.withinSla += r.withinDue;
    }
  }
  for (const c of Object.values(sev)) c.rate = ratio(c.withinSla, c.closed);
  return { closed, withinSla: within, rate: ratio(within, closed), bySeverity: sev, breaches };
}

/**
 * Every metric of the response for one query; numbers defined in docs/metrics.md. Detections and
 * closures come from the rollup (`source: 'direct'` computes them from the findings instead: the
 * tests' oracle, and the same numbers).
 */
export async function computeMetrics(
  db: Kysely<Database>,
  dialect: Dialect,
  q: MetricsQuery,
  now = new Date(),
  source: 'rollup' | 'direct' = 'rollup',
): Promise<MetricsResponse> {
  const s = await resolveScope(db, q, now, dialect);
  const periods = periodsBetween(s.filters.from, s.filters.to, s.filters.interval);
  const [{ detected, counts, closed }, { age, posture }, projects] = await Promise.all([
    source === 'rollup' ? windowRows(db, dialect, s) : directRows(db, dialect, s),
    source === 'rollup'
      ? openState(db, s)
      : Promise.all([openAgeAndBreaches(db, s), principlesAndOwasp(db, s)]).then(([a, p]) => ({
          age: a,
          posture: p,
        })),
    s.projectIds !== undefined
      ? Promise.resolve(s.projectIds.length)
      : db
          .selectFrom('projects')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n)),
  ]);
  const mttd = durationMetric(detected, periods, s).metric;
  const mttr = durationMetric(closed, periods, s);
  const byPhase = new Map<string, number>();
  const openedByPeriod = new Map<string, number>();
  let total = 0;
  let withoutIntroduction = 0;
  for (const c of counts) {
    total += c.n;
    if (!c.introduced) withoutIntroduction += c.n;
    byPhase.set(c.phase, (byPhase.get(c.phase) ?? 0) + c.n);
    const key = keyOfSqlBucket(c.period, s.filters.interval);
    openedByPeriod.set(key, (openedByPeriod.get(key) ?? 0) + c.n);
  }
  const closedTotal = mttr.metric.overall.count;
  return {
    generatedAt: s.now,
    filters: s.filters,
    totals: { detected: total, open: age.open, projects },
    mttd: { ...mttd, withoutIntroduction },
    mttdTrend: mttdTrend(mttd.byPeriod, s.filters.interval, s.targetDays),
    mttr: mttr.metric,
    netResolveRate: {
      opened: total,
      closed: closedTotal,
      rate: ratio(closedTotal, total),
      byPeriod: periods.map((p) => {
        const opened = openedByPeriod.get(p.key) ?? 0;
        const c = mttr.closedByPeriod.get(p.key) ?? 0;
        return { period: p.key, start: p.start, end: p.end, opened, closed: c, rate: ratio(c, opened) };
      }),
    },
    slaCompliance: slaCompliance(closed, age.breaches),
    openAge: { buckets: age.buckets },
    phases: phasesMetric(byPhase),
    escapeRate: escapeRate(byPhase),
    principles: posture.principles,
    owasp: { categories: posture.owasp },
  };
}
