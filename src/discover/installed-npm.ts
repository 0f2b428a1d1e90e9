import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { InstalledNpm } from '../core/analyzer.js';
import { readRegularFile } from './read-file.js';

/** Top-level packages read at most (a real project has a few thousand); the rest count as not installed. */
export const MAX_INSTALLED = 20_000;
const MAX_MANIFEST = 1024 * 1024;
const NAME = /^(?:@[a-z0-9][\w.~-]{0,213}\/)?[a-z0-9_][\w.~-]{0,213}$/i;

function within(parent: string, child: string): boolean {
  const r = relative(parent, child);
  return r !== '' && !r.startsWith(`..${sep}`) && r !== '..' && !r.startsWith(sep);
}

/** The real path of a package folder when it is a folder inside node_modules (pnpm links into `.pnpm/`). */
function packageDir(nmReal: string, entryPath: string, entry: Dirent): string | undefined {
  if (entry.isDirectory()) return entryPath;
  if (!entry.isSymbolicLink()) return undefined;
  try {
    const real = realpathSync(entryPath);
    // A link out of node_modules (npm link, a workspace) is not followed: only what was installed is read.
    return within(nmReal, real) && statSync(real).isDirectory() ? real : undefined;
  } catch (err) {
    void err; // A dangling link: nothing installed there.
    return undefined;
  }
}

function versionIn(dir: string): string | undefined {
  let text: string;
  try {
    text = readRegularFile(join(dir, 'package.json'), MAX_MANIFEST).toString('utf8');
  } catch (err) {
    void err; // No readable manifest (a leftover folder): the package counts as not installed.
    return undefined;
  }
  try {
    const doc = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (typeof doc.version !== 'string' || doc.version.length > 256) return undefined;
    // The folder's name, not the manifest's, is what was declared: an alias (`"x": "npm:y@1"`) installs y at x.
    return doc.version.trim() || undefined;
  } catch (err) {
    void err; // Malformed JSON: not installed as far as resolution goes.
    return undefined;
  }
}

/**
 * Reads what npm installed in `<root>/<dir>/node_modules` without following links out of it: the hidden
 * lockfile when present, else every top-level package's name and version (bounded by MAX_INSTALLED).
 */
export function readInstalledNpm(root: string, dir: string, maxBytes: number): InstalledNpm | undefined {
  const rel = dir === '' ? 'node_modules' : `${dir}/node_modules`;
  const nm = join(root, rel);
  let nmReal: string;
  try {
    // node_modules itself must be a folder, not a link to somewhere else on the machine.
    if (!lstatSync(nm).isDirectory()) return undefined;
    nmReal = realpathSync(nm);
  } catch (err) {
    void err; // No node_modules: nothing installed.
    return undefined;
  }
  try {
    const text = readRegularFile(join(nm, '.package-lock.json'), maxBytes).toString('utf8');
    return { kind: 'hidden-lockfile', path: `${rel}/.package-lock.json`, text };
  } catch (err) {
    void err; // No hidden lockfile (older npm, yarn, pnpm): read the installed packages instead.
  }
  const versions = new Map<string, string>();
  let seen = 0;
  let truncated = false;
  const visit = (folder: string, prefix: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      void err; // An unreadable folder: its packages count as not installed.
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (++seen > MAX_INSTALLED) {
        truncated = true;
        return;
      }
      const at = join(folder, e.name);
      if (prefix === '' && e.name.startsWith('@')) {
        if (e.isDirectory()) visit(at, `${e.name}/`);
        continue;
      }
      const name = `${prefix}${e.name}`;
      if (!NAME.test(name)) continue;
      const pkgDir = packageDir(nmReal, at, e);
      const version = pkgDir ? versionIn(pkgDir) : undefined;
      if (version) versions.set(name, version);
    }
  };
  visit(nm, '');
  return { kind: 'packages', path: rel, versions, truncated };
}
