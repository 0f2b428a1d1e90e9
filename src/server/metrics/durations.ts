import { keyOfSqlBucket, type Period } from './periods.js';
import { bySeverity } from './posture.js';
import { Histogram } from './stats.js';
import type { MetricsInterval } from './types.js';
import type { DurationRow } from './windowed.js';

/** Closures with a due date, and those closed by it. */
export interface SlaCounts {
  withDue: number;
  withinDue: number;
}

/** Which bands' buckets each histogram's median needs (Histogram.medianBands). */
export interface NeededBands {
  overall: Set<number>;
  bySeverity: Map<string, Set<number>>;
  byPeriod: Map<string, Set<number>>;
}

/**
 * The histograms of one duration metric (time to detect or to remediate) over a window: overall,
 * per severity and per period, and the SLA counts of closures. Filled from rows with their bucket
 * (the direct computation, the partial days at a window's ends) and from the rollup's bands, with
 * the buckets of the median bands added afterwards (rollup-read.ts).
 */
export class Durations {
  readonly overall = new Histogram();
  readonly bySeverity = bySeverity(() => new Histogram());
  readonly byPeriod: Map<string, Histogram>;
  readonly sla = {
    all: { withDue: 0, withinDue: 0 },
    bySeverity: bySeverity(() => ({ withDue: 0, withinDue: 0 })),
  };
  /** The severities of the rollup's bands: the ones whose buckets a median may need. */
  readonly rollupSeverities = new Set<string>();
  private needed: NeededBands | undefined;

  constructor(
    periods: readonly Period[],
    private readonly interval: MetricsInterval,
  ) {
    this.byPeriod = new Map(periods.map((p) => [p.key, new Histogram()]));
  }

  private severity(s: string): Histogram | undefined {
    return (this.bySeverity as Record<string, Histogram | undefined>)[s];
  }

  private addSla(severity: string, withDue: number, withinDue: number): void {
    this.sla.all.withDue += withDue;
    this.sla.all.withinDue += withinDue;
    const c = (this.sla.bySeverity as Record<string, SlaCounts | undefined>)[severity];
    if (c) {
      c.withDue += withDue;
      c.withinDue += withinDue;
    }
  }

  /** Rows with their buckets, of one SQL period (`YYYY-MM` or a week's Monday) and severity. */
  addRows(rows: readonly DurationRow[]): this {
    for (const r of rows) {
      this.overall.add(r.bucket, r.n, r.sum);
      this.severity(r.severity)?.add(r.bucket, r.n, r.sum);
      this.byPeriod.get(keyOfSqlBucket(r.period, this.interval))?.add(r.bucket, r.n, r.sum);
      this.addSla(r.severity, r.withDue, r.withinDue);
    }
    return this;
  }

  /** A band of the window by severity (the overall and per-severity histograms and the SLA). */
  addSeverityBand(severity: string, band: number, n: number, sum: number, sla: SlaCounts): void {
    this.rollupSeverities.add(severity);
    this.overall.addBand(band, n, sum);
    this.severity(severity)?.addBand(band, n, sum);
    this.addSla(severity, sla.withDue, sla.withinDue);
  }

  /** A band of one SQL period (the per-period histograms). */
  addPeriodBand(sqlPeriod: string, band: number, n: number, sum: number): void {
    this.byPeriod.get(keyOfSqlBucket(sqlPeriod, this.interval))?.addBand(band, n, sum);
  }

  /** The bands whose buckets the medians need, once every band has been added. */
  neededBands(): NeededBands {
    const sets = <K>(m: Iterable<[K, Histogram]>) =>
      new Map([...m].map(([k, h]) => [k, new Set(h.medianBands())]));
    this.needed = {
      overall: new Set(this.overall.medianBands()),
      bySeverity: sets<string>(Object.entries(this.bySeverity)),
      byPeriod: sets(this.byPeriod),
    };
    return this.needed;
  }

  /**
   * A bucket of the rollup (period key, severity), read because some histogram's median needs its
   * band: added to exactly the histograms that need it (the others have its band's count already).
   */
  addRollupBucket(periodKey: string, severity: string, band: number, bucket: number, n: number): void {
    const need = this.needed;
    if (!need) throw new Error('neededBands() must be called before addRollupBucket()');
    if (need.overall.has(band)) this.overall.addBucket(bucket, n);
    if (need.bySeverity.get(severity)?.has(band)) this.severity(severity)?.addBucket(bucket, n);
    if (need.byPeriod.get(periodKey)?.has(band)) this.byPeriod.get(periodKey)?.addBucket(bucket, n);
  }
}
