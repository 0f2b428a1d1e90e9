import ignore, { type Ignore } from 'ignore';

/** Directories nobody wants scanned by default: VCS data, installed dependencies, caches. */
export const DEFAULT_IGNORES = [
  '.git/',
  '.hg/',
  '.svn/',
  'node_modules/',
  'bower_components/',
  '.venv/',
  'venv/',
  '__pycache__/',
  '.tox/',
  '.mypy_cache/',
  '.pytest_cache/',
  '.terraform/',
  '.gradle/',
];

interface Scope {
  /** Directory of the ignore file relative to the root, '' or ending in '/'. */
  base: string;
  rules: Ignore;
}

/** Layered gitignore-style rules: the root's extra patterns plus each directory's .gitignore. */
export class IgnoreRules {
  private readonly scopes: Scope[] = [];

  constructor(rootPatterns: readonly string[]) {
    if (rootPatterns.length > 0) this.scopes.push({ base: '', rules: ignore().add([...rootPatterns]) });
  }

  /** Adds the patterns of a .gitignore found in `dir` (relative, '' for the root). */
  addFile(dir: string, content: string): void {
    const base = dir === '' ? '' : `${dir}/`;
    this.scopes.push({ base, rules: ignore().add(content) });
  }

  /** True when the relative path (a directory when `isDir`) is ignored by any applicable scope. */
  ignores(relPath: string, isDir: boolean): boolean {
    for (const s of this.scopes) {
      if (s.base !== '' && !relPath.startsWith(s.base)) continue;
      const sub = relPath.slice(s.base.length);
      if (sub === '') continue;
      if (s.rules.ignores(isDir ? `${sub}/` : sub)) return true;
    }
    return false;
  }
}
