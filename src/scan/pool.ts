import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processCpuMs } from './cpu-time.js';
import type { FileOutcome, FileTask } from './file-task.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker.js';
import { toWire, unpackOutcomes } from './wire.js';

const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;
/** Batches a worker holds at once: the one it runs and the next, already sent. */
const PREFETCH = 2;

/**
 * A worker is replaced after it has read this much: native parsers (ast-grep) keep memory that
 * only ending the worker gives back, so a long scan would otherwise grow without bound.
 *
 * Workers are child processes, not threads: re2 keeps its RE2.Set constructor in one static
 * handle shared by every thread of a process, so loading it in a thread that starts after another
 * one ended aborts the whole process (V8 "node->IsInUse()" / SIGSEGV). A process has its own copy,
 * can be killed outright when it hangs, and a native crash in it fails only its batch.
 */
export const RECYCLE_BYTES = 256 * 1024 * 1024;

/**
 * A worker is also replaced once its resident memory passes this, whatever it has read: @ast-grep/napi
 * frees neither the trees it parses (about 33 bytes per character of source) nor the nodes it hands out
 * (about 480 bytes each, and one large bundle asks for hundreds of thousands), so by bytes read alone a
 * worker could reach gigabytes before its share was up. The worker reports its RSS with every batch.
 */
export const RECYCLE_RSS_BYTES = 640 * 1024 * 1024;

/** When a worker is replaced: after reading `bytes` of source, or once its RSS passes `rssBytes`. */
export interface Recycle {
  bytes?: number;
  rssBytes?: number;
}

/**
 * How long a batch may take before its worker is stopped and the batch's files are reported as
 * failed: generous (a minute plus half a minute per MB), since it only guards against a hang.
 * Measured in the worker's CPU time where it can be read (see runInWorkers' guard).
 */
export function batchTimeoutMs(batch: readonly FileTask[], base = 60_000): number {
  const mb = batch.reduce((n, t) => n + t.file.size, 0) / (1024 * 1024);
  return base + Math.ceil(mb * 30_000);
}

/**
 * Splits tasks into batches of bounded count and size, in the walk's order (a folder's files stay together, so a
 * worker's caches of the modules they import serve the whole batch).
 */
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

/**
 * The order batches are handed out in: most bytes first (ties in the walk's order). A batch's cost grows with its
 * files' size, and one costly batch handed out last keeps its worker busy while the others have nothing left
 * (on node_modules, a batch holding a 1.4 MB bundle came 85th of 88 and ran 16 CPU-s alone after the other worker
 * had finished); handed out among the first, it runs while the small batches are shared.
 */
export function dispatchOrder(batches: readonly (readonly FileTask[])[]): number[] {
  const bytes = batches.map((b) => b.reduce((n, t) => n + t.file.size, 0));
  return batches.map((_, i) => i).sort((x, y) => bytes[y]! - bytes[x]! || x - y);
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
 * A batch that has not spent its limit in CPU time may take this many times the limit in wall time
 * (a starved worker) before it is stopped anyway (a worker waiting on something that never comes).
 */
const STALL_FACTOR = 4;

/** How long a worker may take to load its analyzers before it is stopped. */
const STARTUP_TIMEOUT_MS = 120_000;

/** Each worker gets at most this much heap, so that one hostile file cannot take the machine. */
export const WORKER_HEAP_MB = 4096;

const DEFAULT_WORKER_URL = new URL('./worker.js', import.meta.url);

/** A worker started ahead of the one it replaces: whether it has loaded, and what listens for that meanwhile. */
interface Successor {
  child: ChildProcess;
  ready: boolean;
  early: (raw: unknown) => void;
}

function forkWorker(url: URL): ChildProcess {
  return fork(fileURLToPath(url), [], {
    serialization: 'json',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
  });
}

/**
 * Worker processes started ahead of need, so that loading the analyzers overlaps the walk of the
 * tree in this process. `release` ends the ones the scan did not take.
 */
export class SpareWorkers {
  private readonly spare: ChildProcess[] = [];
  private started = 0;
  constructor(
    count: number,
    readonly url: URL = DEFAULT_WORKER_URL,
  ) {
    this.startUpTo(count);
  }
  /** Starts workers until `count` have been started in all (a scan found it has work for more). */
  startUpTo(count: number): void {
    for (; this.started < count; this.started++) {
      const child = forkWorker(this.url);
      // An early exit is noticed when the worker is taken (its 'exit' has already fired then).
      child.on('error', () => undefined);
      this.spare.push(child);
    }
  }
  /** A started worker that is still alive, if any. */
  take(): ChildProcess | undefined {
    for (let c = this.spare.shift(); c; c = this.spare.shift())
      if (c.exitCode === null && c.signalCode === null) return c;
    return undefined;
  }
  release(): void {
    for (const c of this.spare.splice(0)) c.kill();
  }
}

/**
 * Runs tasks on `size` worker processes, handing out batches as workers free up. A worker that
 * dies or hangs fails only the batch it held; its files are reported, the scan goes on with a new
 * worker.
 */
export async function runInWorkers(
  tasks: readonly FileTask[],
  init: WorkerInit,
  size: number,
  onOutcomes: (outcomes: FileOutcome[], warnings: string[]) => void,
  timeoutBaseMs = 60_000,
  url: URL = DEFAULT_WORKER_URL,
  recycle: Recycle = {},
  spares?: SpareWorkers,
): Promise<void> {
  const recycleBytes = recycle.bytes ?? RECYCLE_BYTES;
  const recycleRss = recycle.rssBytes ?? RECYCLE_RSS_BYTES;
  const batches = makeBatches(tasks);
  // Batches not yet handed out, in order; one a worker held but never started goes back to the front.
  const pending = dispatchOrder(batches);

  const runOne = (): Promise<void> =>
    new Promise<void>((resolve) => {
      /** Batches sent to this worker and not yet answered, oldest (the one it is running) first. */
      let held: number[] = [];
      let finished = false;
      let lastError = 'worker exited';
      let worker: ChildProcess;
      let watchdog: NodeJS.Timeout | undefined;
      let bytesRead = 0;
      let ready = false;
      let recycling = false;
      /**
       * The worker that replaces this one when it is recycled: started, and sent its init, as soon as the
       * recycling is decided, so that it loads while this one runs what it still holds (a fresh start after
       * the exit left this slot idle for the start-up, 0.5–0.7 s on node_modules at load).
       */
      let successor: Successor | undefined;
      const startSuccessor = (): void => {
        const child = forkWorker(url);
        const next: Successor = {
          child,
          ready: false,
          early: (raw) => {
            if ((raw as FromWorker).type === 'ready') next.ready = true;
          },
        };
        child.on('error', () => undefined);
        child.on('message', next.early);
        child.send({ type: 'init', init } satisfies ToWorker, () => undefined);
        successor = next;
      };
      const dropSuccessor = (): void => {
        successor?.child.kill();
        successor = undefined;
      };
      const send = (msg: ToWorker): void => {
        worker.send(msg, (err) => {
          if (err) lastError = `worker unreachable: ${err.message}`;
        });
      };
      /**
       * The time limit of the batch the worker is running now (the oldest it holds). Where the worker's
       * CPU time can be read, the limit is CPU time: a worker the machine starves (a loaded CI runner)
       * is given the wall time it needs, up to STALL_FACTOR times the limit, while one that spins is
       * stopped once it has spent the limit. Elsewhere the limit is wall time.
       */
      const guard = (): void => {
        clearTimeout(watchdog);
        const head = held[0];
        if (head === undefined) return;
        const limit = batchTimeoutMs(batches[head]!, timeoutBaseMs);
        const cpuAtStart = processCpuMs(worker.pid);
        // A monotonic clock: a wall clock set forward (NTP, a resumed machine) is no time the worker waited.
        const stallAt = performance.now() + limit * STALL_FACTOR;
        const check = (wait: number): void => {
          watchdog = setTimeout(() => {
            const cpuNow = processCpuMs(worker.pid);
            const spent = cpuAtStart === undefined || cpuNow === undefined ? limit : cpuNow - cpuAtStart;
            const left = stallAt - performance.now();
            if (spent < limit && left > 0) return check(Math.min(Math.max(limit - spent, 250), left));
            lastError =
              spent >= limit
                ? `timed out after ${Math.round(limit / 1000)} s${cpuAtStart === undefined ? '' : ' of CPU time'} (the worker was stopped)`
                : `timed out: no answer in ${Math.round((limit * STALL_FACTOR) / 1000)} s, ${Math.round(spent / 1000)} s of CPU time spent (the worker was stopped)`;
            worker.kill('SIGKILL');
          }, wait);
        };
        check(limit);
      };
      // Each worker holds up to PREFETCH batches, so it starts the next one without waiting for
      // this process to read its answer and send more (a round trip per batch left it idle).
      const fill = (): void => {
        while (!recycling && held.length < PREFETCH && pending.length > 0) {
          const id = pending.shift()!;
          held.push(id);
          if (held.length === 1) guard();
          send({ type: 'batch', id, tasks: batches[id]!.map(toWire) });
        }
        if (held.length === 0) {
          clearTimeout(watchdog);
          if (recycling && pending.length > 0) {
            lastError = 'recycled';
            worker.kill(); // 'exit' starts a fresh worker for the remaining batches
            return;
          }
          finished = true;
          dropSuccessor();
          worker.kill();
        }
      };
      const start = (): void => {
        lastError = 'worker exited';
        bytesRead = 0;
        ready = false;
        recycling = false;
        held = [];
        const next = successor;
        successor = undefined;
        if (next) next.child.off('message', next.early);
        const started =
          next && next.child.exitCode === null && next.child.signalCode === null ? next : undefined;
        worker =
          started?.child ?? (spares?.url.href === url.href ? spares.take() : undefined) ?? forkWorker(url);
        worker.on('message', (raw) => {
          const msg = raw as FromWorker;
          if (msg.type === 'ready') {
            ready = true;
            clearTimeout(watchdog);
            return fill();
          }
          held = held.filter((id) => id !== msg.id);
          if (msg.type === 'done') onOutcomes(unpackOutcomes(msg.outcomes), msg.warnings);
          else onOutcomes(failedOutcomes(batches[msg.id]!, msg.message), []);
          bytesRead += batches[msg.id]!.reduce((n, t) => n + t.file.size, 0);
          // Past its share of source or of memory, a worker finishes what it holds and is replaced (see
          // RECYCLE_BYTES, RECYCLE_RSS_BYTES).
          const full = bytesRead >= recycleBytes || (msg.type === 'done' && (msg.rss ?? 0) >= recycleRss);
          if (full && pending.length > 0 && !recycling) {
            recycling = true;
            startSuccessor();
          }
          guard();
          fill();
        });
        worker.on('error', (err) => {
          lastError = `worker failed: ${err.message}`;
        });
        // The one place a worker ends: finished normally, or died holding batches (fail the one it
        // was running, hand the others back, go on).
        worker.on('exit', (code, signal) => {
          clearTimeout(watchdog);
          if (finished) return resolve();
          // A worker that cannot even start fails one batch per attempt, so the scan still ends.
          if (!ready && held.length === 0 && pending.length > 0) held.push(pending.shift()!);
          const [running, ...waiting] = held;
          held = [];
          pending.unshift(...waiting);
          if (running !== undefined) {
            const how = signal ? `signal ${signal}` : `code ${String(code)}`;
            const reason = lastError === 'worker exited' ? `worker exited (${how})` : lastError;
            onOutcomes(failedOutcomes(batches[running]!, reason), []);
          }
          if (pending.length > 0) start();
          else {
            dropSuccessor();
            resolve();
          }
        });
        // Batch time limits start once the worker has loaded; loading has a limit of its own.
        watchdog = setTimeout(() => {
          lastError = 'worker did not start';
          worker.kill('SIGKILL');
        }, STARTUP_TIMEOUT_MS);
        if (!started) send({ type: 'init', init });
        else if (started.ready) {
          ready = true;
          clearTimeout(watchdog);
          fill();
        }
      };
      start();
    });

  const n = Math.max(1, Math.min(size, batches.length));
  await Promise.all(Array.from({ length: n }, runOne));
}
