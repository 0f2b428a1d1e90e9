import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { VanguardError } from '../../core/errors.js';
import { migrations, type Dialect } from './migrations.js';
import { defaultDataDir, type StoreOptions } from './options.js';
import type { Database } from './schema.js';

export { defaultDataDir, storeOptionsFromEnv, type StoreOptions } from './options.js';

/** An open store: the typed query builder and which database is behind it. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for messages (a file path, or the URL without its password). */
  location: string;
  /** The connection string for PostgreSQL (the job queue opens its own pool). */
  databaseUrl?: string;
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

function openSqlite(dataDir: string): Store {
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
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => process.stderr.write(`vanguard: database connection lost: ${err.message}\n`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redact(url), databaseUrl: url, close: () => db.destroy() };
}

/** Opens the store and brings its schema to the latest version. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openSqlite(options.dataDir ?? defaultDataDir());
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
  const migrator = new Migrator({ db: store.db, provider: migrations(store.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new VanguardError('DATABASE', `migration ${failed} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
