import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFindings, addProjects } from '../../../test/helpers/metric-rows.js';
import { freshStore, STORE_KINDS } from '../../../test/helpers/stores.js';
import type { Store } from '../store/open.js';
import { computeMetrics } from './compute.js';
import { periodKey, periodStart } from './periods.js';

/**
 * A hand-computed example (docs/metrics.md walks through the same numbers). Window 2026-01-01 to
 * 2026-07-01 by quarter; "now" is the end of the window.
 */
const NOW = new Date('2026-07-01T00:00:00.000Z');
const WINDOW = { from: '2026-01-01', to: '2026-07-01' };
const d = (s: string) => `${s}T00:00:00.000Z`;

async function seed(store: Store): Promise<void> {
  const [alpha, beta] = await addProjects(store, ['alpha', 'beta']);
  await store.db
    .insertInto('project_tags')
    .values([{ project_id: beta!, tag: 'team-b' }])
    .execute();
  await addFindings(store, [
    // 1: detected after 10 days, fixed 10 days later, before its due date.
    {
      project: alpha!,
      fingerprint: 'f1',
      severity: 'high',
      phase: 'code',
      status: 'fixed',
      introducedAt: d('2026-01-01'),
      firstSeen: d('2026-01-11'),
      fixedAt: d('2026-01-21'),
      slaDue: d('2026-02-10'),
      principles: ['encryption'],
      owasp: ['A04:2025'],
    },
    // 2: fixed on 02-07, reopened on 02-10, fixed again on 02-20: MTTR counts from the original opening (15 days), late.
    {
      project: alpha!,
      fingerprint: 'f2',
      severity: 'critical',
      phase: 'build',
      status: 'fixed',
      introducedAt: d('2026-02-01'),
      firstSeen: d('2026-02-05'),
      fixedAt: d('2026-02-20'),
      slaDue: d('2026-02-12'),
    },
    // 3: caught at runtime two days after it was introduced; open, not yet due.
    {
      project: alpha!,
      fingerprint: 'f3',
      severity: 'medium',
      phase: 'runtime',
      status: 'open',
      introducedAt: d('2026-06-26'),
      firstSeen: d('2026-06-28'),
      slaDue: d('2026-07-02'),
      principles: ['logging'],
      owasp: ['A09:2025'],
    },
    // 4: open, 80 days old.
    {
      project: beta!,
      fingerprint: 'f4',
      severity: 'low',
      phase: 'test',
      status: 'open',
      introducedAt: d('2026-04-07'),
      firstSeen: d('2026-04-12'),
      slaDue: d('2026-08-10'),
      principles: ['authentication', 'zoning-containment'],
      owasp: ['A07:2025'],
    },
    // 5: accepted until 06-01, which has passed: open again, and past its due date. No introduction time.
    {
      project: beta!,
      fingerprint: 'f5',
      severity: 'high',
      phase: 'code',
      status: 'accepted',
      acceptedUntil: d('2026-06-01'),
      firstSeen: d('2026-05-01'),
      slaDue: d('2026-05-31'),
      principles: ['encryption'],
      owasp: ['A04:2025'],
    },
    // 6: a false positive: in no metric.
    {
      project: beta!,
      fingerprint: 'f6',
      severity: 'critical',
      phase: 'code',
      status: 'false-positive',
      introducedAt: d('2026-03-01'),
      firstSeen: d('2026-03-02'),
      principles: ['encryption'],
      owasp: ['A04:2025'],
    },
    // 7: detected before the window, fixed in it exactly on its due date (90 days).
    {
      project: beta!,
      fingerprint: 'f7',
      severity: 'medium',
      phase: 'design',
      status: 'fixed',
      introducedAt: d('2025-12-01'),
      firstSeen: d('2025-12-15'),
      fixedAt: d('2026-03-15'),
      slaDue: d('2026-03-15'),
    },
    // 8: accepted until the end of the year: not open; no introduction time.
    {
      project: alpha!,
      fingerprint: 'f8',
      severity: 'info',
      phase: 'code',
      status: 'accepted',
      acceptedUntil: d('2026-12-31'),
      firstSeen: d('2026-06-02'),
    },
  ]);
}

describe.each(STORE_KINDS)('metrics on a hand-computed example (%s)', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
    await seed(store);
  });
  afterAll(async () => dispose());
  const metrics = (q: Record<string, unknown> = {}) =>
    computeMetrics(store.db, store.dialect, { ...WINDOW, ...q }, NOW);

  it('mttd: detection − introduction, false positives and findings without introduction left out', async () => {
    const m = await metrics();
    expect(m.mttd.overall).toEqual({ count: 4, meanDays: 5.25, medianDays: 4.5 });
    expect(m.mttd.withoutIntroduction).toBe(2);
    expect(m.mttd.bySeverity.critical).toEqual({ count: 1, meanDays: 4, medianDays: 4 });
    expect(m.mttd.bySeverity.high.meanDays).toBe(10);
    expect(m.mttd.bySeverity.info.count).toBe(0);
    expect(m.mttd.byPeriod.map((p) => [p.period, p.count, p.medianDays])).toEqual([
      ['2026-Q1', 2, 7],
      ['2026-Q2', 2, 3.5],
    ]);
  });

  it('mttdTrend: halved from Q1 to Q2, log-linear fit and forecast', async () => {
    const t = (await metrics({ mttdTargetDays: 1 })).mttdTrend;
    expect(t.periods.map((p) => p.ratioToPrevious)).toEqual([null, 0.5]);
    expect(t.fit?.slope).toBeCloseTo(Math.log(0.5), 3);
    expect(t.fit?.halvingPeriods).toBeCloseTo(1, 3);
    // 7 days halving every quarter reaches 1 day at index log2(7) = 2.807: 1.807 quarters after Q2 starts.
    expect(t.forecast.periodsFromLast).toBeCloseTo(Math.log2(7) - 1, 3);
    expect(t.forecast.reachesTargetAt?.slice(0, 7)).toBe('2026-09');
  });

  it('mttr: closed − first opened over findings closed in the window; a reopened finding keeps its opening', async () => {
    const m = await metrics();
    expect(m.mttr.overall).toEqual({ count: 3, meanDays: 38.3333, medianDays: 15 });
    expect(m.mttr.bySeverity.critical.meanDays).toBe(15);
    expect(m.mttr.byPeriod.map((p) => p.count)).toEqual([3, 0]);
  });

  it('netResolveRate, slaCompliance and current breaches (an expired acceptance is open)', async () => {
    const m = await metrics();
    expect(m.netResolveRate).toMatchObject({ opened: 6, closed: 3, rate: 0.5 });
    expect(m.netResolveRate.byPeriod.map((p) => [p.opened, p.closed, p.rate])).toEqual([
      [2, 3, 1.5],
      [4, 0, 0],
    ]);
    expect(m.slaCompliance).toMatchObject({ closed: 3, withinSla: 2, rate: 0.6667 });
    expect(m.slaCompliance.bySeverity.critical).toEqual({ closed: 1, withinSla: 0, rate: 0 });
    expect(m.slaCompliance.breaches).toEqual({
      total: 1,
      bySeverity: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
    });
    expect(m.totals).toEqual({ detected: 6, open: 3, projects: 2 });
  });

  it('open-finding age buckets', async () => {
    const m = await metrics();
    expect(m.openAge.buckets.map((b) => [b.label, b.count])).toEqual([
      ['0-7 days', 1],
      ['7-30 days', 0],
      ['30-90 days', 2],
      ['90-180 days', 0],
      ['180+ days', 0],
    ]);
  });

  it('phases with the cost-weighted view, cost avoided, escape rate', async () => {
    const m = await metrics();
    const count = Object.fromEntries(m.phases.items.map((i) => [i.phase, i.count]));
    expect(count).toEqual({ design: 0, code: 3, build: 1, test: 1, release: 0, runtime: 1 });
    expect(m.phases.items.find((i) => i.phase === 'code')?.share).toBe(0.5);
    // 3×5 + 1×5 + 1×10 + 1×30 = 60 against 6×30 = 180 had all been found after release.
    expect(m.phases).toMatchObject({ total: 6, costUnits: 60, costIfPostRelease: 180, costAvoided: 120 });
    expect(m.escapeRate).toEqual({ runtime: 1, total: 6, rate: 0.1667 });
  });

  it('principles per project and OWASP exposure count open findings only', async () => {
    const m = await metrics();
    expect(m.principles.projects.map((p) => p.project)).toEqual(['alpha', 'beta']);
    const beta = m.principles.projects[1]!.cells;
    expect(beta.encryption).toMatchObject({ open: 1, worst: 'high' });
    expect(beta.authentication).toMatchObject({ open: 1, worst: 'low' });
    expect(beta.logging.open).toBe(0);
    expect(m.principles.totals['asset-management']).toMatchObject({ open: 0, worst: null });
    const owasp = Object.fromEntries(m.owasp.categories.map((c) => [c.id, c.open]));
    expect(owasp).toMatchObject({ 'A04:2025': 1, 'A07:2025': 1, 'A09:2025': 1, 'A01:2025': 0 });
    expect(m.owasp.categories).toHaveLength(10);
  });

  it('filters by project, tag, severity, phase and period', async () => {
    expect((await metrics({ project: 'alpha' })).totals).toEqual({ detected: 4, open: 1, projects: 1 });
    const tagged = await metrics({ tag: 'team-b' });
    expect(tagged.totals).toEqual({ detected: 2, open: 2, projects: 1 });
    expect(tagged.mttr.overall.meanDays).toBe(90);
    expect((await metrics({ tag: 'nobody' })).totals).toEqual({ detected: 0, open: 0, projects: 0 });
    expect((await metrics({ severity: 'high,critical' })).mttd.overall.count).toBe(2);
    expect((await metrics({ phase: 'runtime' })).escapeRate.rate).toBe(1);
    const q2 = await metrics({ from: '2026-04-01' });
    expect(q2.mttr.overall.count).toBe(0);
    expect(q2.totals.detected).toBe(4);
    await expect(metrics({ project: 'gamma' })).rejects.toThrow(/no project gamma/);
  });

  it('weekly and monthly series put each finding in its own period', async () => {
    const w = await metrics({ interval: 'week' });
    const week = periodKey(periodStart(Date.parse('2026-01-11'), 'week'), 'week');
    expect(week).toBe('2026-01-05');
    expect(w.mttd.byPeriod.find((p) => p.period === week)?.count).toBe(1);
    expect(w.mttd.byPeriod.filter((p) => p.count > 0)).toHaveLength(4);
    const m = await metrics({ interval: 'month' });
    expect(m.mttd.byPeriod.map((p) => p.count)).toEqual([1, 1, 0, 1, 0, 1]);
  });
});
