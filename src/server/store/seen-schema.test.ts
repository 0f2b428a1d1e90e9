import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { makeFinding, makeResult } from '../../../test/helpers/scan-result.js';
import { freshStoreOptions, STORE_KINDS } from '../../../test/helpers/stores.js';
import { ensureProject, ingestReport } from '../ingest/ingest.js';
import { parseReport } from '../ingest/parse.js';
import { findingHistory, getFinding, listFindings } from './findings-query.js';
import { migrations } from './migrations.js';
import { openStore } from './open.js';
import type { Database } from './schema.js';

const OLD_TIME = '2026-01-01T00:00:00.000Z';

/** A store at version 10 holding one finding written the way versions before 11 wrote them. */
async function storeAtVersion10(kind: 'sqlite' | 'postgres') {
  const opts = await freshStoreOptions(kind);
  const db = new Kysely<Database>({
    dialect: opts.databaseUrl
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: opts.databaseUrl }) })
      : new SqliteDialect({ database: new SqliteDatabase(join(opts.dataDir!, 'vanguard.sqlite')) }),
  });
  const all = await migrations(kind).getMigrations();
  const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0011'));
  const r = await new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(before) },
  }).migrateToLatest();
  expect(r.error).toBeUndefined();
  const projectId = await ensureProject(db, 'old');
  const row = await db
    .insertInto('findings')
    .values({
      project_id: projectId,
      branch: 'main',
      fingerprint: 'old-1',
      rule_id: 'code/x',
      analyzer: 'code',
      severity: 'high',
      confidence: 'high',
      title: 'Token in URL',
      message: 'the session token is sent in the query string',
      remediation: 'r',
      path: 'src/auth.ts',
      start_line: 1,
      location: '{"path":"src/auth.ts","startLine":1}',
      cwe: '[]',
      owasp: '[]',
      principles: '[]',
      principle_mask: 0,
      owasp_mask: 0,
      tools: '["vanguard"]',
      phase: 'code',
      advisory: null,
      package_key: null,
      package: null,
      status: 'open',
      status_source: 'scan',
      status_reason: null,
      accepted_owner: null,
      accepted_until: null,
      introduced_at: null,
      first_seen: OLD_TIME,
      last_seen: OLD_TIME,
      fixed_at: null,
      sla_start: OLD_TIME,
      sla_due: null,
      detected_by: 'scan',
      first_scan_id: null,
      last_scan_id: null,
      tier: null,
      flow: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('finding_tools').values({ tool: 'vanguard', finding_id: row.id }).execute();
  await db.destroy();
  return { opts, projectId, id: row.id };
}

describe.each(STORE_KINDS)('migration 0011: sightings apart from the finding rows (%s)', (kind) => {
  it('keeps what findings stored before it say, then records re-sightings without rewriting the rows', async () => {
    const { opts, projectId, id } = await storeAtVersion10(kind);
    const store = await openStore(opts);
    try {
      // Stored before: its own last sighting, and the text search finds it (PostgreSQL copied its text).
      expect((await getFinding(store.db, id))?.lastSeen).toBe(OLD_TIME);
      const byText = async (text: string) =>
        (await listFindings(store.db, { limit: 10, offset: 0, sort: 'newest', text })).items.map(
          (f) => f.fingerprint,
        );
      expect(await byText('session TOKEN')).toEqual(['old-1']);
      expect(await byText('no such words')).toEqual([]);

      const target = { projectId, branch: 'main', actor: 'test' };
      const same = makeFinding({ fingerprint: 'old-1', ruleId: 'code/x', title: 'Token in URL' });
      const other = makeFinding({ fingerprint: 'new-1' });
      // The report describes it anew (a changed row, written in full), then twice the same (sightings).
      const first = await ingestReport(store, parseReport(makeResult([same, other])), target);
      expect(first).toMatchObject({ new: 1, fixed: 0 });
      const written = (await getFinding(store.db, id))!.lastSeen;
      expect(written > OLD_TIME).toBe(true);
      const again = await ingestReport(store, parseReport(makeResult([same, other])), target);
      expect(again).toMatchObject({ new: 0, fixed: 0, unchanged: 2 });
      const third = await ingestReport(store, parseReport(makeResult([same, other])), target);
      expect(third).toMatchObject({ new: 0, fixed: 0, unchanged: 2 });
      const view = (await getFinding(store.db, id))!;
      expect(view.lastSeen > written).toBe(true);
      expect(view.status).toBe('open');
      // The wide row kept the time of its last write; the sighting is the side table's one row.
      const raw = await store.db
        .selectFrom('findings')
        .select(['last_seen', 'last_scan_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(raw.last_seen).toBe(written);
      const sightings = await store.db
        .selectFrom('finding_seen')
        .selectAll()
        .where('finding_id', '=', id)
        .execute();
      expect(sightings).toEqual([{ finding_id: id, last_seen: view.lastSeen, last_scan_id: third.scanId }]);
      // The list shows the same last sighting as the single finding.
      const listed = (await listFindings(store.db, { limit: 10, offset: 0, sort: 'newest', projectId }))
        .items;
      expect(listed.find((f) => f.id === id)?.lastSeen).toBe(view.lastSeen);

      // A complete scan without it closes it (its sighting belongs to an earlier scan), one with it reopens it.
      const gone = await ingestReport(store, parseReport(makeResult([other])), target);
      expect(gone).toMatchObject({ fixed: 1 });
      expect((await getFinding(store.db, id))?.status).toBe('fixed');
      const back = await ingestReport(store, parseReport(makeResult([same, other])), target);
      expect(back).toMatchObject({ reopened: 1, fixed: 0 });
      expect((await findingHistory(store.db, id)).map((e) => e.to)).toEqual(['fixed', 'open']);

      if (kind === 'postgres') {
        // Search rows (migration 0012: a row per block of ids a statement wrote, and one per text
        // change): the old finding's block, its new text, the new finding's block. Sightings,
        // closing and reopening wrote none.
        const n = await sql<{ n: string }>`SELECT count(*) AS n FROM finding_search`.execute(store.db);
        expect(Number(n.rows[0]!.n)).toBe(3);
        const idx = await sql<{
          indexname: string;
        }>`SELECT indexname FROM pg_indexes WHERE tablename IN ('findings', 'finding_search') AND indexdef LIKE '%gin%'`.execute(
          store.db,
        );
        expect(idx.rows.map((r) => r.indexname)).toEqual(['finding_search_text']);
      }
      await ingestReport(
        store,
        parseReport(makeResult([{ ...same, message: 'a cookie without Secure' }, other])),
        target,
      );
      expect(await byText('req.query.id flows')).toEqual(['new-1']);
      expect(await byText('cookie without')).toEqual(['old-1']);
    } finally {
      await store.close();
      opts.cleanup();
    }
  });
});
