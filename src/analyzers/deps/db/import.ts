import { osvRecordsAt, Rejections, type RawRecord } from './archive.js';
import { rebuildAtomically } from './build.js';
import { dropOrphans, dropSource, recordWriter, setMeta } from './store.js';

export interface ImportResult {
  records: number;
  withdrawn: number;
  seconds: number;
  perSecond: number;
  /** Entries that were not valid OSV records: left out, counted, the first ones named. */
  rejected: number;
  rejectedExamples: { name: string; reason: string }[];
}

/**
 * Writes records into the index at `dbPath` under `source` (replacing what that source gave before), atomically:
 * records are verified as they are read, and the first invalid one abandons the new copy.
 */
export function importRecords(
  dbPath: string,
  records: Iterable<RawRecord>,
  source: string,
  now = new Date(),
  rejections: Rejections = new Rejections(),
): ImportResult {
  const t0 = performance.now();
  let count = 0;
  let withdrawn = 0;
  rebuildAtomically(dbPath, (db) => {
    dropSource(db, source);
    const write = recordWriter(db, source);
    for (const r of records) {
      write(r.record);
      count++;
      if (r.record.withdrawn) withdrawn++;
    }
    dropOrphans(db);
    setMeta(db, 'updated_at', now.toISOString());
    setMeta(db, 'checked_at', now.toISOString());
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    records: count,
    withdrawn,
    seconds,
    perSecond: seconds > 0 ? count / seconds : count,
    rejected: rejections.count,
    rejectedExamples: rejections.first,
  };
}

/**
 * `vanguard db import <zip|folder>`: loads OSV JSON for machines without internet. Entries that are not
 * valid OSV records are rejected (counted and named in the result); the others are imported.
 */
export function importPath(dbPath: string, path: string): Promise<ImportResult> {
  return Promise.resolve().then(() => {
    const rejections = new Rejections();
    return importRecords(
      dbPath,
      osvRecordsAt(path, rejections.onReject),
      `import:${path}`,
      new Date(),
      rejections,
    );
  });
}
