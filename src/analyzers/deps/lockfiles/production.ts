/** What a package.json asks a production install for: the fields `yarn install --production` and its peers read. */

/** The dependency fields a production install installs (devDependencies is the one it leaves out). */
export const PRODUCTION_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** A manifest's production declarations (name → range as written, per field), or why they cannot be read. */
export type ProductionDeclarations =
  | { ok: true; deps: [field: string, name: string, range: string][]; workspaces: boolean }
  | { ok: false; reason: string };

/** Reads a package.json's production declarations; `what` names it in the reason (`package.json`). */
export function productionDeclarations(manifest: string | undefined, what: string): ProductionDeclarations {
  if (manifest === undefined) return { ok: false, reason: `no ${what} beside it` };
  let o: unknown;
  try {
    o = JSON.parse(manifest);
  } catch (err) {
    return { ok: false, reason: `${what} could not be read (${(err as Error).message})` };
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    return { ok: false, reason: `${what} is not an object` };
  const rec = o as Record<string, unknown>;
  const deps: [string, string, string][] = [];
  for (const field of PRODUCTION_FIELDS) {
    const table = rec[field];
    if (table === undefined) continue;
    if (typeof table !== 'object' || table === null || Array.isArray(table))
      return { ok: false, reason: `${what}'s ${field} is not an object` };
    for (const [name, range] of Object.entries(table as Record<string, unknown>)) {
      if (typeof range !== 'string')
        return { ok: false, reason: `${what}'s ${field}.${name} is not a string` };
      deps.push([field, name, range]);
    }
  }
  return { ok: true, deps, workspaces: rec['workspaces'] !== undefined };
}

/** Protocols whose target a package manager links from the disk rather than installs from the lockfile's entries. */
export const LINKED = /^(?:link|portal|workspace):/;
