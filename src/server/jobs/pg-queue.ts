import { CompiledQuery, sql } from 'kysely';
import PgBoss from 'pg-boss';
import { VanguardError } from '../../core/errors.js';
import type { Store } from '../store/open.js';
import { claimJob, insertJob, runClaimed } from './records.js';
import type { JobHandlers, JobKind, JobQueue } from './types.js';

const QUEUE = 'vanguard-jobs';
// The advisory lock key that serialises starting the queue (any fixed 64-bit number; "vgjobs").
const START_LOCK = 0x7667_6a6f_6273;

/**
 * The PostgreSQL queue: pg-boss carries job ids between any number of servers and `vanguard worker`
 * processes. The job record and the pg-boss message are written in one transaction.
 */
export class PgQueue implements JobQueue {
  private readonly boss: PgBoss;
  private started: Promise<void> | undefined;

  constructor(private readonly store: Store) {
    if (!store.databaseUrl) throw new VanguardError('USAGE', 'the PostgreSQL queue needs DATABASE_URL');
    this.boss = new PgBoss({ connectionString: store.databaseUrl, max: 4, schema: 'pgboss' });
    this.boss.on('error', (err: Error) => process.stderr.write(`vanguard: job queue: ${err.message}\n`));
  }

  private start(): Promise<void> {
    // Servers and workers that start together would each create pg-boss's schema and the queue, and
    // PostgreSQL answers one of them "deadlock detected": a lock of our own takes them one at a time
    // (held by a transaction on the store's connection while pg-boss works on its own).
    this.started ??= this.store.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${START_LOCK})`.execute(trx);
      await this.boss.start();
      await this.boss.createQueue(QUEUE);
    });
    return this.started;
  }

  async enqueue(kind: JobKind, payload: unknown, actor: string): Promise<number> {
    await this.start();
    return this.store.db.transaction().execute(async (trx) => {
      const id = await insertJob(trx, kind, payload, actor);
      const db = {
        executeSql: async (text: string, values: unknown[]) => {
          const r = await trx.executeQuery(CompiledQuery.raw(text, values));
          return { rows: r.rows };
        },
      };
      await this.boss.send(QUEUE, { jobId: id }, { db });
      return id;
    });
  }

  async work(handlers: JobHandlers, concurrency = 2): Promise<void> {
    await this.start();
    for (let i = 0; i < concurrency; i++) {
      await this.boss.work<{ jobId: number }>(
        QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          for (const j of jobs) {
            const job = await claimJob(this.store.db, j.data.jobId);
            if (!job) continue;
            await runClaimed(this.store.db, job, (payload) =>
              handlers[job.kind as JobKind](payload, { store: this.store, queue: this, jobId: job.id }),
            );
          }
        },
      );
    }
  }

  /** Waits until no job is queued or running anywhere (polls the jobs table). */
  async idle(): Promise<void> {
    for (;;) {
      const left = await this.store.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirstOrThrow();
      if (Number(left.n) === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    if (this.started) {
      await this.started.catch(() => undefined);
      await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    }
  }
}
