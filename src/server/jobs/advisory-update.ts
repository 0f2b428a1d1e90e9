import { updateDb } from '../../analyzers/deps/db/update.js';
import { audit } from '../auth/accounts.js';
import type { Store } from '../store/open.js';
import type { JobQueue } from './types.js';

export interface AdvisoryUpdateOptions {
  dbPath: string;
  /** Mirror of the OSV bucket (default: the public one). */
  baseUrl?: string;
}

/**
 * Queues the re-match of every stored inventory after the advisory database changed, and records
 * who asked for it (`vanguard db update` against a store, the serve schedule, the admin API).
 */
export async function queueRematch(
  store: Store,
  queue: JobQueue,
  actor: string,
  why: string,
): Promise<number> {
  const jobId = await queue.enqueue('rematch-all', {}, actor);
  await audit(store.db, actor, 'advisories.rematch', `job:${jobId}`, { why });
  return jobId;
}

/** Downloads what changed in the OSV exports; when anything did, queues the re-match. */
export async function updateAdvisories(
  store: Store,
  queue: JobQueue,
  opts: AdvisoryUpdateOptions,
  actor: string,
): Promise<{ updated: string[]; rematchJob: number | null }> {
  const results = await updateDb({ dbPath: opts.dbPath, ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}) });
  const updated = results.filter((r) => r.status === 'updated').map((r) => r.ecosystem);
  if (updated.length === 0) return { updated, rematchJob: null };
  return {
    updated,
    rematchJob: await queueRematch(store, queue, actor, `advisory update: ${updated.join(', ')}`),
  };
}
