import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { addStoreOption, storeOptions } from './server-common.js';

/** `vanguard worker`: takes jobs from the PostgreSQL queue; run as many as you like, anywhere. */
export function registerWorker(program: Command): void {
  const cmd = program
    .command('worker')
    .description('run jobs (imports, re-matching) from the shared PostgreSQL queue (DATABASE_URL)')
    .option('--concurrency <n>', 'jobs at a time', (v) => Number(v), 2)
    .option('--db-path <file>', 'advisory database used to re-match stored inventories');
  addStoreOption(cmd).action(async (flags: { concurrency: number; dataDir?: string; dbPath?: string }) => {
    const opts = storeOptions(flags);
    if (!opts.databaseUrl)
      throw new UsageError(
        'vanguard worker needs DATABASE_URL=postgres://…; with SQLite, `vanguard serve` runs the jobs itself',
      );
    if (!Number.isInteger(flags.concurrency) || flags.concurrency < 1)
      throw new UsageError('--concurrency must be a positive integer');
    const [{ openStore }, { PgQueue }, { jobHandlers }, { closeRematchIndex }] = await Promise.all([
      import('../server/store/open.js'),
      import('../server/jobs/pg-queue.js'),
      import('../server/jobs/handlers.js'),
      import('../server/jobs/rematch.js'),
    ]);
    const store = await openStore(opts);
    const queue = new PgQueue(store);
    await queue.work(
      jobHandlers(flags.dbPath !== undefined ? { advisoryDb: flags.dbPath } : {}),
      flags.concurrency,
    );
    process.stdout.write(`worker ready (${store.location}, ${flags.concurrency} at a time)\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        void queue
          .stop()
          .then(() => store.close())
          .finally(() => {
            closeRematchIndex();
            // Closed: a handle a library still holds must not keep a stopped worker alive.
            setTimeout(() => process.exit(), 5_000).unref();
            resolve();
          });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });
}
