import type { Command } from 'commander';
import { storeOptionsFromEnv, type StoreOptions } from '../server/store/options.js';

/** `--data-dir`, shared by serve, worker and admin; DATABASE_URL=postgres://… selects PostgreSQL instead. */
export function addStoreOption(cmd: Command): Command {
  return cmd.option(
    '--data-dir <dir>',
    'folder of the embedded SQLite store (default: $VANGUARD_DATA_DIR, else ~/.local/share/vanguard); ignored when DATABASE_URL is set',
  );
}

export function storeOptions(flags: { dataDir?: string }): StoreOptions {
  return storeOptionsFromEnv(flags.dataDir);
}
