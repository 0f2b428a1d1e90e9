import type { MetricsInterval } from './types.js';

/** One period of a series: its key as the API shows it and its [start, end) range. */
export interface Period {
  key: string;
  start: string;
  end: string;
}

const DAY = 86_400_000;

function utcDay(t: number): number {
  return Math.floor(t / DAY) * DAY;
}

/** The start (UTC) of the period containing `t`. */
export function periodStart(t: number, interval: MetricsInterval): number {
  const d = new Date(t);
  if (interval === 'week') {
    const day = utcDay(t);
    // ISO weeks start on Monday: getUTCDay() is 0 for Sunday.
    return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
  }
  const month = interval === 'quarter' ? d.getUTCMonth() - (d.getUTCMonth() % 3) : d.getUTCMonth();
  return Date.UTC(d.getUTCFullYear(), month, 1);
}

function nextStart(start: number, interval: MetricsInterval): number {
  if (interval === 'week') return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (interval === 'quarter' ? 3 : 1), 1);
}

/** The key of the period starting at `start`: `2026-Q3`, `2026-07`, or the week's Monday `2026-07-06`. */
export function periodKey(start: number, interval: MetricsInterval): string {
  const iso = new Date(start).toISOString();
  if (interval === 'week') return iso.slice(0, 10);
  if (interval === 'month') return iso.slice(0, 7);
  return `${iso.slice(0, 4)}-Q${Math.floor(new Date(start).getUTCMonth() / 3) + 1}`;
}

/**
 * The key of the period a bucket from SQL belongs to. SQL groups by month (`YYYY-MM`) for months
 * and quarters and by the week's Monday (`YYYY-MM-DD`) for weeks; quarters are merged here.
 */
export function keyOfSqlBucket(bucket: string, interval: MetricsInterval): string {
  if (interval === 'week') return bucket;
  if (interval === 'month') return bucket.slice(0, 7);
  const month = Number(bucket.slice(5, 7));
  return `${bucket.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Every period that overlaps [from, to), in order (at most 1,000: the query schema bounds the window). */
export function periodsBetween(from: string, to: string, interval: MetricsInterval): Period[] {
  const out: Period[] = [];
  const end = Date.parse(to);
  for (let s = periodStart(Date.parse(from), interval); s < end && out.length < 1000;) {
    const n = nextStart(s, interval);
    out.push({
      key: periodKey(s, interval),
      start: new Date(s).toISOString(),
      end: new Date(n).toISOString(),
    });
    s = n;
  }
  return out;
}
