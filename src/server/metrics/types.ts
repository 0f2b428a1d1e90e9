/**
 * The response of `GET /api/v1/metrics` (and of `vanguard metrics --format json`): one import for the
 * server, the CLI and the dashboard. Definitions of every number are in docs/metrics.md.
 *
 * Durations are in days (fractions allowed). A `null` mean, median or rate means "no data in the
 * window", never zero. Times are ISO-8601 UTC strings.
 */

export type MetricsSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type MetricsPhase = 'design' | 'code' | 'build' | 'test' | 'release' | 'runtime';
export type MetricsPrinciple =
  'encryption' | 'authentication' | 'logging' | 'asset-management' | 'zoning-containment';
export type MetricsInterval = 'week' | 'month' | 'quarter';

/** The query of `GET /api/v1/metrics`; lists are comma-separated in the URL and mean "any of". */
export interface MetricsQuery {
  project?: string;
  tag?: string;
  severity?: string;
  analyzer?: string;
  phase?: string;
  /** Start of the window (inclusive), a date or time; default: `to` minus 365 days. */
  from?: string;
  /** End of the window (exclusive); default: now. */
  to?: string;
  /** The period of the series (default `quarter`). */
  interval?: MetricsInterval;
  /** The MTTD the forecast aims at, in days (default 1). */
  mttdTargetDays?: number;
}

/** The filters the numbers were computed with, after defaults. */
export interface MetricsFilters {
  projects: string[];
  tags: string[];
  severities: string[];
  analyzers: string[];
  phases: string[];
  from: string;
  to: string;
  interval: MetricsInterval;
}

/** A duration statistic over `count` findings. */
export interface DurationStats {
  count: number;
  meanDays: number | null;
  /** Exact to the hour below seven days, to the day above (computed from a histogram in SQL). */
  medianDays: number | null;
}

export interface PeriodDuration extends DurationStats {
  /** `2026-Q3`, `2026-07` or the ISO week's Monday `2026-07-06`. */
  period: string;
  start: string;
  end: string;
}

export interface DurationMetric {
  overall: DurationStats;
  bySeverity: Record<MetricsSeverity, DurationStats>;
  byPeriod: PeriodDuration[];
}

export interface MttdMetric extends DurationMetric {
  /** Findings detected in the window that carry no introduction time (not in the numbers). */
  withoutIntroduction: number;
}

export interface TrendPoint extends PeriodDuration {
  /** This period's median ÷ the previous period's (0.5 = halved); null without both. */
  ratioToPrevious: number | null;
}

export interface MttdTrend {
  interval: MetricsInterval;
  targetDays: number;
  periods: TrendPoint[];
  /**
   * Least-squares fit of ln(median MTTD) against the period index over the periods with data:
   * median ≈ exp(intercept + slope·index). Null with fewer than two periods of data.
   */
  fit: {
    method: 'log-linear least squares';
    slope: number;
    intercept: number;
    /** Periods for the median to halve (positive when improving), null when not improving. */
    halvingPeriods: number | null;
    points: number;
  } | null;
  /** When the fitted median reaches the target: already (now), a future date, or never (null). */
  forecast: { reachesTargetAt: string | null; periodsFromLast: number | null; note: string };
}

export interface RatePeriod {
  period: string;
  start: string;
  end: string;
  opened: number;
  closed: number;
  /** closed ÷ opened; null when nothing was opened. */
  rate: number | null;
}

export interface NetResolveRate {
  opened: number;
  closed: number;
  rate: number | null;
  byPeriod: RatePeriod[];
}

export interface SlaCompliance {
  /** Findings closed in the window that had a due date. */
  closed: number;
  withinSla: number;
  rate: number | null;
  bySeverity: Record<MetricsSeverity, { closed: number; withinSla: number; rate: number | null }>;
  /** Open now and past the due date (an expired risk acceptance counts as open). */
  breaches: { total: number; bySeverity: Record<MetricsSeverity, number> };
}

export interface AgeBucket {
  label: string;
  minDays: number;
  /** Exclusive; null for the last bucket. */
  maxDays: number | null;
  count: number;
  bySeverity: Record<MetricsSeverity, number>;
}

export interface PhaseShare {
  phase: MetricsPhase;
  count: number;
  share: number | null;
  /** Relative cost of fixing a problem caught in this phase (design = 1). */
  costWeight: number;
  costUnits: number;
}

export interface PhasesMetric {
  total: number;
  items: PhaseShare[];
  /** Σ count × weight. */
  costUnits: number;
  /** What the same findings would have cost had all been caught after release (× 30). */
  costIfPostRelease: number;
  /** costIfPostRelease − costUnits: the relative cost avoided by catching them earlier. */
  costAvoided: number;
  source: string;
}

export interface EscapeRate {
  runtime: number;
  total: number;
  rate: number | null;
}

export interface PrincipleCell {
  open: number;
  bySeverity: Record<MetricsSeverity, number>;
  /** The most severe open finding's severity, null when none is open. */
  worst: MetricsSeverity | null;
}

export interface PrinciplesMetric {
  principles: MetricsPrinciple[];
  /** One row per project with open findings of any principle (the posture map). */
  projects: { project: string; cells: Record<MetricsPrinciple, PrincipleCell> }[];
  totals: Record<MetricsPrinciple, PrincipleCell>;
}

export interface OwaspCategory {
  id: string;
  name: string;
  open: number;
  bySeverity: Record<MetricsSeverity, number>;
  /** Projects with at least one open finding in the category. */
  projects: number;
}

export interface MetricsResponse {
  generatedAt: string;
  filters: MetricsFilters;
  totals: {
    /** Findings first detected in the window (false positives excluded). */
    detected: number;
    /** Open now. */
    open: number;
    /** Projects the filters select. */
    projects: number;
  };
  mttd: MttdMetric;
  mttdTrend: MttdTrend;
  mttr: DurationMetric;
  netResolveRate: NetResolveRate;
  slaCompliance: SlaCompliance;
  openAge: { buckets: AgeBucket[] };
  phases: PhasesMetric;
  escapeRate: EscapeRate;
  principles: PrinciplesMetric;
  owasp: { categories: OwaspCategory[] };
}

/** One stored daily snapshot (`GET /api/v1/metrics/snapshots`). */
export interface MetricSnapshot {
  day: string;
  takenAt: string;
  metrics: MetricsResponse;
}
