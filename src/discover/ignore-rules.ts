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
  // Installed Python packages, also inside a virtualenv under any name (committed ones included).
  'site-packages/',
  'dist-packages/',
  '.tox/',
  '.mypy_cache/',
  '.pytest_cache/',
  '.terraform/',
  '.gradle/',
];

interface Scope {
  /** Directory of the .gitignore relative to the root, '' or ending in '/'. */
  base: string;
  rules: Ignore;
}

/**
 * Two kinds of ignore rules. The scan's own (defaults, vanguard.yaml, --ignore) always exclude.
 * .gitignore files are evaluated as git does: the deepest file with a matching pattern decides,
 * so a `!pattern` in a sub-directory re-includes what a parent excluded.
 */
export class IgnoreRules {
  private readonly own: Ignore | undefined;
  // Ancestors are added before descendants (the walk visits a directory before its children).
  private readonly scopes: Scope[] = [];

  /**
   * True when every pattern of the scan's own names directories only (`node_modules/`, as the defaults
   * do): a file is then excluded only through a folder, which the walk never enters.
   */
  readonly ownDirsOnly: boolean;

  constructor(patterns: readonly string[]) {
    this.own = patterns.length > 0 ? ignore().add([...patterns]) : undefined;
    this.ownDirsOnly = patterns.every((p) => {
      const t = p.trim();
      return t === '' || t.startsWith('#') || (t.endsWith('/') && !t.startsWith('!'));
    });
  }

  /** Adds the patterns of a .gitignore found in `dir` (relative, '' for the root). */
  addGitignore(dir: string, content: string): void {
    this.scopes.push({ base: dir === '' ? '' : `${dir}/`, rules: ignore().add(content) });
  }

  /** Excluded by the defaults, vanguard.yaml or --ignore. */
  excludedByScan(relPath: string, isDir = false): boolean {
    return this.own !== undefined && this.own.ignores(isDir ? `${relPath}/` : relPath);
  }

  /** Ignored by the .gitignore files that apply to the path. */
  ignoredByGit(relPath: string, isDir: boolean): boolean {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i]!;
      if (s.base !== '' && !relPath.startsWith(s.base)) continue;
      const sub = relPath.slice(s.base.length);
      if (sub === '') continue;
      const r = s.rules.test(isDir ? `${sub}/` : sub);
      if (r.ignored) return true;
      if (r.unignored) return false;
    }
    return false;
  }
}
