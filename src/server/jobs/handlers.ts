import { resolveDbPath } from '../../analyzers/deps/db/paths.js';
import { ingestReport } from '../ingest/ingest.js';
import { parseReport } from '../ingest/parse.js';
import { takeSnapshot } from '../metrics/snapshots.js';
import type { IngestTarget } from '../ingest/types.js';
import { rematchAll, rematchInventory } from './rematch.js';
import type { JobHandlers } from './types.js';

export interface HandlerOptions {
  /** The advisory database re-matching reads (default: VANGUARD_DB, else the user cache). */
  advisoryDb?: string;
}

/** The job handlers every queue runs. Each is safe to run again after a crash (ingest is one transaction). */
export function jobHandlers(opts: HandlerOptions = {}): JobHandlers {
  const dbPath = resolveDbPath(opts.advisoryDb);
  return {
    import: async (payload, { store }) => {
      const p = payload as { doc: unknown; target: IngestTarget };
      return ingestReport(store, parseReport(p.doc), p.target);
    },
    'rematch-all': async (_payload, { store, queue, jobId }) => rematchAll(store, queue, `job:${jobId}`),
    rematch: async (payload, { store }) =>
      rematchInventory(store, dbPath, (payload as { inventoryId: number }).inventoryId),
    'metrics-snapshot': async (_payload, { store }) => ({
      written: await takeSnapshot(store.db, store.dialect),
    }),
  };
}
