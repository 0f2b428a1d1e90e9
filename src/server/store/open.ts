import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { VanguardError } from '../../core/errors.js';
import { migrations, type Dialect } from './migrations.js';
import { defaultDataDir, type StoreOptions } from './options.js';
import type { Database } from './schema.js';
import { secretBox, type SecretBox } from './secret-box.js';

export { defaultDataDir, storeOptionsFromEnv, type StoreOptions } from './options.js';

/** An open store: the typed query builder and which database is behind it. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for messages (a file path, or the URL without its password). */
  location: string;
  /** The connection string for PostgreSQL (the job queue opens its own pool). */
  databaseUrl?: string;
  /** Seals and opens the secrets the server must read back (webhook signing keys). */
  secrets: SecretBox;
  close(): Promise<void>;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '*****';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function keySource(options: StoreOptions, dataDir?: string) {
  return {
    ...(options.secretKey !== undefined ? { key: options.secretKey } : {}),
    ...(options.secretKeyFile !== undefined ? { keyFile: options.secretKeyFile } : {}),
    // PostgreSQL is shared by servers on several machines: a key made on one would not open on
    // another, so there the key is given explicitly.
    ...(dataDir !== undefined ? { dataDir } : {}),
  };
}

function openSqlite(dataDir: string, secrets: SecretBox): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'vanguard.sqlite');
  const native = new SqliteDatabase(file);
  // WAL + synchronous=FULL: a committed transaction is on disk before the commit returns, so an
  // acknowledged push survives SIGKILL and power loss; readers never block the writer.
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = FULL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 10000');
  // 64 MB of page cache: a 50,000-finding report stays in memory until its commit instead of
  // spilling half-written pages to the WAL (the default is 2 MB).
  native.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
  return { db, dialect: 'sqlite', location: file, secrets, close: () => db.destroy() };
}

function openPostgres(url: string, secrets: SecretBox): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => process.stderr.write(`vanguard: database connection lost: ${err.message}\n`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    location: redact(url),
    databaseUrl: url,
    secrets,
    close: () => db.destroy(),
  };
}

/** Opens the store and brings its schema to the latest version. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const store = options.databaseUrl
    ? openPostgres(options.databaseUrl, secretBox(keySource(options)))
    : openSqlite(dataDir, secretBox(keySource(options, dataDir)));
  try {
    await migrate(store);
  } catch (err) {
    await store.close();
    if (err instanceof VanguardError) throw err;
    throw new VanguardError(
      'DATABASE',
      `cannot open the store at ${store.location}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  return store;
}

async function migrate(store: Store): Promise<void> {
  // Kysely's migrator holds a lock table row while it runs, so servers and workers starting at
  // once on one PostgreSQL database migrate one after the other.
  // Unordered: versions are numbered ahead by the branch that adds them, so a store that already ran
  // 0009 still takes a 0008 merged later (each version touches only its own tables and columns).
  const migrator = new Migrator({
    db: store.db,
    provider: migrations(store.dialect, store.secrets),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new VanguardError('DATABASE', `migration ${failed} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // Version 8 sealed plain signing keys: write the pages back to the file now, so the old
  // page images with the plain keys leave the WAL and the database file.
  if (store.dialect === 'sqlite' && results?.some((r) => r.migrationName === '0008_operate_secrets'))
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
}
