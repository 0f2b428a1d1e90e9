import type { Store } from '../store/open.js';
import { LocalQueue } from './local-queue.js';
import { PgQueue } from './pg-queue.js';
import type { JobQueue } from './types.js';

/** The queue that fits the store: shared through PostgreSQL, or in-process with SQLite. */
export function openQueue(store: Store): JobQueue {
  return store.dialect === 'postgres' ? new PgQueue(store) : new LocalQueue(store);
}
