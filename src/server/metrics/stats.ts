import { bandBounds, bandOf } from './bands.js';
import type { DurationStats } from './types.js';

export const DAY_S = 86_400;

/**
 * Counts of durations (seconds, as bucketed in SQL) plus their exact sum, for a mean and a median.
 * Counts are kept per band (bands.ts) and, where known, per bucket: a histogram read from the
 * rollup's bands needs the buckets of its median bands only (`medianBands`), given with `addBucket`.
 */
export class Histogram {
  count = 0;
  sumSeconds = 0;
  private readonly bands = new Map<number, number>();
  private readonly buckets = new Map<number, number>();

  /** Durations of one bucket. */
  add(bucketSeconds: number, count: number, sumSeconds: number): void {
    this.addBand(bandOf(bucketSeconds), count, sumSeconds);
    this.addBucket(bucketSeconds, count);
  }

  /** Durations of one band, their buckets not given (yet). */
  addBand(band: number, count: number, sumSeconds: number): void {
    this.count += count;
    this.sumSeconds += sumSeconds;
    this.bands.set(band, (this.bands.get(band) ?? 0) + count);
  }

  /** The bucket of durations already counted with `addBand`. */
  addBucket(bucketSeconds: number, count: number): void {
    this.buckets.set(bucketSeconds, (this.buckets.get(bucketSeconds) ?? 0) + count);
  }

  /** The 0-based ranks whose mean is the median (one for an odd count, two for an even one). */
  private medianRanks(): number[] {
    const mid = Math.floor(this.count / 2);
    return this.count % 2 === 1 ? [mid] : [mid - 1, mid];
  }

  /** The band holding a rank, and the rank within it. */
  private bandAt(rank: number): { band: number; rank: number } {
    const sorted = [...this.bands.entries()].filter(([, n]) => n !== 0).sort((a, b) => a[0] - b[0]);
    let seen = 0;
    for (const [band, n] of sorted) {
      if (seen + n > rank) return { band, rank: rank - seen };
      seen += n;
    }
    const [band, n] = sorted[sorted.length - 1]!;
    return { band, rank: n - 1 };
  }

  /** The bands whose buckets the median needs. */
  medianBands(): number[] {
    if (this.count <= 0) return [];
    return [...new Set(this.medianRanks().map((r) => this.bandAt(r).band))];
  }

  /** The median bucket value in seconds (the mean of the two middle values for an even count). */
  medianSeconds(): number | null {
    if (this.count <= 0) return null;
    const at = (rank: number): number => {
      const { band, rank: inBand } = this.bandAt(rank);
      const [lo, hi] = bandBounds(band);
      const sorted = [...this.buckets.entries()]
        .filter(([b, n]) => b >= lo && b < hi && n !== 0)
        .sort((a, b) => a[0] - b[0]);
      let seen = 0;
      for (const [b, n] of sorted) {
        seen += n;
        if (seen > inBand) return b;
      }
      // Fewer buckets than the band counts: a write between reading the bands and the buckets.
      return sorted.length > 0 ? sorted[sorted.length - 1]![0] : lo;
    };
    const ranks = this.medianRanks();
    return ranks.length === 1 ? at(ranks[0]!) : (at(ranks[0]!) + at(ranks[1]!)) / 2;
  }

  stats(): DurationStats {
    const median = this.medianSeconds();
    return {
      count: this.count,
      meanDays: this.count === 0 ? null : round(this.sumSeconds / this.count / DAY_S),
      medianDays: median === null ? null : round(median / DAY_S),
    };
  }
}

/** Four significant decimals: enough for days and ratios, and stable in JSON. */
export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function ratio(num: number, den: number): number | null {
  return den === 0 ? null : round(num / den);
}

/** Ordinary least squares y = intercept + slope·x. */
export function leastSquares(points: readonly { x: number; y: number }[]): {
  slope: number;
  intercept: number;
} {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
