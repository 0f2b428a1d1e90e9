import type { InstalledNpm } from '../../core/analyzer.js';
import { declaredDependencies, listUnresolved, parsePackageJson } from './lockfiles/package-json.js';
import { parseNpmLock } from './lockfiles/npm.js';
import type { Inventory, UnresolvedDependency } from './lockfiles/types.js';
import { maskCredentials } from '../../core/credentials.js';

/**
 * The inventory of a package.json that has no lockfile beside it, completed from what npm installed:
 * npm's hidden lockfile gives the whole installed tree, the installed packages' own manifests give
 * the direct dependencies' versions, and what neither resolves is listed as unresolved.
 */
export function manifestInventory(manifest: string, installed: InstalledNpm | undefined): Inventory {
  if (installed?.kind === 'packages')
    return parsePackageJson(manifest, {
      installed: { from: installed.path, versions: installed.versions, truncated: installed.truncated },
    });
  if (!installed) return parsePackageJson(manifest);
  let inv: Inventory;
  try {
    inv = parseNpmLock(installed.text, { manifest });
  } catch (err) {
    const fallback = parsePackageJson(manifest);
    fallback.notes.unshift(
      `${installed.path} could not be read (${(err as Error).message}); it was not used`,
    );
    return fallback;
  }
  const declared = declaredDependencies(manifest);
  const lineOf = new Map(declared.map((d) => [d.name, d.line]));
  const present = new Set<string>();
  for (const p of inv.packages) {
    // The installed tree's URLs describe one machine's install, not the repository: no integrity rules on them.
    delete p.resolved;
    const top = p.direct ? p.id.slice('node_modules/'.length) : p.path?.[0]?.replace(/(.)@[^@]*$/, '$1');
    if (p.direct) present.add(top!);
    // Findings point at the manifest line that brings the package in: the hidden lockfile is not in the tree.
    p.line = (top !== undefined ? lineOf.get(top) : undefined) ?? 1;
  }
  const unresolved: UnresolvedDependency[] = declared
    .filter((d) => !present.has(d.name))
    .map((d) => ({
      ecosystem: 'npm',
      name: d.realName,
      range: maskCredentials(d.spec),
      reason: `not installed (${installed.path})`,
      line: d.line,
      ...(d.field === 'devDependencies' ? { dev: true } : {}),
    }));
  inv.unresolved = unresolved;
  inv.notes.push(
    `no lockfile next to this package.json: ${inv.packages.length} package(s) read from npm's record of the installed tree (${installed.path})` +
      (unresolved.length > 0
        ? `; ${unresolved.length} declared dependency(ies) are not installed and are listed without a version: ${listUnresolved(unresolved)}`
        : ''),
  );
  return inv;
}
