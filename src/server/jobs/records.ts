import { hostname } from 'node:os';
import type { Kysely, Transaction } from 'kysely';
import { describeError } from '../../core/errors.js';
import type { Database, JobRow } from '../store/schema.js';
import { nowIso } from '../store/util.js';
import type { JobKind } from './types.js';

export async function insertJob(
  trx: Transaction<Database> | Kysely<Database>,
  kind: JobKind,
  payload: unknown,
  actor: string,
): Promise<number> {
  const row = await trx
    .insertInto('jobs')
    .values({
      kind,
      status: 'queued',
      payload: JSON.stringify(payload),
      result: null,
      error: null,
      created_by: actor,
      created_at: nowIso(),
      started_at: null,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// A job still "running" after this long was held by a worker that died; pg-boss hands it out again.
const STALE_MS = 15 * 60_000;

/** Who runs a job: recorded with it, so an operator sees which process took which job. */
export const WORKER_ID = `${hostname()}:${process.pid}`.slice(0, 200);

/** Marks a queued job running; undefined when another worker holds it. */
export async function claimJob(db: Kysely<Database>, id: number): Promise<JobRow | undefined> {
  const stale = new Date(Date.now() - STALE_MS).toISOString();
  const r = await db
    .updateTable('jobs')
    .set({ status: 'running', started_at: nowIso(), worker: WORKER_ID })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('started_at', '<', stale)]),
      ]),
    )
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return undefined;
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function finishJob(db: Kysely<Database>, id: number, result: unknown): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'succeeded', result: JSON.stringify(result ?? null), finished_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

export async function failJob(db: Kysely<Database>, id: number, err: unknown): Promise<void> {
  const e = describeError(err);
  await db
    .updateTable('jobs')
    .set({ status: 'failed', error: `${e.code}: ${e.message}`.slice(0, 4000), finished_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

/** The columns of a job that clients see (the payload, which may be a whole report, is left out). */
export const JOB_VIEW_COLUMNS = [
  'id',
  'kind',
  'status',
  'result',
  'error',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
  'worker',
] as const;

/** A job row as clients see it. */
export function toJobView(j: Pick<JobRow, (typeof JOB_VIEW_COLUMNS)[number]>) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    result: j.result === null ? null : (JSON.parse(j.result) as unknown),
    error: j.error,
    createdBy: j.created_by,
    createdAt: j.created_at,
    startedAt: j.started_at,
    finishedAt: j.finished_at,
    worker: j.worker,
  };
}

/** One job as clients see it, or undefined. */
export async function jobView(db: Kysely<Database>, id: number) {
  const j = await db.selectFrom('jobs').select(JOB_VIEW_COLUMNS).where('id', '=', id).executeTakeFirst();
  return j ? toJobView(j) : undefined;
}

/** Runs a claimed job with its handler and records the outcome; never throws. */
export async function runClaimed(
  db: Kysely<Database>,
  job: JobRow,
  run: (payload: unknown) => Promise<unknown>,
): Promise<void> {
  try {
    await finishJob(db, job.id, await run(JSON.parse(job.payload) as unknown));
  } catch (err) {
    await failJob(db, job.id, err);
  }
}
