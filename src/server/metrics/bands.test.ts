import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandBounds, bandOf } from './bands.js';
import { bucketOf } from './rollup.js';
import { Histogram } from './stats.js';

const HOUR = 3600;
const DAY = 86_400;

// Every bucket a duration of up to ~30 years can have: whole hours below a week, whole days above.
const BUCKETS = [
  ...Array.from({ length: 168 }, (_, h) => h * HOUR),
  ...Array.from({ length: 11_000 }, (_, d) => (7 + d) * DAY),
];

describe('bands', () => {
  it('hold each bucket within their bounds, in order, without gaps or overlaps', () => {
    let last = 0;
    for (const b of BUCKETS) {
      const band = bandOf(b);
      const [lo, hi] = bandBounds(band);
      expect(b >= lo && b < hi, `bucket ${b} in band ${band} [${lo}, ${hi})`).toBe(true);
      expect(band).toBeGreaterThanOrEqual(last);
      last = band;
    }
    for (let band = 0; band < last; band++) expect(bandBounds(band)[1]).toBe(bandBounds(band + 1)[0]);
  });

  it('are narrow where medians fall: eight hours below a week, four days up to nine weeks', () => {
    expect(bandBounds(bandOf(5 * HOUR))).toEqual([0, 8 * HOUR]);
    expect(bandOf(7 * DAY - HOUR)).toBe(20);
    expect(bandBounds(bandOf(7 * DAY))).toEqual([7 * DAY, 11 * DAY]);
    expect(bandBounds(bandOf(62 * DAY))).toEqual([59 * DAY, 63 * DAY]);
    expect(bandBounds(bandOf(63 * DAY))).toEqual([63 * DAY, 79 * DAY]);
    // A bucket's band is that of every duration in the bucket.
    expect(bandOf(bucketOf(7 * DAY - 1))).toBe(20);
  });
});

/** The histogram as the rollup path builds it: every band's count, buckets of the median bands only. */
function fromBands(entries: readonly [number, number][]): Histogram {
  const h = new Histogram();
  for (const [b, n] of entries) h.addBand(bandOf(b), n, b * n);
  const need = new Set(h.medianBands());
  for (const [b, n] of entries) if (need.has(bandOf(b))) h.addBucket(b, n);
  return h;
}

describe('a histogram read by band', () => {
  it('has the median of the whole histogram (odd and even counts, middle values in two bands)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...BUCKETS.slice(0, 400), ...BUCKETS.slice(-20)), fc.nat(4)), {
          maxLength: 40,
        }),
        (entries) => {
          const whole = new Histogram();
          for (const [b, n] of entries) whole.add(b, n, b * n);
          const banded = fromBands(entries);
          expect(banded.stats()).toEqual(whole.stats());
        },
      ),
    );
  });

  it('reads the buckets of two bands when the middle values fall in two', () => {
    const entries: [number, number][] = [
      [2 * HOUR, 1],
      [12 * DAY, 1],
      [40 * DAY, 1],
      [300 * DAY, 1],
    ];
    const h = fromBands(entries);
    expect(h.medianBands()).toEqual([bandOf(12 * DAY), bandOf(40 * DAY)]);
    expect(h.medianSeconds()).toBe(26 * DAY);
  });

  it('still answers when a band has fewer buckets than its count (a write between the two reads)', () => {
    const h = new Histogram();
    h.addBand(bandOf(10 * DAY), 3, 30 * DAY);
    h.addBucket(9 * DAY, 1);
    expect(h.medianSeconds()).toBe(9 * DAY);
    const empty = new Histogram();
    empty.addBand(bandOf(10 * DAY), 1, 10 * DAY);
    expect(empty.medianSeconds()).toBe(7 * DAY);
  });
});
