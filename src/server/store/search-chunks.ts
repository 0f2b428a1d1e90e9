import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';
import type { Dialect } from './migrations.js';
import { searchText } from './search-schema.js';

/**
 * How many findings share a row of PostgreSQL's search table (migration 12): those whose ids fall in
 * one block of this many (`id / SEARCH_CHUNK`). A finding's trigram entries were most of the cost
 * of storing a new finding (about 100 each, mostly words that many findings share: "in", "module",
 * "src", the rule's own words); a row for a block stores each shared trigram once. A search takes
 * the findings of every matching block as candidates (written together, they lie side by side in
 * the table) and the exact test on each finding's own columns keeps those that match.
 */
export const SEARCH_CHUNK = 8;

/** The block of a finding id, as the index on findings and the search table spell it. */
export function searchBlock(idColumn: string): RawBuilder<number> {
  return sql<number>`(${sql.ref(idColumn)} / ${sql.lit(SEARCH_CHUNK)})`;
}

/** The search text of the findings in `from`, one row per block of ids. */
function blockRows(from: string): RawBuilder<unknown> {
  return sql`SELECT ${searchBlock('n.id')}, string_agg(lower(${searchText('n.')}), ${sql.lit('\n')})
      FROM ${sql.raw(from)} n GROUP BY 1`;
}

/**
 * Version 12 (issue #14, ingest of new findings on PostgreSQL): the search text of version 11, a
 * row per finding, becomes a row per block of ids (SEARCH_CHUNK findings), found from a finding
 * through an index on its block. Rows are never merged: the findings of a block written by two
 * statements (one report's batches, or two reports at once) have a row each, so no writer waits
 * for another. A finding whose text changes gets a row of its own (`finding_id` set), replaced at
 * each later change; its block's row keeps the text it was first stored with, which can only make
 * it a candidate that the exact test rejects. So the table holds at most two texts per finding.
 * SQLite keeps its full-text table (a trigram index that stores only trigrams costs far less there).
 */
export function v12SearchChunks(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`DROP TABLE finding_search`.execute(db);
      await sql`CREATE TABLE finding_search (block integer NOT NULL, finding_id integer, text text NOT NULL)`.execute(
        db,
      );
      await sql`INSERT INTO finding_search (block, text) ${blockRows('findings')}`.execute(db);
      await sql`CREATE INDEX finding_search_block ON finding_search (block)`.execute(db);
      await sql`CREATE INDEX findings_search_block ON findings (${searchBlock('id')})`.execute(db);
      // The functions of version 11 keep their triggers and get new bodies. (Column references
      // only, no parameters: the bodies are function source text.)
      await sql`CREATE OR REPLACE FUNCTION finding_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          INSERT INTO finding_search (block, text) ${blockRows('new_rows')};
          RETURN NULL; END $$`.execute(db);
      await sql`CREATE OR REPLACE FUNCTION finding_search_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          DELETE FROM finding_search WHERE block = (NEW.id / ${sql.lit(SEARCH_CHUNK)}) AND finding_id = NEW.id;
          INSERT INTO finding_search (block, finding_id, text)
            SELECT ${searchBlock('n.id')}, n.id, lower(${searchText('n.')}) FROM (SELECT NEW.*) AS n;
          RETURN NULL; END $$`.execute(db);
      const trgm = await sql`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
      if (trgm.rows.length > 0)
        await sql`CREATE INDEX finding_search_text ON finding_search USING gin (text gin_trgm_ops)`.execute(
          db,
        );
    },
  };
}
