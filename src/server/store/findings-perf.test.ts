import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFinding, makeResult } from '../../../test/helpers/scan-result.js';
import { freshStore, freshStoreOptions, STORE_KINDS } from '../../../test/helpers/stores.js';
import { ensureProject, ingestReport } from '../ingest/ingest.js';
import { parseReport } from '../ingest/parse.js';
import { findingHistory, listFindings, TOTAL_CAP, type FindingFilter } from './findings-query.js';
import { migrations } from './migrations.js';
import { openStore, type Store } from './open.js';
import type { Database } from './schema.js';

const PAGE: FindingFilter = { limit: 500, offset: 0, sort: 'oldest' };

function sarifFrom(tool: string, fingerprints: string[]) {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool, rules: [] } },
        results: fingerprints.map((fp) => ({
          ruleId: 'r1',
          level: 'error',
          message: { text: 'bad' },
          partialFingerprints: { primary: fp },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'a.ts' }, region: { startLine: 1 } } }],
        })),
      },
    ],
  };
}

describe.each(STORE_KINDS)('bulk ingest and indexed filters (%s)', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
  });
  afterAll(async () => dispose());

  it('writes new, changed and merely re-seen findings in bulk with the same outcome row by row', async () => {
    const target = { projectId: await ensureProject(store.db, 'bulk'), branch: 'main', actor: 'test' };
    const findings = Array.from({ length: 2500 }, (_, i) =>
      makeFinding({
        fingerprint: `b${i}`,
        severity: i % 2 ? 'low' : 'high',
        principles: i % 3 === 0 ? ['logging'] : ['encryption', 'authentication'],
        owasp: i % 5 === 0 ? ['A05:2025'] : ['A02:2025'],
      }),
    );
    const first = await ingestReport(store, parseReport(makeResult(findings)), target);
    expect(first).toMatchObject({ total: 2500, new: 2500, fixed: 0 });
    // Again, with one finding changed and one gone: 2,497 only re-seen.
    const next = findings
      .slice(0, 2499)
      .map((f, i) => (i === 7 ? { ...f, severity: 'critical' as const } : f));
    const again = await ingestReport(store, parseReport(makeResult(next)), target);
    expect(again).toMatchObject({ total: 2499, new: 0, fixed: 1, unchanged: 2499 });
    const all = await listFindings(store.db, { ...PAGE, projectId: target.projectId, limit: 500 });
    expect(all.total).toBe(TOTAL_CAP);
    expect(all.totalExact).toBe(false);
    const seven = (
      await listFindings(store.db, { ...PAGE, projectId: target.projectId, severity: ['critical'] })
    ).items;
    expect(seven.map((f) => f.fingerprint)).toEqual(['b7']);
    // Every reported finding was seen by the second scan; the one it left out was closed by it.
    const open = await listFindings(store.db, {
      ...PAGE,
      projectId: target.projectId,
      status: ['open'],
      limit: 1,
    });
    expect(
      open.items[0]!.lastSeen > open.items[0]!.firstSeen ||
        open.items[0]!.lastSeen === open.items[0]!.firstSeen,
    ).toBe(true);
    const gone = (await listFindings(store.db, { ...PAGE, projectId: target.projectId, status: ['fixed'] }))
      .items;
    expect(gone.map((f) => f.fingerprint)).toEqual(['b2499']);
    expect((await findingHistory(store.db, gone[0]!.id)).map((e) => e.to)).toEqual(['open', 'fixed']);
    expect((await findingHistory(store.db, seven[0]!.id)).map((e) => e.to)).toEqual(['open']);
  });

  it('filters by principle, OWASP category and tool through indexed columns, exactly', async () => {
    const projectId = await ensureProject(store.db, 'labels');
    const target = { projectId, branch: 'main', actor: 'test' };
    await ingestReport(
      store,
      parseReport(
        makeResult([
          makeFinding({ fingerprint: 'l1', principles: ['logging'], owasp: ['A09:2025'] }),
          makeFinding({ fingerprint: 'l2', principles: ['encryption', 'logging'], owasp: ['A04:2025'] }),
          makeFinding({ fingerprint: 'l3', principles: ['zoning-containment'], owasp: [] }),
        ]),
      ),
      target,
    );
    const fps = async (f: Partial<FindingFilter>) =>
      (await listFindings(store.db, { ...PAGE, projectId, ...f })).items.map((x) => x.fingerprint).sort();
    expect(await fps({ principle: 'logging' })).toEqual(['l1', 'l2']);
    expect(await fps({ principle: 'authentication' })).toEqual([]);
    expect(await fps({ owasp: 'A04:2025' })).toEqual(['l2']);
    // A second tool reports l2 (without principles: the latest report describes it) and one of its own.
    await ingestReport(store, parseReport(sarifFrom('semgrep', ['l2', 's9'])), target);
    expect(await fps({ principle: 'logging' })).toEqual(['l1']);
    expect(await fps({ tool: 'semgrep' })).toEqual(['l2', 's9']);
    expect(await fps({ tool: 'vanguard' })).toEqual(['l1', 'l2', 'l3']);
    const both = (await listFindings(store.db, { ...PAGE, projectId, tool: 'semgrep' })).items.find(
      (f) => f.fingerprint === 'l2',
    );
    expect(both?.tools).toEqual(['semgrep', 'vanguard']);
  });

  it('searches title, message, path and rule id by substring through the text index, exactly', async () => {
    const projectId = await ensureProject(store.db, 'search');
    const target = { projectId, branch: 'main', actor: 'test' };
    const report = (message: string) =>
      parseReport(
        makeResult([
          makeFinding({
            fingerprint: 't1',
            title: 'Token in URL',
            message,
            location: { path: 'src/Auth.ts' },
          }),
          makeFinding({ fingerprint: 't2', title: 'Weak hash', message: 'md5 of 100%_sure data' }),
          makeFinding({ fingerprint: 't3', ruleId: 'secrets/aws-access-key', message: 'key found' }),
          // Every word of a search, but not as one substring: a trigram index alone would say yes.
          makeFinding({ fingerprint: 't4', title: 'url token', message: 'a token; in a url' }),
        ]),
      );
    await ingestReport(store, report('the session TOKEN is sent in the query string'), target);
    const fps = async (text: string) =>
      (await listFindings(store.db, { ...PAGE, projectId, text })).items.map((x) => x.fingerprint).sort();
    expect(await fps('token in url')).toEqual(['t1']);
    expect(await fps('session token')).toEqual(['t1']);
    expect(await fps('src/auth')).toEqual(['t1']);
    expect(await fps('aws-access')).toEqual(['t3']);
    // LIKE wildcards in the search are characters to find, not wildcards.
    expect(await fps('100%_s')).toEqual(['t2']);
    expect(await fps('10%s')).toEqual([]);
    // Shorter than a trigram: still answered (by a scan).
    expect(await fps('d5')).toEqual(['t2']);
    expect(await fps('no such text anywhere')).toEqual([]);
    // A later scan rewrites a message: the index follows it.
    await ingestReport(store, report('the cookie is sent in clear'), target);
    expect(await fps('session token')).toEqual([]);
    expect(await fps('cookie is sent')).toEqual(['t1']);
  });

  it('pages most severe first, newest first within a severity, across the severities', async () => {
    const projectId = await ensureProject(store.db, 'by-severity');
    const target = { projectId, branch: 'main', actor: 'test' };
    const order = ['low', 'critical', 'info', 'high', 'low', 'medium', 'critical', 'low', 'info'] as const;
    await ingestReport(
      store,
      parseReport(makeResult(order.map((severity, i) => makeFinding({ fingerprint: `v${i}`, severity })))),
      target,
    );
    // By hand: critical v6 v1, high v3, medium v5, low v7 v4 v0, info v8 v2 (higher id is newer).
    const expected = ['v6', 'v1', 'v3', 'v5', 'v7', 'v4', 'v0', 'v8', 'v2'];
    const page = async (offset: number, limit: number, f: Partial<FindingFilter> = {}) =>
      (await listFindings(store.db, { limit, offset, sort: 'severity', projectId, ...f })).items.map(
        (x) => x.fingerprint,
      );
    expect(await page(0, 50)).toEqual(expected);
    // Pages that start inside a severity, at its border, and past the last one.
    for (const [offset, limit] of [
      [0, 2],
      [1, 3],
      [2, 2],
      [4, 4],
      [7, 5],
      [9, 5],
    ] as const)
      expect(await page(offset, limit), `offset ${offset}, limit ${limit}`).toEqual(
        expected.slice(offset, offset + limit),
      );
    expect(await page(1, 3, { severity: ['low', 'critical'] })).toEqual(['v1', 'v7', 'v4']);
    const all = await listFindings(store.db, { limit: 2, offset: 0, sort: 'severity', projectId });
    expect(all).toMatchObject({ total: 9, totalExact: true, nextAfter: null });
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const projectId = await ensureProject(store.db, 'keyset');
    const target = { projectId, branch: 'main', actor: 'test' };
    await ingestReport(
      store,
      parseReport(makeResult(Array.from({ length: 23 }, (_, i) => makeFinding({ fingerprint: `k${i}` })))),
      target,
    );
    const seen: string[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await listFindings(store.db, {
        limit: 5,
        offset: 0,
        sort: 'newest',
        projectId,
        ...(after !== undefined ? { after } : {}),
      });
      expect(page.total).toBe(23);
      expect(page.totalExact).toBe(true);
      seen.push(...page.items.map((f) => f.fingerprint));
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });
});

describe.each(STORE_KINDS)('migration 0004 on a store with findings (%s)', (kind) => {
  it('fills the principle and OWASP bits and the tools table for findings stored before it', async () => {
    const opts = await freshStoreOptions(kind);
    // A store at version 1 only, with a finding, which openStore then migrates to the latest.
    const db = new Kysely<Database>({
      dialect: opts.databaseUrl
        ? new PostgresDialect({ pool: new pg.Pool({ connectionString: opts.databaseUrl }) })
        : new SqliteDialect({ database: new SqliteDatabase(join(opts.dataDir!, 'vanguard.sqlite')) }),
    });
    const all = await migrations(kind).getMigrations();
    const onlyV1 = await new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve({ '0001_initial': all['0001_initial']! }) },
    }).migrateToLatest();
    expect(onlyV1.error).toBeUndefined();
    const projectId = await ensureProject(db, 'old');
    await db
      .insertInto('findings')
      .values({
        project_id: projectId,
        branch: 'main',
        fingerprint: 'old-1',
        rule_id: 'code/x',
        analyzer: 'code',
        severity: 'high',
        confidence: 'high',
        title: 't',
        message: 'm',
        remediation: 'r',
        path: 'a.ts',
        start_line: 1,
        location: '{"path":"a.ts","startLine":1}',
        cwe: '[89]',
        owasp: '["A05:2025"]',
        principles: '["logging","encryption"]',
        tools: '["semgrep","vanguard"]',
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
        first_seen: '2026-01-01T00:00:00.000Z',
        last_seen: '2026-01-01T00:00:00.000Z',
        fixed_at: null,
        sla_start: '2026-01-01T00:00:00.000Z',
        sla_due: null,
        detected_by: 'scan',
        first_scan_id: null,
        last_scan_id: null,
      } as never)
      .execute();
    await db.destroy();
    const store = await openStore(opts);
    try {
      const fps = async (f: Partial<FindingFilter>) =>
        (await listFindings(store.db, { ...PAGE, ...f })).items.map((x) => x.fingerprint);
      expect(await fps({ principle: 'logging' })).toEqual(['old-1']);
      expect(await fps({ principle: 'authentication' })).toEqual([]);
      expect(await fps({ owasp: 'A05:2025' })).toEqual(['old-1']);
      expect(await fps({ tool: 'semgrep' })).toEqual(['old-1']);
      expect(await fps({ tool: 'trivy' })).toEqual([]);
      // Version 7 indexed the text of findings stored before it.
      expect(await fps({ text: 'A.TS' })).toEqual(['old-1']);
      expect(await fps({ text: 'b.ts' })).toEqual([]);
    } finally {
      await store.close();
      opts.cleanup();
    }
  });
});

describe('migration 0007 without the right to create pg_trgm (postgres)', () => {
  it('migrates, says the text search is not indexed, and still answers it exactly', async () => {
    const url = await freshStoreOptions('postgres');
    const admin = new pg.Client({ connectionString: url.databaseUrl });
    await admin.connect();
    // A role that may create tables in the schema but not extensions in the database.
    const role = `noext_${process.pid}_${Date.now().toString(36)}`;
    try {
      // vanguard-ignore: code/js-sql-injection-audit the role name is built above from the pid and a clock
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      // vanguard-ignore: code/js-sql-injection-audit the role name is built above from the pid and a clock
      await admin.query(`GRANT CREATE, USAGE ON SCHEMA public TO ${role}`);
    } finally {
      await admin.end();
    }
    const u = new URL(url.databaseUrl!);
    u.username = role;
    const said: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (s: string) => {
      said.push(String(s));
      return true;
    };
    let store: Store;
    try {
      store = await openStore({ databaseUrl: u.toString() });
    } finally {
      process.stderr.write = write;
    }
    try {
      expect(said.join('')).toMatch(
        /text search of findings is not indexed \(CREATE EXTENSION pg_trgm: permission denied/,
      );
      const projectId = await ensureProject(store.db, 'plain');
      await ingestReport(
        store,
        parseReport(makeResult([makeFinding({ fingerprint: 'p1', message: 'Session TOKEN in the URL' })])),
        { projectId, branch: 'main', actor: 'test' },
      );
      const fps = async (text: string) =>
        (await listFindings(store.db, { ...PAGE, text })).items.map((x) => x.fingerprint);
      expect(await fps('token in the url')).toEqual(['p1']);
      expect(await fps('token in a url')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
