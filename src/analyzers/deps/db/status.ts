import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';

export interface DbStatus {
  path: string;
  exists: boolean;
  /** When the content last changed (import or update). */
  updatedAt?: string;
  /** When an update last confirmed the content current. */
  checkedAt?: string;
  /** Days since checkedAt (or updatedAt). */
  ageDays?: number;
  advisories: number;
  withdrawn: number;
  /** Advisories per OSV ecosystem. */
  ecosystems: Record<string, number>;
  sizeBytes?: number;
}

/** `vanguard db status`: age and counts per ecosystem. */
export function dbStatus(path: string, now = new Date()): DbStatus {
  if (!existsSync(path)) return { path, exists: false, advisories: 0, withdrawn: 0, ecosystems: {} };
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const meta = new Map(
      db
        .prepare<[], { key: string; value: string }>('SELECT key, value FROM meta')
        .all()
        .map((r) => [r.key, r.value]),
    );
    const counts = db
      .prepare<[], { n: number; w: number }>(
        'SELECT COUNT(*) AS n, COALESCE(SUM(withdrawn), 0) AS w FROM advisories',
      )
      .get();
    const ecosystems: Record<string, number> = {};
    for (const r of db
      .prepare<[], { ecosystem: string; n: number }>(
        'SELECT ecosystem, COUNT(DISTINCT id) AS n FROM affected GROUP BY ecosystem ORDER BY ecosystem',
      )
      .all()) {
      ecosystems[r.ecosystem] = r.n;
    }
    const updatedAt = meta.get('updated_at');
    const checkedAt = meta.get('checked_at') ?? updatedAt;
    const s: DbStatus = {
      path,
      exists: true,
      advisories: counts?.n ?? 0,
      withdrawn: counts?.w ?? 0,
      ecosystems,
      sizeBytes: statSync(path).size,
    };
    if (updatedAt) s.updatedAt = updatedAt;
    if (checkedAt) {
      s.checkedAt = checkedAt;
      s.ageDays = (now.getTime() - Date.parse(checkedAt)) / 86_400_000;
    }
    return s;
  } finally {
    db.close();
  }
}
