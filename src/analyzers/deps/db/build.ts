import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openForWrite, type Db } from './store.js';

/**
 * Applies `mutate` to a copy of the index and renames the copy over it, so readers only ever see the old or the
 * new file and an interrupted build leaves the old one in place.
 */
export function rebuildAtomically<T>(dbPath: string, mutate: (db: Db) => T): T {
  mkdirSync(dirname(dbPath), { recursive: true });
  removeStaleCopies(dbPath);
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
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
  }
}

const STALE_MS = 6 * 3600_000;

/** Deletes copies left by a build that was killed (older than six hours, so a concurrent build is never touched). */
function removeStaleCopies(dbPath: string): void {
  const prefix = `${basename(dbPath)}.tmp-`;
  const dir = dirname(dbPath);
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(prefix)) continue;
    const full = join(dir, f);
    if (Date.now() - statSync(full).mtimeMs > STALE_MS) rmSync(full, { force: true });
  }
}
