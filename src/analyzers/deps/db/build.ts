import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openForWrite, type Db } from './store.js';

/**
 * Applies `mutate` to a copy of the index and renames the copy over it, so readers only ever see the old or the
 * new file and an interrupted build leaves the old one in place.
 */
export function rebuildAtomically<T>(dbPath: string, mutate: (db: Db) => T): T {
  mkdirSync(dirname(dbPath), { recursive: true });
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
