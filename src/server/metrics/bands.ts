import { sql, type RawBuilder } from 'kysely';

/**
 * Bands group the histogram buckets of durations (sql.ts durationBucket: whole hours below seven
 * days, whole days above) into ranges of neighbouring buckets, wider as durations grow. The rollup
 * holds each histogram twice: per bucket, and per band (a tenth of the rows). A median needs the
 * buckets of one band only (two for an even count): the band is found from the band counts, then
 * only that band's buckets are read (histogram.ts, rollup-read.ts). Counts, sums and means are exact
 * from the bands alone.
 *
 * Each region starts where the previous one ends and its length is a whole number of its bands, so
 * a band never straddles two regions.
 */
const HOUR = 3600;
const DAY = 86_400;
const REGIONS = [
  { from: 0, width: 8 * HOUR },
  { from: 7 * DAY, width: 4 * DAY },
  { from: 63 * DAY, width: 16 * DAY },
  { from: 255 * DAY, width: 64 * DAY },
  { from: 1023 * DAY, width: 256 * DAY },
].map((r, i, all) => ({
  ...r,
  // The first band of the region: the bands of the regions before it.
  first: all.slice(0, i).reduce((n, p, k) => n + (all[k + 1]!.from - p.from) / p.width, 0),
}));

function regionOf(bucket: number) {
  let r = REGIONS[0]!;
  for (const x of REGIONS) if (bucket >= x.from) r = x;
  return r;
}

/** The band of a histogram bucket (seconds, never negative). */
export function bandOf(bucket: number): number {
  const r = regionOf(bucket);
  return r.first + Math.floor((bucket - r.from) / r.width);
}

/** The buckets [lo, hi) (seconds) of a band. */
export function bandBounds(band: number): [number, number] {
  let r = REGIONS[0]!;
  for (const x of REGIONS) if (band >= x.first) r = x;
  const lo = r.from + (band - r.first) * r.width;
  return [lo, lo + r.width];
}

/**
 * bandOf in SQL, for an integer column of buckets. Buckets are whole multiples of the hour, and
 * every region's start and width too, so integer division is the floor on both stores.
 */
export function bandSql(bucket: RawBuilder<number>): RawBuilder<number> {
  const cases = REGIONS.slice(0, -1).map(
    (r, i) =>
      sql`when ${bucket} < ${sql.lit(REGIONS[i + 1]!.from)} then ${sql.lit(r.first)} + (${bucket} - ${sql.lit(r.from)}) / ${sql.lit(r.width)}`,
  );
  const last = REGIONS[REGIONS.length - 1]!;
  return sql<number>`case ${sql.join(cases, sql` `)} else ${sql.lit(last.first)} + (${bucket} - ${sql.lit(last.from)}) / ${sql.lit(last.width)} end`;
}
