import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/server/store/open.js';
import { freshPostgresDb } from './postgres.js';

export type StoreKind = 'sqlite' | 'postgres';

/** Both stores: every store and API test runs on each (describe.each). */
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

/** Where a fresh store lives: a temporary SQLite folder, or a new database in the test cluster. */
export async function freshStoreOptions(
  kind: StoreKind,
): Promise<{ dataDir?: string; databaseUrl?: string; secretKey?: string; cleanup: () => void }> {
  // PostgreSQL takes its server key from the environment (VANGUARD_SECRET_KEY); SQLite makes one in its folder.
  if (kind === 'postgres')
    return {
      databaseUrl: await freshPostgresDb(),
      secretKey: randomBytes(32).toString('base64'),
      cleanup: () => undefined,
    };
  const dataDir = mkdtempSync(join(tmpdir(), 'vanguard-store-'));
  return { dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** A fresh, migrated store of the given kind, and a function that closes and removes it. */
export async function freshStore(kind: StoreKind): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const opts = await freshStoreOptions(kind);
  const store = await openStore(opts);
  return {
    store,
    async dispose() {
      await store.close();
      opts.cleanup();
    },
  };
}
