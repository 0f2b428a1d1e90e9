import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, STORE_KINDS } from '../../../test/helpers/stores.js';
import { applyReport } from '../ingest/apply.js';
import { ensureProject } from '../ingest/ingest.js';
import { DEFAULT_SLA } from '../ingest/sla.js';
import type { IngestFinding, ParsedReport } from '../ingest/types.js';
import type { Store } from '../store/open.js';
import { expireAcceptances, triageFinding } from '../triage.js';
import { computeMetrics } from './compute.js';
import { rebuildRollup } from './rollup-build.js';
import type { MetricsQuery } from './types.js';

/**
 * The rollup, kept by the writes themselves (ingest, closing by a complete scan, triage, expiry),
 * gives the same numbers as the direct computation over the findings, for windows that start and
 * end inside months; and it holds what a rebuild from the findings holds.
 */

// A fixed seed (mulberry32), printed, so a failure can be replayed.
const SEED = 20261202;
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const PHASES = ['design', 'code', 'build', 'test', 'release', 'runtime'] as const;
const ANALYZERS = ['code', 'deps', 'secrets', 'iac'];
const PRINCIPLES = ['encryption', 'authentication', 'logging', 'asset-management', 'zoning-containment'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function pool(rnd: () => number, n: number, base: number): IngestFinding[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  return Array.from({ length: n }, (_, i) => {
    // Whole hours, exact weeks and odd seconds: bucket edges and sums both get exercised.
    const back = [0, HOUR, 7 * DAY, 7 * DAY - 1000, Math.floor(rnd() * 400 * DAY)][i % 5]!;
    const f: IngestFinding = {
      fingerprint: `fp-${i}`,
      ruleId: `code/rule-${i % 17}`,
      analyzer: pick(ANALYZERS),
      severity: pick(SEVERITIES),
      confidence: 'high',
      title: `problem ${i}`,
      message: 'm',
      remediation: 'r',
      location: { path: `src/f${i}.ts`, startLine: 1 + i },
      cwe: [89],
      owasp: [`A0${1 + (i % 9)}:2025`],
      principles: PRINCIPLES.filter((_, k) => (i >> k) % 3 === 0),
      phase: pick(PHASES),
      tool: 'vanguard',
    };
    if (i % 7 !== 3) f.introducedAt = new Date(base - back).toISOString();
    return f;
  });
}

function report(findings: IngestFinding[]): ParsedReport {
  return {
    format: 'vanguard',
    tools: ['vanguard'],
    status: 'complete',
    scope: [{ tool: 'vanguard' }],
    findings,
    notes: [],
  };
}

async function push(store: Store, projectId: number, branch: string, findings: IngestFinding[], now: number) {
  await store.db
    .transaction()
    .execute((trx) =>
      applyReport(
        trx,
        store.dialect,
        report(findings),
        { projectId, branch, actor: 'ci' },
        DEFAULT_SLA,
        new Date(now).toISOString(),
      ),
    );
}

const strip = (m: object) => JSON.stringify({ ...m, generatedAt: '' });

describe.each(STORE_KINDS)('metrics rollup (%s)', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const NOW = new Date('2026-11-17T13:30:00.000Z');

  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
    console.log(`rollup test seed ${SEED}`);
    const rnd = generator(SEED);
    const alpha = await ensureProject(store.db, 'alpha');
    const beta = await ensureProject(store.db, 'beta');
    const all = pool(rnd, 160, Date.parse('2026-01-01T00:00:00.000Z'));
    // Scans across a year, each a random part of the pool: new, fixed (not reported by a complete
    // scan), reopened; some exactly at midnight, at the end of a month, at the start of one.
    const times = [
      '2025-11-20T10:00:00.000Z',
      '2025-12-31T23:59:59.000Z',
      '2026-01-01T00:00:00.000Z',
      '2026-02-14T08:00:00.000Z',
      '2026-04-30T12:00:00.000Z',
      '2026-06-01T00:00:00.000Z',
      '2026-08-09T17:45:00.000Z',
      '2026-10-10T10:10:10.000Z',
      '2026-11-01T00:00:00.000Z',
      '2026-11-16T09:00:00.000Z',
      '2026-11-17T08:00:00.000Z',
    ].map(Date.parse);
    for (const t of times) {
      const part = all.filter(() => rnd() < 0.55);
      // Severity can change between scans; the rollup must move the finding, not count it twice.
      const moved = part.map((f) =>
        rnd() < 0.1 ? { ...f, severity: SEVERITIES[Math.floor(rnd() * 5)]! } : f,
      );
      await push(store, alpha, 'main', moved.slice(0, 100), t);
      await push(store, beta, 'main', moved.slice(40), t + HOUR);
      // The same findings from a feature branch: never counted.
      await push(store, alpha, 'feature/x', moved.slice(0, 60), t + 2 * HOUR);
    }
    const rows = await store.db.selectFrom('findings').select(['id', 'status']).orderBy('id').execute();
    for (const r of rows.filter((_, i) => i % 9 === 0))
      await triageFinding(
        store.db,
        store.dialect,
        r.id,
        { status: 'false-positive', reason: 'test data' },
        'lead',
      );
    for (const r of rows.filter((_, i) => i % 11 === 1))
      await triageFinding(
        store.db,
        store.dialect,
        r.id,
        { status: 'accepted', reason: 'later', owner: 'team', expires: expiryOf(r.id) },
        'lead',
      );
    // Some acceptances expire (reopened by the job), others have expired but the job has not run.
    await expireAcceptances(store.db, store.dialect, new Date('2026-09-01T00:00:00.000Z'));
    // Acceptances that expire on NOW's day: earlier that day (open for the metrics), at NOW itself
    // (open: it has expired when it is not later than now), later that day (still accepted).
    const today = ['2026-11-17T00:00:00.000Z', '2026-11-17T13:30:00.000Z', '2026-11-17T13:30:00.001Z'];
    for (const [k, r] of rows.filter((_, i) => i % 17 === 5).entries())
      await triageFinding(
        store.db,
        store.dialect,
        r.id,
        { status: 'accepted', reason: 'today', owner: 'team', expires: today[k % 3] },
        'lead',
      );
    for (const r of rows.filter((_, k) => k % 13 === 2))
      await triageFinding(store.db, store.dialect, r.id, { status: 'open', reason: 'reopen' }, 'lead');
  }, 120_000);
  afterAll(async () => dispose());

  // Expiry dates on both sides of NOW and of the expiry run above.
  const expiryOf = (id: number) =>
    new Date(Date.parse('2026-06-01T00:00:00.000Z') + (id % 12) * 30 * DAY).toISOString();

  const queries: [string, MetricsQuery][] = [
    ['default window (starts and ends inside a month)', {}],
    ['by month, from mid-month', { from: '2026-02-14T08:00:00.000Z', interval: 'month' }],
    ['severity filter', { severity: 'critical,high' }],
    ['whole months', { from: '2026-01-01', to: '2026-11-01', interval: 'quarter' }],
    ['within one month', { from: '2026-11-01T00:00:00.000Z', to: '2026-11-17T09:00:00.000Z' }],
    ['whole days across a month end', { from: '2026-10-20', to: '2026-11-05', interval: 'month' }],
    ['within one day', { from: '2026-11-16T06:00:00.000Z', to: '2026-11-16T20:00:00.000Z' }],
    ['a project (computed from the findings)', { project: 'beta' }],
    ['a tag that no project has', { tag: 'nobody' }],
    ['two projects, high and critical', { project: 'alpha,beta', severity: 'critical,high' }],
    ['weeks', { interval: 'week', from: '2026-09-01' }],
    [
      'weeks across a year end',
      { interval: 'week', from: '2025-12-24T07:00:00.000Z', severity: 'high,medium' },
    ],
  ];
  it.each(queries)('%s: the same numbers as the direct computation', async (_label, q) => {
    const viaRollup = await computeMetrics(store.db, store.dialect, q, NOW);
    const direct = await computeMetrics(store.db, store.dialect, q, NOW, 'direct');
    expect(strip(viaRollup)).toBe(strip(direct));
  });

  it('has data in every part of the comparison (the test cannot pass empty)', async () => {
    const m = await computeMetrics(store.db, store.dialect, {}, NOW);
    expect(m.totals.detected).toBeGreaterThan(50);
    expect(m.mttr.overall.count).toBeGreaterThan(20);
    expect(m.mttd.withoutIntroduction).toBeGreaterThan(0);
    expect(m.totals.open).toBeGreaterThan(20);
    expect(m.slaCompliance.breaches.total).toBeGreaterThan(0);
    expect(m.openAge.buckets.filter((b) => b.count > 0).length).toBeGreaterThan(2);
    expect(m.principles.projects.length).toBe(2);
    // Acceptances expired on an earlier day, and today before now, are open; later today they are not.
    const accepted = await store.db
      .selectFrom('findings')
      .select(['accepted_until'])
      .where('status', '=', 'accepted')
      .where('branch', '=', 'main')
      .execute();
    const until = accepted.map((r) => r.accepted_until ?? '');
    expect(until.filter((u) => u < '2026-11-17').length).toBeGreaterThan(0);
    expect(until.filter((u) => u.startsWith('2026-11-17') && u <= NOW.toISOString()).length).toBeGreaterThan(
      1,
    );
    expect(until.filter((u) => u > NOW.toISOString()).length).toBeGreaterThan(0);
  });

  it('holds what a rebuild from the findings holds', async () => {
    const read = async () => {
      const rows = await store.db.selectFrom('metric_rollup').selectAll().execute();
      return rows
        .filter((r) => Number(r.n) !== 0)
        .map((r) => ({
          ...r,
          n: Number(r.n),
          sum_s: Math.round(Number(r.sum_s)),
          due: Number(r.due),
          within: Number(r.within),
        }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    };
    const incremental = await read();
    await store.db.transaction().execute((trx) => rebuildRollup(trx, store.dialect));
    expect(incremental.length).toBeGreaterThan(100);
    expect(await read()).toEqual(incremental);
  });
});

describe.each(STORE_KINDS)('a finding pushed from two branches (%s)', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
  });
  afterAll(async () => dispose());

  it('is counted once, on the branch first pushed (the default branch)', async () => {
    const id = await ensureProject(store.db, 'shop');
    const findings = pool(generator(7), 3, Date.parse('2026-03-01T00:00:00.000Z'));
    const t = Date.parse('2026-03-10T12:00:00.000Z');
    await push(store, id, 'main', findings, t);
    await push(store, id, 'feature/login', findings, t + HOUR);
    // A later scan of main fixes one; the feature branch still has it.
    await push(store, id, 'main', findings.slice(1), t + 5 * DAY);
    await push(store, id, 'feature/login', findings, t + 6 * DAY);
    const now = new Date('2026-04-01T00:00:00.000Z');
    for (const source of ['rollup', 'direct'] as const)
      for (const q of [{}, { project: 'shop' }]) {
        const m = await computeMetrics(store.db, store.dialect, q, now, source);
        expect(m.totals.detected).toBe(3);
        expect(m.totals.open).toBe(2);
        expect(m.mttr.overall).toMatchObject({ count: 1, meanDays: 5 });
      }
    const p = await store.db
      .selectFrom('projects')
      .select('default_branch')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(p.default_branch).toBe('main');
  });
});

describe.each(STORE_KINDS)('a finding introduced decades before it was seen (%s)', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
  });
  afterAll(async () => dispose());

  it('is stored and counted (its time to detect in seconds passes 2^31)', async () => {
    const id = await ensureProject(store.db, 'legacy');
    const [f] = pool(generator(11), 1, 0);
    const t = Date.parse('2026-03-10T12:00:00.000Z');
    await push(store, id, 'main', [{ ...f!, introducedAt: '1950-01-01T00:00:00.000Z' }], t);
    const now = new Date('2026-04-01T00:00:00.000Z');
    const days = (t - Date.parse('1950-01-01T00:00:00.000Z')) / DAY;
    for (const source of ['rollup', 'direct'] as const) {
      const m = await computeMetrics(store.db, store.dialect, {}, now, source);
      expect(m.mttd.overall).toEqual({ count: 1, meanDays: days, medianDays: Math.floor(days) });
    }
  });
});
