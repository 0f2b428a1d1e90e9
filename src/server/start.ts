import type { FastifyInstance } from 'fastify';
import { buildApp } from './http/app.js';
import { jobHandlers } from './jobs/handlers.js';
import { openQueue } from './jobs/open-queue.js';
import { closeRematchIndex } from './jobs/rematch.js';
import { MetricsCache, OVERVIEW_QUERY } from './metrics/cache.js';
import { queueSnapshotIfDue } from './metrics/snapshots.js';
import { signingKeys } from './operate/hooks.js';
import type { JobQueue } from './jobs/types.js';
import { optimizeStore } from './store/maintenance.js';
import { openStore, type Store, type StoreOptions } from './store/open.js';
import { expireAcceptances } from './triage.js';

export interface ServeOptions extends StoreOptions {
  host: string;
  port: number;
  bodyLimit?: number;
  rateLimit?: number;
  advisoryDb?: string;
  /** Anomaly reports per user per hour. */
  reportsPerHour?: number;
  /** Falco repeats closer than this (ms) are one finding. */
  falcoWindowMs?: number;
  /** Run jobs in this process too (always on SQLite; on PostgreSQL unless only workers should). */
  work?: boolean;
  /** Queue an advisory database update (and, when it changed, a re-match) this often, in ms. */
  dbUpdateEvery?: number;
  /** Mirror of the OSV bucket for the scheduled updates. */
  advisoryBaseUrl?: string;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  queue: JobQueue;
  close(): Promise<void>;
}

const EXPIRY_EVERY_MS = 10 * 60_000;
const WARM_EVERY_MS = 60_000;

/** Opens the store, starts the queue and the HTTP server; `close` stops all three. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const store = await openStore(opts);
  try {
    // A missing or different server key would otherwise show only as refused signatures.
    await signingKeys(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  const queue = openQueue(store);
  const metrics = new MetricsCache(store.db, store.dialect);
  const app = await buildApp({
    store,
    queue,
    metrics,
    ...(opts.bodyLimit !== undefined ? { bodyLimit: opts.bodyLimit } : {}),
    ...(opts.rateLimit !== undefined ? { rateLimit: opts.rateLimit } : {}),
    ...(opts.reportsPerHour !== undefined ? { reportsPerHour: opts.reportsPerHour } : {}),
    ...(opts.falcoWindowMs !== undefined ? { falcoWindowMs: opts.falcoWindowMs } : {}),
  });
  if (opts.work !== false || store.dialect === 'sqlite')
    await queue.work(
      jobHandlers({
        ...(opts.advisoryDb !== undefined ? { advisoryDb: opts.advisoryDb } : {}),
        ...(opts.advisoryBaseUrl !== undefined ? { advisoryBaseUrl: opts.advisoryBaseUrl } : {}),
      }),
    );
  // The update itself is a job: on PostgreSQL any worker may run it; its re-match jobs follow.
  const updates =
    opts.dbUpdateEvery === undefined
      ? undefined
      : setInterval(() => {
          queue
            .enqueue('advisory-update', {}, 'system:schedule')
            .catch((err: Error) =>
              process.stderr.write(`vanguard serve: queueing the advisory update: ${err.message}\n`),
            );
        }, opts.dbUpdateEvery);
  updates?.unref();
  // The overview the dashboard opens on, computed before anyone asks and kept so (cache.ts): a
  // first view then waits for no aggregation over all findings.
  let closing = false;
  const warm = async (): Promise<void> => {
    if (closing) return;
    await metrics
      .warm(OVERVIEW_QUERY)
      .catch((err: Error) =>
        process.stderr.write(`vanguard serve: computing the overview: ${err.message}\n`),
      );
  };
  const expire = (): Promise<void> => {
    const swept = expireAcceptances(store.db, store.dialect).then(
      () => undefined,
      (err: Error) => void process.stderr.write(`vanguard serve: expiring acceptances: ${err.message}\n`),
    );
    // SQLite keeps no planner statistics unless asked; the findings filters depend on them.
    if (store.dialect === 'sqlite')
      optimizeStore(store).catch((err: Error) =>
        process.stderr.write(`vanguard serve: optimising the store: ${err.message}\n`),
      );
    return swept;
  };
  // The daily metric snapshot: queued at start when today's is missing, then checked with the expiry
  // sweep; the job itself inserts only when the day has no row, so several servers queue it harmlessly.
  const snapshot = (): void => {
    queueSnapshotIfDue(store.db, queue).catch((err: Error) =>
      process.stderr.write(`vanguard serve: metric snapshot: ${err.message}\n`),
    );
  };
  const tick = (): Promise<void> => {
    const swept = expire();
    snapshot();
    return swept;
  };
  // Warmed after the sweep, whose expiries would otherwise make the first answer stale at once.
  void tick().then(warm);
  const timer = setInterval(() => void tick(), EXPIRY_EVERY_MS);
  timer.unref();
  const warmer = setInterval(() => void warm(), WARM_EVERY_MS);
  warmer.unref();
  await app.listen({ host: opts.host, port: opts.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    app,
    store,
    queue,
    async close() {
      clearInterval(timer);
      clearInterval(updates);
      clearInterval(warmer);
      closing = true;
      await app.close();
      await metrics.settled();
      await queue.stop();
      closeRematchIndex();
      await store.close();
    },
  };
}
