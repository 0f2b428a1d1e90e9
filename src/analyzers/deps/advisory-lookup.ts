import { existsSync } from 'node:fs';
import { optionsOf } from '../options.js';
import { resolveDbPath } from './db/paths.js';
import { AdvisoryIndex } from './db/store.js';
import { matchPackage, type AdvisoryMatch } from './osv/match.js';
import { normaliseName } from './osv/normalise.js';
import type { OsvRecord } from './osv/types.js';

/*
 * The local OSV database as other modules read it. Kept apart from the deps analyzer so that an
 * analyzer which only sometimes needs advisories (the pipeline analyzer) loads the database driver
 * and the advisory matcher when it needs them, not at start-up.
 */

// One read-only connection per process (the engine runs analyze in worker threads).
let open: { path: string; index: AdvisoryIndex } | undefined;

/** The advisory index, or undefined when there is none (the scan was warned in prepare). */
export function indexFor(options: Readonly<Record<string, unknown>>): AdvisoryIndex | undefined {
  const path = resolveDbPath(optionsOf('deps', options).dbPath);
  if (!existsSync(path)) return undefined;
  if (open?.path !== path) {
    open?.index.close();
    open = { path, index: AdvisoryIndex.open(path) };
  }
  return open.index;
}

/** Closes the process's database connection (tests, long-lived servers). */
export function closeDepsDatabase(): void {
  open?.index.close();
  open = undefined;
}

/**
 * Advisories of the local OSV database that affect each package version (in input order), for other
 * analyzers (the pipeline analyzer's `GitHub Actions` lookups); undefined when there is no database.
 */
export function advisoryMatches(
  options: Readonly<Record<string, unknown>>,
  packages: readonly { ecosystem: string; name: string; version: string }[],
): AdvisoryMatch[][] | undefined {
  const index = indexFor(options);
  if (!index) return undefined;
  const byEcosystem = new Map<string, Map<string, OsvRecord[]>>();
  for (const eco of new Set(packages.map((p) => p.ecosystem))) {
    const names = packages.filter((p) => p.ecosystem === eco).map((p) => p.name);
    byEcosystem.set(eco, index.lookupMany(eco, names));
  }
  return packages.map((p) => {
    const records = byEcosystem.get(p.ecosystem)?.get(normaliseName(p.ecosystem, p.name));
    return records ? matchPackage(records, p) : [];
  });
}
