import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { shopDeployment } from '../../../test/helpers/deployment.js';
import { freshStoreOptions, STORE_KINDS } from '../../../test/helpers/stores.js';
import { ensureProject } from '../ingest/ingest.js';
import { routeFacts } from '../operate/record.js';
import { createHook, signingKeys } from '../operate/hooks.js';
import { addUser } from '../auth/accounts.js';
import { buildApp } from '../http/app.js';
import { openQueue } from '../jobs/open-queue.js';
import { startServer } from '../start.js';
import { migrations } from './migrations.js';
import { openStore } from './open.js';

/** The store as it was before version 8: hooks kept their HMAC key in plain text in `signing_key`. */
type Before = Kysely<{
  hooks: Record<string, string | null>;
  deployments: {
    project_id: number;
    branch: string;
    scan_id: null;
    workloads: string;
    assets: string;
    updated_at: string;
  };
  projects: { id: number; name: string; created_at: string };
}>;

describe.each(STORE_KINDS)('migration 0008 on a store with signed hooks and deployments (%s)', (kind) => {
  it('seals the plain signing keys with the server key and indexes the stored deployments for routing', async () => {
    const opts = await freshStoreOptions(kind);
    const db = new Kysely({
      dialect: opts.databaseUrl
        ? new PostgresDialect({ pool: new pg.Pool({ connectionString: opts.databaseUrl }) })
        : new SqliteDialect({ database: new SqliteDatabase(join(opts.dataDir!, 'vanguard.sqlite')) }),
    }) as unknown as Before;
    const all = await migrations(kind).getMigrations();
    // Every other version, 0009 included: a store of main before this branch was merged.
    const before = Object.fromEntries(
      Object.entries(all).filter(([name]) => name !== '0008_operate_secrets'),
    );
    const migrated = await new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(before) },
    }).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    const plain = randomBytes(32).toString('base64');
    await db
      .insertInto('hooks')
      .values({
        id: 'vgh_old',
        kind: 'generic',
        name: 'old sender',
        token_hash: null,
        signing_key: plain,
        created_by: 'test',
        created_at: '2026-11-01T00:00:00.000Z',
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    const projectId = await ensureProject(db as never, 'shop');
    const dep = shopDeployment();
    await db
      .insertInto('deployments')
      .values({
        project_id: projectId,
        branch: 'main',
        scan_id: null,
        workloads: JSON.stringify(dep.workloads),
        assets: JSON.stringify(dep.assets),
        updated_at: '2026-11-01T00:00:00.000Z',
      })
      .execute();
    await db.destroy();

    // PostgreSQL has no folder to keep a key in: without VANGUARD_SECRET_KEY the upgrade stops and says why.
    if (kind === 'postgres')
      await expect(openStore({ databaseUrl: opts.databaseUrl! })).rejects.toThrow(
        /migration 0008_operate_secrets failed: .*set VANGUARD_SECRET_KEY/,
      );
    const store = await openStore(opts);
    try {
      const rows = await store.db.selectFrom('hooks').selectAll().execute();
      expect(rows[0]!.signing_key_sealed).toMatch(/^v1\.[0-9a-f]{16}\./);
      expect(JSON.stringify(rows)).not.toContain(plain);
      if (kind === 'sqlite')
        expect(readFileSync(join(opts.dataDir!, 'vanguard.sqlite')).includes(plain)).toBe(false);
      expect(await signingKeys(store)).toEqual([{ hookId: 'vgh_old', key: Buffer.from(plain, 'base64') }]);
      const routed = await routeFacts(store.db, { apps: ['shop-api'], namespace: 'shop' });
      expect(routed).toMatchObject({ status: 'routed', to: { project: 'shop', branch: 'main' } });
    } finally {
      await store.close();
      opts.cleanup();
    }
  });
});

describe('a server whose key does not open the stored signing secrets', () => {
  it('refuses to start, naming both keys, instead of refusing every signature', async () => {
    const opts = await freshStoreOptions('sqlite');
    const mine = randomBytes(32).toString('base64');
    const store = await openStore({ ...opts, secretKey: mine });
    await createHook(store, 'generic', 'scanner', 'test');
    await store.close();
    try {
      await expect(
        startServer({ ...opts, secretKey: randomBytes(32).toString('base64'), host: '127.0.0.1', port: 0 }),
      ).rejects.toThrow(/sealed with server key [0-9a-f]{16}, but this process has key [0-9a-f]{16}/);
      // Without VANGUARD_SECRET_KEY, SQLite's own secret.key is another key again.
      await expect(startServer({ ...opts, host: '127.0.0.1', port: 0 })).rejects.toThrow(
        /sealed with server key/,
      );
      const server = await startServer({ ...opts, secretKey: mine, host: '127.0.0.1', port: 0 });
      await server.close();
    } finally {
      opts.cleanup();
    }
  });
});

describe('creating a signed hook without a server key', () => {
  it('answers 503 with the reason, and stores nothing', async () => {
    const opts = await freshStoreOptions('sqlite');
    const store = await openStore({ ...opts, secretKeyFile: join(opts.dataDir!, 'missing.key') });
    const queue = openQueue(store);
    const app = await buildApp({ store, queue });
    try {
      const { token } = await addUser(store.db, 'root', 'admin', 'test');
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/hooks',
        headers: { authorization: `Bearer ${token}` },
        payload: { kind: 'generic' },
      });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ error: { code: 'NO_SERVER_KEY' } });
      expect(r.body).toMatch(/VANGUARD_SECRET_KEY_FILE: cannot read/);
      expect(await store.db.selectFrom('hooks').selectAll().execute()).toEqual([]);
      // Bearer-token hooks need no key: they are kept as hashes.
      const am = await app.inject({
        method: 'POST',
        url: '/api/v1/hooks',
        headers: { authorization: `Bearer ${token}` },
        payload: { kind: 'alertmanager' },
      });
      expect(am.statusCode).toBe(201);
    } finally {
      await app.close();
      await queue.stop();
      await store.close();
      opts.cleanup();
    }
  });
});
