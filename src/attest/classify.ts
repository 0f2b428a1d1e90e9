import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_IGNORES, IgnoreRules } from '../discover/ignore-rules.js';
import type { GitState } from './git-state.js';

/** What an event's path is to the build: a tracked source, something git ignores, an expected product, or new. */
export type PathClass = 'tracked' | 'ignored' | 'product' | 'added';

/** Reads the tree's .gitignore files (tracked ones, and .git/info/exclude) as git applies them to new paths. */
function gitIgnoreRules(state: GitState): IgnoreRules {
  const rules = new IgnoreRules([]);
  const exclude = join(state.top, '.git', 'info', 'exclude');
  // A linked work tree has a .git file, not a folder; its exclude file is shared and rarely used.
  if (lstatSync(join(state.top, '.git'), { throwIfNoEntry: false })?.isDirectory() && existsSync(exclude))
    rules.addGitignore('', readFileSync(exclude, 'utf8'));
  const files = [...state.indexPaths]
    .filter((p) => p === '.gitignore' || p.endsWith('/.gitignore'))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  for (const f of files) {
    // The content read before the build starts: a build that edits .gitignore is itself caught.
    const text = readFileSync(join(state.top, f), 'utf8');
    rules.addGitignore(f === '.gitignore' ? '' : f.slice(0, -'/.gitignore'.length), text);
  }
  return rules;
}

/** Classifies paths named by watch events; built once before the build runs. */
export function pathClassifier(
  state: GitState,
  folders: ReadonlySet<string>,
  productGlobs: readonly string[],
  /** The build's working directory relative to the top ('' at the top): product globs are relative to it. */
  cwdRel: string,
): (path: string) => PathClass {
  const git = gitIgnoreRules(state);
  const defaults = new IgnoreRules(DEFAULT_IGNORES);
  const prefix = cwdRel === '' ? '' : `${cwdRel}/`;
  const products = productGlobs.map((g) => picomatch(prefix + g, { dot: true }));
  // Folders that will hold products are expected to appear (dist/, build/), with their parents.
  const productBases = productGlobs.map((g) => prefix + picomatch.scan(g).base).filter((b) => b !== '');
  const isProductPath = (p: string): boolean =>
    products.some((m) => m(p)) ||
    productBases.some((b) => b === p || b.startsWith(`${p}/`) || p.startsWith(`${b}/`));
  return (p) => {
    if (state.indexPaths.has(p) || state.head.has(p) || (p !== '' && folders.has(p)) || p === '')
      return 'tracked';
    if (isProductPath(p)) return 'product';
    // The path may be gone by now: a name ignored as a file or as a folder is ignored.
    for (const dir of [false, true]) {
      if (defaults.excludedByScan(p, dir) || git.ignoredByGit(p, dir)) return 'ignored';
      const parts = p.split('/');
      for (let i = 1; i < parts.length; i++) {
        const parent = parts.slice(0, i).join('/');
        if (defaults.excludedByScan(parent, true) || git.ignoredByGit(parent, true)) return 'ignored';
      }
    }
    return 'added';
  };
}
