import { Worker } from 'node:worker_threads';
import type { FileOutcome, FileTask } from './file-task.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker.js';

const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;

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
): Promise<void> {
  const batches = makeBatches(tasks);
  let next = 0;
  const url = new URL('./worker.js', import.meta.url);

  const runOne = (): Promise<void> =>
    new Promise<void>((resolve) => {
      let current = -1;
      let finished = false;
      let lastError = 'worker exited';
      let worker: Worker;
      const dispatch = (): void => {
        if (next >= batches.length) {
          finished = true;
          void worker.terminate();
          return;
        }
        current = next++;
        const msg: ToWorker = { type: 'batch', id: current, tasks: batches[current]! };
        worker.postMessage(msg);
      };
      const start = (): void => {
        worker = new Worker(url, { workerData: init });
        worker.on('message', (msg: FromWorker) => {
          if (msg.type === 'done') onOutcomes(msg.outcomes, msg.warnings);
          else onOutcomes(failedOutcomes(batches[msg.id]!, msg.message), []);
          current = -1;
          dispatch();
        });
        worker.on('error', (err) => {
          lastError = `worker crashed: ${err.message}`;
        });
        // The one place a worker ends: finished normally, or died holding a batch (fail it, go on).
        worker.on('exit', () => {
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
