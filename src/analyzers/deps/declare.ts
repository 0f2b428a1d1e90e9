import type { ComponentScope, DeclaredInventory } from '../../core/inventory.js';
import type { Inventory, LockedPackage } from './lockfiles/types.js';
import { maskCredentials } from '../../core/credentials.js';
import { digestOf } from './digest.js';
import { purlFor } from './lockfiles/purl.js';

/** The scope of a locked package: dev and optional when the file says so; required only when the format would say. */
function scopeOf(p: LockedPackage, formatMarksScopes: boolean): ComponentScope {
  if (p.dev === true) return 'dev';
  if (p.optional === true) return 'optional';
  return formatMarksScopes ? 'required' : 'unknown';
}

/** One dependency file's inventory in the engine's terms (purls, scopes, hex digests), for the scan's SBOM. */
export function declaredInventory(
  path: string,
  inv: Inventory,
  formatMarksScopes: boolean,
): DeclaredInventory {
  return {
    path,
    packages: inv.packages.map((p) => {
      const d = digestOf(p.integrity);
      return {
        id: p.id,
        ecosystem: p.ecosystem,
        // A name, version or purl taken from a git or registry URL can carry its credentials: never into an SBOM.
        name: maskCredentials(p.name),
        version: maskCredentials(p.version),
        purl: maskCredentials(p.purl),
        scope: scopeOf(p, formatMarksScopes),
        direct: p.direct,
        ...(d ? { hashes: [{ alg: d.alg, value: d.hex }] } : {}),
      };
    }),
    edges: inv.edges.map(([a, b]) => [a, b]),
    ...(inv.unresolved && inv.unresolved.length > 0
      ? {
          unresolved: inv.unresolved.map((u) => ({
            ecosystem: u.ecosystem,
            name: maskCredentials(u.name),
            purl: maskCredentials(purlFor(u.ecosystem, u.name, '')),
            range: maskCredentials(u.range),
            reason: u.reason,
            scope:
              u.dev === true
                ? ('dev' as const)
                : formatMarksScopes
                  ? ('required' as const)
                  : ('unknown' as const),
          })),
        }
      : {}),
  };
}
