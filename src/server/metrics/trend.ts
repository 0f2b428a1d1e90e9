import { leastSquares, round } from './stats.js';
import type { MetricsInterval, MttdTrend, PeriodDuration, TrendPoint } from './types.js';

const PERIOD_DAYS: Record<MetricsInterval, number> = { week: 7, month: 30.4375, quarter: 91.3125 };

/**
 * The MTTD series with each period's ratio to the one before (0.5 = halved) and a log-linear
 * least-squares fit of the median: exponential improvement is a straight line in ln(median), so
 * the fit states a halving time and when the fitted median reaches the target.
 */
export function mttdTrend(
  periods: readonly PeriodDuration[],
  interval: MetricsInterval,
  targetDays: number,
): MttdTrend {
  const points: TrendPoint[] = periods.map((p, i) => {
    const prev = i > 0 ? periods[i - 1]!.medianDays : null;
    const ratioToPrevious =
      prev !== null && prev > 0 && p.medianDays !== null ? round(p.medianDays / prev) : null;
    return { ...p, ratioToPrevious };
  });
  // A zero median (caught the hour it was introduced) has no logarithm; count it as one hour.
  const data = points
    .map((p, i) => ({ x: i, median: p.medianDays }))
    .filter((p): p is { x: number; median: number } => p.median !== null)
    .map((p) => ({ x: p.x, y: Math.log(Math.max(p.median, 1 / 24)) }));
  const last = points.length - 1;
  if (data.length < 2) {
    return {
      interval,
      targetDays,
      periods: points,
      fit: null,
      forecast: { reachesTargetAt: null, periodsFromLast: null, note: 'fewer than two periods with data' },
    };
  }
  const { slope, intercept } = leastSquares(data);
  const fit = {
    method: 'log-linear least squares' as const,
    slope: round(slope),
    intercept: round(intercept),
    halvingPeriods: slope < 0 ? round(Math.log(2) / -slope) : null,
    points: data.length,
  };
  const fittedLast = Math.exp(intercept + slope * last);
  const lastStart = Date.parse(points[last]!.start);
  if (fittedLast <= targetDays)
    return {
      interval,
      targetDays,
      periods: points,
      fit,
      forecast: {
        reachesTargetAt: points[last]!.start,
        periodsFromLast: 0,
        note: 'the fitted median is at or below the target',
      },
    };
  if (slope >= 0)
    return {
      interval,
      targetDays,
      periods: points,
      fit,
      forecast: {
        reachesTargetAt: null,
        periodsFromLast: null,
        note: 'not improving: the fit never reaches the target',
      },
    };
  const x = (Math.log(targetDays) - intercept) / slope;
  const ahead = x - last;
  const at = new Date(lastStart + ahead * PERIOD_DAYS[interval] * 86_400_000);
  return {
    interval,
    targetDays,
    periods: points,
    fit,
    forecast: {
      reachesTargetAt: at.toISOString(),
      periodsFromLast: round(ahead),
      note: `at the fitted rate the median reaches ${targetDays} days ${round(ahead)} ${interval}s after the last period`,
    },
  };
}
