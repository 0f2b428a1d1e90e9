import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFindings, addProjects, type MetricRow } from '../../../test/helpers/metric-rows.js';
import { freshStore, STORE_KINDS } from '../../../test/helpers/stores.js';
import type { Store } from '../store/open.js';
import { expireAcceptances, triageFinding } from '../triage.js';
import { computeMetrics } from './compute.js';
import { rebuildRollup } from './rollup-build.js';
import { migrations } from '../store/migrations.js';
import { BANDS, KIND_OPEN_AGE_PROJECT } from './rollup.js';
import type { MetricsQuery } from './types.js';

/**
 * Durations read from the rollup's bands (then the buckets of the median bands only) give the numbers
 * the findings give, after the writes that move findings between bands: a false positive, a fix
 * reopened, an acceptance expired (swept, and not yet swept).
 */

const NOW = new Date('2026-11-17T13:30:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (t: number) => new Date(t).toISOString();

// Time to detect of f1..f8, sorted: 2 h, 9 h, 10 d, 12 d, 40 d, 100 d, 300 d, 2000 d. The median of
// the eight is between 12 and 40 days, two bands; without f8 (a false positive) it is 12 days.
const DETECT = [2 * HOUR, 9 * HOUR, 10 * DAY, 12 * DAY, 40 * DAY, 100 * DAY, 300 * DAY, 2000 * DAY];
const SEVERITY = ['critical', 'high', 'high', 'critical', 'medium', 'low', 'medium', 'info'];
// Time to remediate of the fixed ones: 3 h, 20 d (f2, reopened later), 8 d, 6 h.
const FIX: (number | undefined)[] = [3 * HOUR, 20 * DAY, 8 * DAY, 6 * HOUR];

function rows(project: number): MetricRow[] {
  return DETECT.map((detect, i) => {
    // First seen across two years, at odd hours, so weeks, months and quarters all hold some.
    const seen = NOW.getTime() - (20 + i * 85) * DAY - i * 3 * HOUR;
    const fix = FIX[i];
    return {
      project,
      fingerprint: `f${i + 1}`,
      severity: SEVERITY[i]!,
      phase: i === 7 ? 'runtime' : 'code',
      status: fix === undefined ? 'open' : 'fixed',
      introducedAt: at(seen - detect),
      firstSeen: at(seen),
      ...(fix === undefined ? {} : { fixedAt: at(seen + fix) }),
      slaDue: at(seen + 10 * DAY),
    };
  });
}

const strip = (m: object) => JSON.stringify({ ...m, generatedAt: '' });
const QUERIES: [string, MetricsQuery][] = [
  ['the default window', {}],
  ['two years by week', { from: at(NOW.getTime() - 730 * DAY), interval: 'week' }],
  ['two years by month, from mid-day', { from: '2024-11-20T07:00:00.000Z', interval: 'month' }],
  ['critical and high by quarter', { from: '2024-12-01', severity: 'critical,high' }],
  ['a window ending mid-day', { from: '2025-06-01', to: '2026-08-03T12:00:00.000Z', interval: 'week' }],
];

describe.each(STORE_KINDS)('durations read by band (%s)', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const id = async (fingerprint: string) =>
    (
      await store.db
        .selectFrom('findings')
        .select('id')
        .where('fingerprint', '=', fingerprint)
        .executeTakeFirstOrThrow()
    ).id;
  const same = async () => {
    for (const [label, q] of QUERIES) {
      const viaRollup = await computeMetrics(store.db, store.dialect, q, NOW);
      const direct = await computeMetrics(store.db, store.dialect, q, NOW, 'direct');
      expect(strip(viaRollup), label).toBe(strip(direct));
    }
  };
  const twoYears = () => computeMetrics(store.db, store.dialect, QUERIES[1]![1], NOW);

  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
    const [p] = await addProjects(store, ['alpha']);
    await addFindings(store, rows(p!));
  });
  afterAll(async () => dispose());

  it('gives the hand-computed medians and the numbers of the findings', async () => {
    const m = await twoYears();
    expect(m.mttd.overall).toMatchObject({ count: 8, medianDays: 26 });
    expect(m.mttd.bySeverity.critical).toMatchObject({ count: 2, medianDays: 6.0417 });
    expect(m.mttr.overall).toMatchObject({ count: 4, medianDays: 4.125 });
    await same();
  });

  it('after a false positive, a reopened fix and expired acceptances', async () => {
    const lead = 'lead';
    await triageFinding(
      store.db,
      store.dialect,
      await id('f8'),
      { status: 'false-positive', reason: 'x' },
      lead,
    );
    await triageFinding(store.db, store.dialect, await id('f2'), { status: 'open', reason: 'back' }, lead);
    const accept = async (fp: string, expires: string) =>
      triageFinding(
        store.db,
        store.dialect,
        await id(fp),
        { status: 'accepted', reason: 'later', owner: 'team', expires },
        lead,
      );
    await accept('f6', '2026-10-01T00:00:00.000Z');
    await accept('f7', '2026-11-17T00:00:00.000Z');
    // f6 is reopened by the sweep; f7 has expired too, but no sweep has run since.
    await expireAcceptances(store.db, store.dialect, new Date('2026-11-01T00:00:00.000Z'));
    const m = await twoYears();
    expect(m.mttd.overall).toMatchObject({ count: 7, medianDays: 12 });
    expect(m.mttr.overall).toMatchObject({ count: 3, medianDays: 0.25 });
    // f5, f6 (swept), f7 (expired, not swept) and f2 (reopened); f8 no longer.
    expect(m.totals.open).toBe(4);
    await same();
  });

  it('holds the bands a rebuild from the findings holds', async () => {
    const bands = async () =>
      (
        await sql<{ kind: number; day: number; severity: string; bucket: number; n: number }>`
          select kind, day, severity, bucket, n from metric_rollup where kind >= ${BANDS} and n <> 0
          order by kind, day, severity, bucket`.execute(store.db)
      ).rows.map((r) => [r.kind, r.day, r.severity, r.bucket, r.n].map(String).join(' '));
    const incremental = await bands();
    expect(incremental.length).toBeGreaterThan(20);
    await store.db.transaction().execute((trx) => rebuildRollup(trx, store.dialect));
    expect(await bands()).toEqual(incremental);
  });

  it('reads its durations from the bands (without them, the rollup path counts nothing)', async () => {
    await sql`delete from metric_rollup where kind >= ${BANDS}`.execute(store.db);
    const m = await twoYears();
    expect(m.mttd.overall.count).toBe(0);
    expect(m.totals.detected).toBe(7);
  });
});

describe.each(STORE_KINDS)('migration 0013 on a store written before it (%s)', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
  });
  afterAll(async () => dispose());

  it('adds the bands and the projects’ ages a rebuild makes', async () => {
    const [a, b] = await addProjects(store, ['alpha', 'beta']);
    await addFindings(store, [
      ...rows(a!),
      ...rows(b!).map((r) => ({ ...r, fingerprint: `b-${r.fingerprint}` })),
    ]);
    const rollup = async () =>
      (
        await sql<{
          kind: number;
          day: number;
          project_id: number;
          severity: string;
          bucket: number;
          n: number;
        }>`
          select kind, day, project_id, severity, bucket, n from metric_rollup
          order by kind, day, project_id, severity, bucket`.execute(store.db)
      ).rows.map((r) => [r.kind, r.day, r.project_id, r.severity, r.bucket, r.n].map(String).join(' '));
    const rebuilt = await rollup();
    // What a store holds before version 13: neither kind of row, nor the index.
    await sql`drop index metric_rollup_project_ages`.execute(store.db);
    await sql`delete from metric_rollup where kind >= ${BANDS} or kind = ${KIND_OPEN_AGE_PROJECT}`.execute(
      store.db,
    );
    expect((await rollup()).length).toBeLessThan(rebuilt.length);
    const all = await migrations(store.dialect).getMigrations();
    await store.db.transaction().execute((trx) => all['0013_rollup_bands']!.up(trx));
    expect(await rollup()).toEqual(rebuilt);
    const m = await computeMetrics(store.db, store.dialect, { project: 'beta' }, NOW);
    expect(strip(m)).toBe(
      strip(await computeMetrics(store.db, store.dialect, { project: 'beta' }, NOW, 'direct')),
    );
  });
});
