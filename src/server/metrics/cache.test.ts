import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFindings, addProjects } from '../../../test/helpers/metric-rows.js';
import { freshStore, STORE_KINDS } from '../../../test/helpers/stores.js';
import type { Store } from '../store/open.js';
import { MetricsCache, OVERVIEW_QUERY, STALE_MS } from './cache.js';
import { setProjectTags } from './tags.js';

const T0 = new Date('2026-07-01T12:00:10.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const LEAD = { kind: 'user', userId: 1, name: 'lead', role: 'admin', via: 'session' } as const;

describe.each(STORE_KINDS)('the metrics cache (%s)', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
    const [alpha] = await addProjects(store, ['alpha', 'beta']);
    await setProjectTags(store.db, 'beta', ['team-b'], LEAD);
    await addFindings(store, [
      {
        project: alpha!,
        fingerprint: 'f1',
        severity: 'high',
        phase: 'code',
        status: 'open',
        introducedAt: '2026-06-01T00:00:00.000Z',
        firstSeen: '2026-06-11T00:00:00.000Z',
      },
    ]);
  });
  afterAll(async () => dispose());

  it('serves one answer per minute, an older one of unchanged data at once while it recomputes', async () => {
    const cache = new MetricsCache(store.db, store.dialect);
    const first = await cache.get({}, T0);
    expect(first.generatedAt).toBe(T0.toISOString());
    // The default interval is spelled out or not: one entry.
    expect(await cache.get(OVERVIEW_QUERY, later(20_000))).toBe(first);
    // Three minutes on, nothing changed: the same answer now, a fresh one computed behind it.
    expect(await cache.get({}, later(3 * MINUTE))).toBe(first);
    await cache.settled();
    const refreshed = await cache.get({}, later(3 * MINUTE + 1000));
    expect(refreshed).not.toBe(first);
    expect(refreshed.generatedAt).toBe(later(3 * MINUTE).toISOString());
    // Past STALE_MS the request waits for a new answer.
    const old = await cache.get({}, later(3 * MINUTE + STALE_MS + 1000));
    expect(old.generatedAt).toBe(later(3 * MINUTE + STALE_MS + 1000).toISOString());
  });

  it('recomputes at once when the data changed, and never serves a tag filter stale', async () => {
    const cache = new MetricsCache(store.db, store.dialect);
    const before = await cache.get({}, T0);
    const tagged = await cache.get({ tag: 'team-b' }, T0);
    expect(tagged.totals.projects).toBe(1);
    await addProjects(store, ['gamma']);
    const after = await cache.get({}, later(20_000));
    expect(after.totals.projects).toBe(before.totals.projects + 1);
    expect(after.generatedAt).toBe(later(20_000).toISOString());
    const tagLater = await cache.get({ tag: 'team-b' }, later(2 * MINUTE));
    expect(tagLater.generatedAt).toBe(later(2 * MINUTE).toISOString());
  });

  it('keeps a warmed query computed ahead of its request', async () => {
    const cache = new MetricsCache(store.db, store.dialect);
    await cache.warm(OVERVIEW_QUERY, T0);
    const warmed = await cache.get(OVERVIEW_QUERY, later(10_000));
    expect(warmed.generatedAt).toBe(T0.toISOString());
    // Warming again within the minute changes nothing; close to STALE_MS it computes again.
    await cache.warm(OVERVIEW_QUERY, later(20_000));
    expect(await cache.get(OVERVIEW_QUERY, later(30_000))).toBe(warmed);
    await cache.warm(OVERVIEW_QUERY, later(STALE_MS - 30_000));
    const rewarmed = await cache.get(OVERVIEW_QUERY, later(STALE_MS - 20_000));
    expect(rewarmed.generatedAt).toBe(later(STALE_MS - 30_000).toISOString());
  });
});
