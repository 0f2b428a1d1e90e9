import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the advisory index lives: the `dbPath` option, else `VANGUARD_DB`, else the user's cache directory. */
export function resolveDbPath(option?: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (typeof option === 'string' && option !== '') return option;
  if (env.VANGUARD_DB) return env.VANGUARD_DB;
  const cache =
    env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(cache, 'vanguard', 'osv.sqlite');
}

/** The OSV ecosystems `vanguard db update` fetches by default (those the lockfile parsers produce). */
export const DEFAULT_ECOSYSTEMS = [
  'npm',
  'PyPI',
  'Go',
  'crates.io',
  'RubyGems',
  'Packagist',
  'Maven',
  'NuGet',
] as const;

/** OSV's public bucket; `<base>/<ecosystem>/all.zip` is each ecosystem's export. */
export const DEFAULT_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
