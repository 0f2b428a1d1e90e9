import type { DurationStats } from './types.js';

export const DAY_S = 86_400;

/** Counts of durations (seconds, as bucketed in SQL) plus their exact sum, for a mean and a median. */
export class Histogram {
  count = 0;
  sumSeconds = 0;
  private readonly buckets = new Map<number, number>();

  add(bucketSeconds: number, count: number, sumSeconds: number): void {
    this.count += count;
    this.sumSeconds += sumSeconds;
    this.buckets.set(bucketSeconds, (this.buckets.get(bucketSeconds) ?? 0) + count);
  }

  merge(other: Histogram): void {
    for (const [b, n] of other.buckets) this.buckets.set(b, (this.buckets.get(b) ?? 0) + n);
    this.count += other.count;
    this.sumSeconds += other.sumSeconds;
  }

  /** The median bucket value in seconds (the mean of the two middle values for an even count). */
  medianSeconds(): number | null {
    if (this.count === 0) return null;
    const sorted = [...this.buckets.entries()].sort((a, b) => a[0] - b[0]);
    const at = (rank: number): number => {
      let seen = 0;
      for (const [b, n] of sorted) {
        seen += n;
        if (seen > rank) return b;
      }
      return sorted[sorted.length - 1]![0];
    };
    const mid = Math.floor(this.count / 2);
    return this.count % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
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
