import type { Store } from '../store/open.js';

/** The kinds of background work; the payload of each is JSON in the jobs table. */
export const JOB_KINDS = ['import', 'rematch-all', 'rematch', 'metrics-snapshot'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Runs one job; returns its result (stored as JSON for the client that polls). */
export type JobHandler = (
  payload: unknown,
  ctx: { store: Store; queue: JobQueue; jobId: number },
) => Promise<unknown>;

export type JobHandlers = Record<JobKind, JobHandler>;

/**
 * One interface over both queues: on PostgreSQL jobs are shared through the database (pg-boss) by
 * every server and `vanguard worker`; on SQLite an in-process queue runs them in the server. Either
 * way the job's record (status, result) lives in the `jobs` table, written in the same transaction
 * as the job is queued, so an accepted job is never lost.
 */
export interface JobQueue {
  enqueue(kind: JobKind, payload: unknown, actor: string): Promise<number>;
  /** Starts taking jobs (a server on SQLite, a worker or a server on PostgreSQL). */
  work(handlers: JobHandlers, concurrency?: number): Promise<void>;
  /** Resolves when no job is queued or running (tests, benchmarks). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}
