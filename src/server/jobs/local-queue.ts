import type { Store } from '../store/open.js';
import { claimJob, insertJob, runClaimed } from './records.js';
import type { JobHandlers, JobKind, JobQueue } from './types.js';

const LOCAL_POLL_MS = 5000;

/**
 * The in-process queue for SQLite: jobs run one at a time in the server process, read from the jobs
 * table, so jobs accepted before a crash run after the restart.
 */
export class LocalQueue implements JobQueue {
  private handlers: JobHandlers | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private poll: NodeJS.Timeout | undefined;

  constructor(private readonly store: Store) {}

  async enqueue(kind: JobKind, payload: unknown, actor: string): Promise<number> {
    const id = await insertJob(this.store.db, kind, payload, actor);
    this.kick();
    return id;
  }

  async work(handlers: JobHandlers): Promise<void> {
    this.handlers = handlers;
    // A job that was running when the process died starts over (handlers are idempotent).
    await this.store.db
      .updateTable('jobs')
      .set({ status: 'queued', started_at: null })
      .where('status', '=', 'running')
      .execute();
    this.kick();
    // Other processes queue jobs too (`vanguard db update --data-dir`): look for them now and then.
    this.poll = setInterval(() => this.kick(), LOCAL_POLL_MS);
    this.poll.unref();
  }

  private kick(): void {
    if (!this.handlers || this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private async drain(): Promise<void> {
    const handlers = this.handlers!;
    for (;;) {
      if (this.stopped) return;
      const next = await this.store.db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .orderBy('id', 'asc')
        .executeTakeFirst();
      if (!next) return;
      const job = await claimJob(this.store.db, next.id);
      if (!job) continue;
      await runClaimed(this.store.db, job, (payload) =>
        handlers[job.kind as JobKind](payload, { store: this.store, queue: this, jobId: job.id }),
      );
    }
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.idle();
  }
}
