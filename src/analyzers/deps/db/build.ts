import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { withDbLock } from './lock.js';
import { openForWrite, type Db } from './store.js';

/**
 * Applies `mutate` to a copy of the index and renames the copy over it, so readers only ever see the old or the
 * new file and an interrupted build leaves the old one in place. Builds of one database are serialised by
 * a lock file; while it is held, copies and journals left by killed builds are removed.
 */
export function rebuildAtomically<T>(dbPath: string, mutate: (db: Db) => T, lockWaitMs?: number): T {
  mkdirSync(dirname(dbPath), { recursive: true });
  return withDbLock(dbPath, () => rebuildLocked(dbPath, mutate), lockWaitMs);
}

function rebuildLocked<T>(dbPath: string, mutate: (db: Db) => T): T {
  removeLeftovers(dbPath);
  const tmp = `${dbPath}.tmp-${process.pid}-${Date.now()}`;
  try {
    if (existsSync(dbPath)) copyFileSync(dbPath, tmp);
    const db = openForWrite(tmp);
    let result: T;
    try {
      result = db.transaction(() => mutate(db))();
    } finally {
      db.close();
    }
    renameSync(tmp, dbPath);
    return result;
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${tmp}${suffix}`, { force: true });
  }
}

const STALE_MS = 6 * 3600_000;

/**
 * Deletes copies and journals left by builds that were killed. Under the lock no other build runs, so
 * every copy with a pid that is gone is a leftover; a copy of a live pid (an older version of Vanguard
 * that took no lock) is only removed after six hours.
 */
function removeLeftovers(dbPath: string): void {
  const prefix = `${basename(dbPath)}.tmp-`;
  const dir = dirname(dbPath);
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(prefix)) continue;
    const full = join(dir, f);
    const pid = Number(/^(\d+)-/.exec(f.slice(prefix.length))?.[1]);
    let mtime: number;
    try {
      mtime = statSync(full).mtimeMs;
    } catch (err) {
      void err; // Removed meanwhile with its copy.
      continue;
    }
    if (!pidAlive(pid) || Date.now() - mtime > STALE_MS) rmSync(full, { force: true });
  }
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
