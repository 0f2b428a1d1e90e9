import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { addStoreOption, storeOptions } from './server-common.js';

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be 0–65535, got "${v}"`);
  return n;
}

function positive(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, got "${v}"`);
    return n;
  };
}

interface ServeFlags {
  host: string;
  port: number;
  dataDir?: string;
  maxBody: number;
  rateLimit: number;
  dbPath?: string;
  work: boolean;
  reportsPerHour: number;
  falcoWindow: number;
}

/** `vanguard serve`: the findings platform (API, OpenAPI, health checks, jobs). */
export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description('run the findings platform: REST API under /api/v1, /healthz, /readyz')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', port, 8080)
    .option('--max-body <MB>', 'largest accepted report (larger ones get 413)', positive('--max-body'), 100)
    .option('--rate-limit <n>', 'requests per minute per client', positive('--rate-limit'), 600)
    .option(
      '--db-path <file>',
      'advisory database used to re-match stored inventories (default: $VANGUARD_DB or the user cache)',
    )
    .option(
      '--reports-per-hour <n>',
      'anomaly reports one user may file per hour (more get 429)',
      positive('--reports-per-hour'),
      20,
    )
    .option(
      '--falco-window <minutes>',
      'Falco repeats of one rule on one workload closer than this are one finding',
      positive('--falco-window'),
      60,
    )
    .option('--no-work', 'on PostgreSQL: leave jobs to `vanguard worker` processes');
  addStoreOption(cmd).action(async (flags: ServeFlags) => {
    // Loaded on use: the server's modules (fastify, kysely, pg) stay out of every other command's start-up.
    const { startServer } = await import('../server/start.js');
    const server = await startServer({
      ...storeOptions(flags),
      host: flags.host,
      port: flags.port,
      bodyLimit: Math.round(flags.maxBody * 1024 * 1024),
      rateLimit: Math.round(flags.rateLimit),
      work: flags.work,
      reportsPerHour: Math.max(1, Math.round(flags.reportsPerHour)),
      falcoWindowMs: Math.round(flags.falcoWindow * 60_000),
      ...(flags.dbPath !== undefined ? { advisoryDb: flags.dbPath } : {}),
    });
    process.stdout.write(`store: ${server.store.location}\nlistening on ${server.url}\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.stdout.write('stopping\n');
        server.close().then(resolve, (err: Error) => {
          process.stderr.write(`vanguard serve: ${err.message}\n`);
          resolve();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });
}
