import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { VanguardError } from '../../../core/errors.js';
import { normaliseName } from '../osv/normalise.js';
import type { OsvAffected, OsvRecord } from '../osv/types.js';

export type Db = Database.Database;

const SCHEMA_VERSION = '1';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS advisories (id TEXT PRIMARY KEY, modified TEXT NOT NULL, withdrawn INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS affected (ecosystem TEXT NOT NULL, name TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (ecosystem, name, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS affected_id ON affected (id);
CREATE TABLE IF NOT EXISTS sources (source TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (source, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS feeds (ecosystem TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched_at TEXT NOT NULL, count INTEGER NOT NULL);
`;

/** Opens (creating if needed) an index for writing; the rollback journal keeps the file self-contained for renames. */
export function openForWrite(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  const v = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'schema_version'`).get();
  if (v && v.value !== SCHEMA_VERSION) {
    db.close();
    throw new VanguardError(
      'DATABASE',
      `advisory database at ${path} has schema ${v.value}, expected ${SCHEMA_VERSION}: run \`vanguard db update\` to rebuild it`,
    );
  }
  db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)`).run(SCHEMA_VERSION);
  return db;
}

/** Writes OSV records into an open index inside the caller's transaction; returns a function per record. */
export function recordWriter(db: Db, source: string): (record: OsvRecord) => void {
  const upsert = db.prepare(
    `INSERT INTO advisories (id, modified, withdrawn, json) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET modified = excluded.modified, withdrawn = excluded.withdrawn, json = excluded.json`,
  );
  const clear = db.prepare('DELETE FROM affected WHERE id = ?');
  const aff = db.prepare('INSERT OR IGNORE INTO affected (ecosystem, name, id) VALUES (?, ?, ?)');
  const src = db.prepare('INSERT OR IGNORE INTO sources (source, id) VALUES (?, ?)');
  return (r) => {
    const info = upsert.run(r.id, r.modified, r.withdrawn ? 1 : 0, JSON.stringify(slim(r)));
    if (info.changes > 0) clear.run(r.id);
    src.run(source, r.id);
    // Withdrawn records are kept for the record but never indexed for lookup.
    if (r.withdrawn) return;
    for (const a of r.affected ?? []) {
      const p = a.package;
      if (!p || typeof p.ecosystem !== 'string' || typeof p.name !== 'string') continue;
      const eco = p.ecosystem.split(':')[0]!;
      aff.run(eco, normaliseName(eco, p.name), r.id);
    }
  };
}

/**
 * What matching and findings need from a record. Details and references are left out: they are most of a
 * record's size, and parsing them for every looked-up package was the largest cost of a match.
 */
export function slim(r: OsvRecord): OsvRecord {
  const out: OsvRecord = { id: r.id, modified: r.modified };
  if (r.withdrawn) out.withdrawn = r.withdrawn;
  if (r.aliases) out.aliases = r.aliases;
  if (r.summary) out.summary = r.summary;
  else if (r.details) out.details = r.details.slice(0, 200);
  if (r.severity) out.severity = r.severity;
  if (r.affected) {
    out.affected = r.affected.map((a) => {
      const s: OsvAffected = {};
      if (a.package) s.package = a.package;
      if (a.ranges) s.ranges = a.ranges.filter((x) => x.type !== 'GIT');
      if (a.versions) s.versions = a.versions;
      const sev = (a as { severity?: unknown }).severity;
      if (sev !== undefined) (s as { severity?: unknown }).severity = sev;
      return s;
    });
  }
  const db = r.database_specific;
  if (db && (db.severity !== undefined || db.cwe_ids !== undefined)) {
    out.database_specific = {};
    if (db.severity !== undefined) out.database_specific.severity = db.severity;
    if (db.cwe_ids !== undefined) out.database_specific.cwe_ids = db.cwe_ids;
  }
  return out;
}

/** Drops what only `source` provided (before re-importing that source). */
export function dropSource(db: Db, source: string): void {
  db.prepare('DELETE FROM sources WHERE source = ?').run(source);
}

/** Removes advisories no source provides any more, and their index rows. */
export function dropOrphans(db: Db): void {
  db.exec(`DELETE FROM advisories WHERE id NOT IN (SELECT id FROM sources);
           DELETE FROM affected WHERE id NOT IN (SELECT id FROM advisories);`);
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
}

/** Read-only access for scans: one lookup per package, records parsed once per process. */
export class AdvisoryIndex {
  private readonly lookupStmt: Database.Statement<[string, string], { id: string; json: string }>;
  private readonly manyStmt: Database.Statement<
    [{ eco: string; names: string }],
    { name: string; id: string; json: string }
  >;
  private readonly cache = new Map<string, OsvRecord>();

  private constructor(private readonly db: Db) {
    this.lookupStmt = db.prepare(
      'SELECT a.id AS id, a.json AS json FROM affected f JOIN advisories a ON a.id = f.id WHERE f.ecosystem = ? AND f.name = ?',
    );
    this.manyStmt = db.prepare(
      `SELECT f.name AS name, a.id AS id, a.json AS json FROM affected f JOIN advisories a ON a.id = f.id
       WHERE f.ecosystem = @eco AND f.name IN (SELECT value FROM json_each(@names))`,
    );
  }

  /** Opens an existing index read-only; DATABASE error when there is none. */
  static open(path: string): AdvisoryIndex {
    if (!existsSync(path)) {
      throw new VanguardError(
        'DATABASE',
        `no advisory database at ${path}: run \`vanguard db update\` or \`vanguard db import <zip|folder>\``,
      );
    }
    try {
      return new AdvisoryIndex(new Database(path, { readonly: true, fileMustExist: true }));
    } catch (err) {
      throw new VanguardError(
        'DATABASE',
        `cannot open the advisory database at ${path}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  /** Records for many packages of one ecosystem in one query, keyed by normalised name. */
  lookupMany(ecosystem: string, names: readonly string[]): Map<string, OsvRecord[]> {
    const out = new Map<string, OsvRecord[]>();
    const keys = [...new Set(names.map((n) => normaliseName(ecosystem, n)))];
    for (let i = 0; i < keys.length; i += 5000) {
      for (const row of this.manyStmt.all({
        eco: ecosystem,
        names: JSON.stringify(keys.slice(i, i + 5000)),
      })) {
        let r = this.cache.get(row.id);
        if (!r) {
          r = JSON.parse(row.json) as OsvRecord;
          this.cache.set(row.id, r);
        }
        const l = out.get(row.name);
        if (l) l.push(r);
        else out.set(row.name, [r]);
      }
    }
    return out;
  }

  /** Every non-withdrawn record that names the package (ranges not yet checked). */
  lookup(ecosystem: string, name: string): OsvRecord[] {
    const out: OsvRecord[] = [];
    for (const row of this.lookupStmt.all(ecosystem, normaliseName(ecosystem, name))) {
      let r = this.cache.get(row.id);
      if (!r) {
        r = JSON.parse(row.json) as OsvRecord;
        this.cache.set(row.id, r);
      }
      out.push(r);
    }
    return out;
  }

  meta(key: string): string | undefined {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)
      ?.value;
  }

  close(): void {
    this.db.close();
  }
}
