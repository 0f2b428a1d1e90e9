import type { RawRecord } from './archive.js';
import { readOsvPath } from './archive.js';
import { rebuildAtomically } from './build.js';
import { dropOrphans, dropSource, recordWriter, setMeta } from './store.js';

export interface ImportResult {
  records: number;
  withdrawn: number;
  seconds: number;
  perSecond: number;
}

/** Writes records into the index at `dbPath` under `source` (replacing what that source gave before), atomically. */
export function importRecords(
  dbPath: string,
  records: readonly RawRecord[],
  source: string,
  now = new Date(),
): ImportResult {
  const t0 = performance.now();
  rebuildAtomically(dbPath, (db) => {
    dropSource(db, source);
    const write = recordWriter(db, source);
    for (const r of records) write(r.record);
    dropOrphans(db);
    setMeta(db, 'updated_at', now.toISOString());
    setMeta(db, 'checked_at', now.toISOString());
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    records: records.length,
    withdrawn: records.filter((r) => r.record.withdrawn).length,
    seconds,
    perSecond: seconds > 0 ? records.length / seconds : records.length,
  };
}

/** `vanguard db import <zip|folder>`: loads OSV JSON for machines without internet. */
export async function importPath(dbPath: string, path: string): Promise<ImportResult> {
  const records = await readOsvPath(path);
  return importRecords(dbPath, records, `import:${path}`);
}
