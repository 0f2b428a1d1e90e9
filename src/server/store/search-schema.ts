import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';
import type { Dialect } from './migrations.js';

/**
 * The text a findings search looks in: title, message, path and rule id on one line each. The same
 * expression is SQLite's full-text source and, lower-cased, what fills PostgreSQL's finding_search
 * table (migration 11; migration 7 indexed it on findings directly).
 */
export function searchText(prefix = ''): RawBuilder<string> {
  const col = (c: string) => sql.ref(`${prefix}${c}`);
  const nl = sql.raw(`'\n'`);
  return sql<string>`${col('title')} || ${nl} || ${col('message')} || ${nl} || ${col('path')} || ${nl} || ${col('rule_id')}`;
}

/** SQLite's full-text index of searchText(), a trigram index that answers LIKE '%…%'. */
export const SQLITE_SEARCH_TABLE = 'findings_search';

// Bits of the label masks as they were when this version was written (labels.ts appends; a later
// bit gets its index from a later version): five principles, the ten OWASP Top 10:2025 categories.
const LABEL_BITS: readonly (readonly ['principle_mask' | 'owasp_mask', number])[] = [
  ...[0, 1, 2, 3, 4].map((i) => ['principle_mask', 1 << i] as const),
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ['owasp_mask', 1 << i] as const),
];

/** The name of the partial index of one label bit; the query spells the same predicate. */
export function labelIndexName(column: 'principle_mask' | 'owasp_mask', bit: number): string {
  return `findings_${column === 'principle_mask' ? 'principle' : 'owasp'}_${bit}`;
}

/** PostgreSQL: the trigram extension when the server has it and lets this role create it. */
async function trigramExtension(db: Kysely<unknown>): Promise<boolean> {
  const available = await sql<{
    n: number;
  }>`SELECT 1 AS n FROM pg_available_extensions WHERE name = 'pg_trgm'`.execute(db);
  if (available.rows.length === 0) return false;
  // A savepoint: without the privilege the migration goes on, and the search stays a plain scan.
  await sql`SAVEPOINT vanguard_trgm`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`RELEASE SAVEPOINT vanguard_trgm`.execute(db);
    return true;
  } catch (err) {
    await sql`ROLLBACK TO SAVEPOINT vanguard_trgm`.execute(db);
    process.stderr.write(
      `vanguard: text search of findings is not indexed (CREATE EXTENSION pg_trgm: ${(err as Error).message})\n`,
    );
    return false;
  }
}

/**
 * Version 7 (issue #14, a million findings): indexes for the filters that read every row before.
 * One partial index per principle and OWASP bit, ordered by id (the page order) and carrying the
 * columns pages filter on most, so a page and its capped count read only index entries of that
 * label; a trigram index for the text search (FTS5 on SQLite, pg_trgm on PostgreSQL).
 */
export function v7Search(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const [column, bit] of LABEL_BITS)
        await db.schema
          .createIndex(labelIndexName(column, bit))
          .on('findings')
          .columns(['id', 'project_id', 'status', 'severity'])
          .where(sql<boolean>`(${sql.ref(column)} & ${sql.lit(bit)}) <> 0`)
          .execute();
      if (dialect === 'postgres') {
        if (await trigramExtension(db))
          await sql`CREATE INDEX findings_search ON findings USING gin ((lower(${searchText()})) gin_trgm_ops)`.execute(
            db,
          );
        return;
      }
      // External content read through a view: the index stores trigrams only (detail none), and
      // a LIKE over it checks each candidate against the view's text.
      const text = (row: string) => searchText(`${row}.`);
      await sql`CREATE VIEW findings_search_source AS SELECT id, ${searchText()} AS text FROM findings`.execute(
        db,
      );
      await sql`CREATE VIRTUAL TABLE ${sql.raw(SQLITE_SEARCH_TABLE)} USING fts5(text, content='findings_search_source', content_rowid='id', tokenize='trigram', detail='none')`.execute(
        db,
      );
      await sql`CREATE TRIGGER findings_search_insert AFTER INSERT ON findings BEGIN
        INSERT INTO findings_search (rowid, text) VALUES (new.id, ${text('new')}); END`.execute(db);
      await sql`CREATE TRIGGER findings_search_update AFTER UPDATE OF title, message, path, rule_id ON findings BEGIN
        INSERT INTO findings_search (findings_search, rowid, text) VALUES ('delete', old.id, ${text('old')});
        INSERT INTO findings_search (rowid, text) VALUES (new.id, ${text('new')}); END`.execute(db);
      await sql`INSERT INTO findings_search (findings_search) VALUES ('rebuild')`.execute(db);
    },
  };
}
