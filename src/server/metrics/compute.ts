import type { Kysely } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { keyOfSqlBucket, periodsBetween, type Period } from './periods.js';
import { escapeRate, phasesMetric } from './phases.js';
import { openState } from './open-state.js';
import { openAgeAndBreaches, principlesAndOwasp } from './posture.js';
import { resolveScope } from './scope.js';
import { ratio } from './stats.js';
import type { Durations, SlaCounts } from './durations.js';
import { mttdTrend } from './trend.js';
import type {
  DurationMetric,
  DurationStats,
  MetricsQuery,
  MetricsResponse,
  MetricsSeverity,
  SlaCompliance,
} from './types.js';
import { directRows, windowRows } from './rollup-read.js';

interface Grouped {
  metric: DurationMetric;
  closedByPeriod: Map<string, number>;
}

/** Mean and median overall, per severity and per period. */
function durationMetric(d: Durations, periods: readonly Period[]): Grouped {
  const byPeriod = (p: Period) => d.byPeriod.get(p.key)!;
  return {
    metric: {
      overall: d.overall.stats(),
      bySeverity: Object.fromEntries(Object.entries(d.bySeverity).map(([k, h]) => [k, h.stats()])) as Record<
        MetricsSeverity,
        DurationStats
      >,
      byPeriod: periods.map((p) => ({ period: p.key, start: p.start, end: p.end, ...byPeriod(p).stats() })),
    },
    closedByPeriod: new Map(periods.map((p) => [p.key, byPeriod(p).count])),
  };
}

function slaCompliance(d: Durations, breaches: SlaCompliance['breaches']): SlaCompliance {
  const rate = (c: SlaCounts) => ({
    closed: c.withDue,
    withinSla: c.withinDue,
    rate: ratio(c.withinDue, c.withDue),
  });
  const sev = Object.fromEntries(Object.entries(d.sla.bySeverity).map(([k, c]) => [k, rate(c)]));
  return { ...rate(d.sla.all), bySeverity: sev as SlaCompliance['bySeverity'], breaches };
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
  const mttd = durationMetric(detected, periods).metric;
  const mttr = durationMetric(closed, periods);
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
