import type { Kysely } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { computeMetrics } from './compute.js';
import type { MetricsQuery, MetricsResponse } from './types.js';

const MAX_ENTRIES = 200;

/**
 * Every change the metrics can see leaves a trace in one of two append-only id sequences: a pushed
 * report is a scan row, and every status change (triage, expiry, decision, closing by a scan) is a
 * finding event. With the minute (ages and expiries move with the clock) they version the data.
 */
async function dataVersion(db: Kysely<Database>, now: Date): Promise<string> {
  const [scan, event] = await Promise.all([
    db
      .selectFrom('scans')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirst(),
    db
      .selectFrom('finding_events')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirst(),
  ]);
  return `${String(scan?.m ?? 0)}:${String(event?.m ?? 0)}:${now.toISOString().slice(0, 16)}`;
}

/**
 * The metrics of a query, recomputed only when the data changed: a dashboard that several people
 * open, or that polls, pays the aggregation once per change rather than once per view.
 */
export class MetricsCache {
  private readonly entries = new Map<string, { version: string; value: MetricsResponse }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async get(q: MetricsQuery, now = new Date()): Promise<MetricsResponse> {
    const key = JSON.stringify(Object.entries(q).sort(([a], [b]) => a.localeCompare(b)));
    const version = await dataVersion(this.db, now);
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = await computeMetrics(this.db, this.dialect, q, now);
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    // Least recently computed first out: a Map iterates in insertion order.
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
