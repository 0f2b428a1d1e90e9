import { sql } from 'kysely';
import type { Store } from './open.js';

/**
 * Keeps the query planner's statistics current, so that a page ordered by id walks an index in
 * order rather than sorting every match. SQLite gathers none by itself: a sampled ANALYZE (at most
 * 10,000 rows an index, so it stays quick on millions of findings). On PostgreSQL autovacuum does
 * this; an explicit ANALYZE only brings it forward.
 */
export async function optimizeStore(store: Store): Promise<void> {
  if (store.dialect === 'sqlite') {
    await sql`PRAGMA analysis_limit = 10000`.execute(store.db);
    await sql`ANALYZE`.execute(store.db);
  } else await sql`ANALYZE findings, finding_tools, finding_search, finding_seen`.execute(store.db);
}
