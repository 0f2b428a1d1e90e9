import type { Kysely } from 'kysely';
import type { JobQueue } from '../jobs/types.js';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { computeMetrics } from './compute.js';
import type { MetricSnapshot, MetricsResponse } from './types.js';

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Whether today's (UTC) snapshot has been taken. */
export async function hasSnapshot(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const row = await db
    .selectFrom('metric_snapshots')
    .select('day')
    .where('day', '=', day(now))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes today's snapshot of the organisation-wide metrics (default window) unless it exists.
 * Rows are only ever inserted: a snapshot is what the numbers were that day, whatever triage
 * happens later. Returns whether a row was written.
 */
export async function takeSnapshot(
  db: Kysely<Database>,
  dialect: Dialect,
  now = new Date(),
): Promise<boolean> {
  if (await hasSnapshot(db, now)) return false;
  const metrics = await computeMetrics(db, dialect, {}, now);
  const r = await db
    .insertInto('metric_snapshots')
    .values({ day: day(now), taken_at: now.toISOString(), data: JSON.stringify(metrics) })
    // Two servers racing for the same day: the first row stands, the second is dropped, not merged.
    .onConflict((oc) => oc.column('day').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Stored snapshots between two dates (inclusive), oldest first, at most ten years of days. */
export async function listSnapshots(
  db: Kysely<Database>,
  from?: string,
  to?: string,
): Promise<MetricSnapshot[]> {
  let q = db.selectFrom('metric_snapshots').selectAll().orderBy('day', 'asc').limit(3660);
  if (from !== undefined) q = q.where('day', '>=', from.slice(0, 10));
  if (to !== undefined) q = q.where('day', '<=', to.slice(0, 10));
  const rows = await q.execute();
  return rows.map((r) => ({
    day: r.day,
    takenAt: r.taken_at,
    metrics: JSON.parse(r.data) as MetricsResponse,
  }));
}

/** Queues the snapshot job when today has no snapshot and no such job is already waiting or running. */
export async function queueSnapshotIfDue(
  db: Kysely<Database>,
  queue: JobQueue,
  now = new Date(),
): Promise<boolean> {
  if (await hasSnapshot(db, now)) return false;
  const pending = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', 'metrics-snapshot')
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (pending) return false;
  await queue.enqueue('metrics-snapshot', {}, 'system');
  return true;
}
