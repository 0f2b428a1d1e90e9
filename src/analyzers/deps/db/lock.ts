import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { VanguardError } from '../../../core/errors.js';

/** How long a second import or update waits for the first before it gives up (milliseconds). */
export const DEFAULT_LOCK_WAIT_MS = 120_000;
const POLL_MS = 100;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid written in a lock file, or undefined when it cannot be read (being written, or garbage). */
function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (err) {
    void err; // Gone or unreadable between the failed create and this read: the caller retries.
    return undefined;
  }
}

/**
 * Runs `fn` holding `<dbPath>.lock`, so imports and updates of one database run one after the other (two
 * at once would each rebuild from the same old copy, and the last rename would drop the other's
 * advisories). A second writer waits up to `waitMs`, then fails with the holder's pid; a lock whose
 * process is gone (a killed run) is taken over.
 */
export function withDbLock<T>(dbPath: string, fn: () => T, waitMs = DEFAULT_LOCK_WAIT_MS): T {
  const path = `${dbPath}.lock`;
  const deadline = Date.now() + waitMs;
  let unreadableSince: number | undefined;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
      } finally {
        closeSync(fd);
      }
      try {
        return fn();
      } finally {
        rmSync(path, { force: true });
      }
    }
    const pid = holder(path);
    // A lock without a readable pid for a few seconds was left half-written by a killed run.
    if (pid === undefined) unreadableSince ??= Date.now();
    else unreadableSince = undefined;
    if (
      (pid !== undefined && !alive(pid)) ||
      (unreadableSince !== undefined && Date.now() - unreadableSince > 5000)
    ) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new VanguardError(
        'DATABASE',
        `another vanguard process${pid !== undefined ? ` (pid ${pid})` : ''} is writing the advisory database ${dbPath}; ` +
          `waited ${Math.round(waitMs / 1000)} s. Try again when it has finished, or remove ${path} if no such process runs.`,
      );
    }
    sleep(POLL_MS);
  }
}
