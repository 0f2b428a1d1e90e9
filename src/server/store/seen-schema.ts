import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './migrations.js';
import { searchText } from './search-schema.js';

/**
 * PostgreSQL: the search text moves from a trigram index on the findings to its own narrow table,
 * kept by triggers (as SQLite's full-text table is). A finding's status changes (a scan closing it,
 * triage, reopening) write a new version of its row and, unless the update stays on its page, an
 * entry in every index of findings: with the trigram index there, about a hundred trigram entries
 * each time, though the text had not changed. Now only a change of the text itself writes them.
 */
async function searchTable(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE finding_search (finding_id integer PRIMARY KEY, text text NOT NULL)`.execute(db);
  await sql`INSERT INTO finding_search SELECT f.id, lower(${searchText('f.')}) FROM findings f`.execute(db);
  // One statement-level trigger per insert statement: the rows of a bulk insert go in with one INSERT.
  // (The bodies hold column references only, no parameters: they are function source text.)
  await sql`CREATE FUNCTION finding_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      INSERT INTO finding_search (finding_id, text) SELECT n.id, lower(${searchText('n.')}) FROM new_rows n;
      RETURN NULL; END $$`.execute(db);
  await sql`CREATE TRIGGER finding_search_insert AFTER INSERT ON findings REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION finding_search_insert()`.execute(db);
  // Updates: only those that change the text run the function (a status change never does).
  await sql`CREATE FUNCTION finding_search_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      UPDATE finding_search SET text = (SELECT lower(${searchText('n.')}) FROM (SELECT NEW.*) AS n)
        WHERE finding_id = NEW.id;
      RETURN NULL; END $$`.execute(db);
  await sql`CREATE TRIGGER finding_search_update AFTER UPDATE OF title, message, path, rule_id ON findings
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.message IS DISTINCT FROM NEW.message
      OR OLD.path IS DISTINCT FROM NEW.path OR OLD.rule_id IS DISTINCT FROM NEW.rule_id)
    EXECUTE FUNCTION finding_search_update()`.execute(db);
  // The trigram index when version 7 could create the extension; without it a search reads this
  // narrow table instead of the wide findings.
  const trgm = await sql`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
  if (trgm.rows.length > 0)
    await sql`CREATE INDEX finding_search_text ON finding_search USING gin (text gin_trgm_ops)`.execute(db);
  await sql`DROP INDEX IF EXISTS findings_search`.execute(db);
}

/**
 * Version 11 (issue #14, ingest speed). First, the sightings of findings that a re-scan reports
 * unchanged go to a narrow side table instead of the wide finding row: updating last_seen in place
 * rewrote the whole row and, whenever the page had no room for a HOT update (four rows in five), an
 * entry in every finding index and the trigram index. Findings stored before keep their own
 * last_seen, which stays right: a finding's last sighting is the later of its row's and this
 * table's. The findings table goes back to full pages on PostgreSQL: the room version 4 left in
 * each page was for those in-place updates. Second, on PostgreSQL, the search text's own table.
 */
export function v11Seen(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let seen = db.schema
        .createTable('finding_seen')
        // SQLite: an INTEGER PRIMARY KEY is the rowid itself, so a sighting is one b-tree entry.
        .addColumn('finding_id', 'integer', (c) => c.primaryKey())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .addColumn('last_scan_id', 'integer');
      // Half of each page free: the next sighting of a row is written beside it (a HOT update that
      // touches no index), and pruning reclaims the one before.
      if (dialect === 'postgres') seen = seen.modifyEnd(sql`with (fillfactor = 50)`);
      await seen.execute();
      if (dialect !== 'postgres') return;
      await sql`ALTER TABLE findings RESET (fillfactor)`.execute(db);
      await searchTable(db);
    },
  };
}
