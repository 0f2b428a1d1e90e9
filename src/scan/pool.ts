import { Worker } from 'node:worker_threads';
import type { FileOutcome, FileTask } from './file-task.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker.js';

const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * A worker is replaced after it has read this much: native parsers (ast-grep) keep memory that
 * only ending the thread gives back, so a long scan would otherwise grow without bound.
 */
export const RECYCLE_BYTES = 256 * 1024 * 1024;

/**
 * How long a batch may take before its worker is stopped and the batch's files are reported as
 * failed: generous (a minute plus half a minute per MB), since it only guards against a hang.
 */
export function batchTimeoutMs(batch: readonly FileTask[], base = 60_000): number {
  const mb = batch.reduce((n, t) => n + t.file.size, 0) / (1024 * 1024);
  return base + Math.ceil(mb * 30_000);
}

/** Splits tasks into batches of bounded count and size, largest files spread first. */
export function makeBatches(tasks: readonly FileTask[]): FileTask[][] {
  const batches: FileTask[][] = [];
  let cur: FileTask[] = [];
  let bytes = 0;
  for (const t of tasks) {
    if (cur.length > 0 && (cur.length >= BATCH_FILES || bytes + t.file.size > BATCH_BYTES)) {
      batches.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(t);
    bytes += t.file.size;
  }
  if (cur.length > 0) batches.push(cur);
  return batches;
}

function failedOutcomes(batch: readonly FileTask[], message: string): FileOutcome[] {
  return batch.map((t) => ({
    path: t.file.path,
    bytes: 0,
    utf8: true,
    findings: [],
    errors: t.analyzers.map((analyzer) => ({ analyzer, code: 'WORKER_FAILED', message })),
    timings: [],
    directives: [],
  }));
}

/**
 * Runs tasks on `size` worker threads, handing out batches as workers free up. A worker that
 * dies fails only the batch it held; its files are reported, the scan goes on with a new worker.
 */
export async function runInWorkers(
  tasks: readonly FileTask[],
  init: WorkerInit,
  size: number,
  onOutcomes: (outcomes: FileOutcome[], warnings: string[]) => void,
  timeoutBaseMs = 60_000,
  url: URL = new URL('./worker.js', import.meta.url),
  recycleBytes = RECYCLE_BYTES,
): Promise<void> {
  const batches = makeBatches(tasks);
  let next = 0;

  const runOne = (): Promise<void> =>
    new Promise<void>((resolve) => {
      let current = -1;
      let finished = false;
      let lastError = 'worker exited';
      let worker: Worker;
      let watchdog: NodeJS.Timeout | undefined;
      let bytesRead = 0;
      const dispatch = (): void => {
        clearTimeout(watchdog);
        if (next >= batches.length) {
          finished = true;
          void worker.terminate();
          return;
        }
        current = next++;
        const batch = batches[current]!;
        const limit = batchTimeoutMs(batch, timeoutBaseMs);
        watchdog = setTimeout(() => {
          lastError = `timed out after ${Math.round(limit / 1000)} s (the worker was stopped)`;
          void worker.terminate();
        }, limit);
        const msg: ToWorker = { type: 'batch', id: current, tasks: batch };
        worker.postMessage(msg);
      };
      const start = (): void => {
        lastError = 'worker exited';
        bytesRead = 0;
        worker = new Worker(url, { workerData: init });
        worker.on('message', (msg: FromWorker) => {
          if (msg.type === 'done') onOutcomes(msg.outcomes, msg.warnings);
          else onOutcomes(failedOutcomes(batches[msg.id]!, msg.message), []);
          bytesRead += batches[msg.id]!.reduce((n, t) => n + t.file.size, 0);
          current = -1;
          if (bytesRead >= recycleBytes && next < batches.length) {
            clearTimeout(watchdog);
            lastError = 'recycled';
            void worker.terminate(); // 'exit' starts a fresh worker for the remaining batches
            return;
          }
          dispatch();
        });
        worker.on('error', (err) => {
          lastError = `worker crashed: ${err.message}`;
        });
        // The one place a worker ends: finished normally, or died holding a batch (fail it, go on).
        worker.on('exit', () => {
          clearTimeout(watchdog);
          if (finished) return resolve();
          if (current >= 0) onOutcomes(failedOutcomes(batches[current]!, lastError), []);
          current = -1;
          if (next < batches.length) start();
          else resolve();
        });
        dispatch();
      };
      start();
    });

  const n = Math.max(1, Math.min(size, batches.length));
  await Promise.all(Array.from({ length: n }, runOne));
}
