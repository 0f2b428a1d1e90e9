import { homedir } from 'node:os';
import { join } from 'node:path';
import { VanguardError } from '../../core/errors.js';

export interface StoreOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** The server key that seals webhook signing secrets (VANGUARD_SECRET_KEY), as base64 or hex. */
  secretKey?: string;
  /** A file holding that key (VANGUARD_SECRET_KEY_FILE). Without either, SQLite keeps `secret.key` in its data folder. */
  secretKeyFile?: string;
}

/** The default data folder: $XDG_DATA_HOME/vanguard, else ~/.local/share/vanguard. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'vanguard');
}

/** DATABASE_URL when it names PostgreSQL; anything else is a usage error rather than a silent fallback. */
export function storeOptionsFromEnv(
  dataDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): StoreOptions {
  const url = env.DATABASE_URL;
  const key: Pick<StoreOptions, 'secretKey' | 'secretKeyFile'> = {};
  if (env.VANGUARD_SECRET_KEY !== undefined && env.VANGUARD_SECRET_KEY !== '')
    key.secretKey = env.VANGUARD_SECRET_KEY;
  else if (env.VANGUARD_SECRET_KEY_FILE !== undefined && env.VANGUARD_SECRET_KEY_FILE !== '')
    key.secretKeyFile = env.VANGUARD_SECRET_KEY_FILE;
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new VanguardError(
        'USAGE',
        'DATABASE_URL must start with postgres:// (unset it to use the embedded SQLite store)',
      );
    return { databaseUrl: url, ...key };
  }
  return { dataDir: dataDir ?? env.VANGUARD_DATA_DIR ?? defaultDataDir(env), ...key };
}
