/** What every lockfile parser returns: the packages it pins and the edges between them. */

/** OSV ecosystem names, as advisories spell them. */
export type Ecosystem = 'npm' | 'PyPI' | 'Go' | 'crates.io' | 'RubyGems' | 'Packagist' | 'Maven' | 'NuGet';

export interface LockedPackage {
  /** Unique within one inventory (e.g. the lockfile key); edges refer to it. */
  id: string;
  ecosystem: Ecosystem;
  name: string;
  version: string;
  purl: string;
  /** Declared by the project itself (not brought in by another package). */
  direct: boolean;
  /** For transitive packages: `name@version` from the direct dependency down to this package. */
  path?: string[];
  /** 1-based line of the package's entry in the lockfile. */
  line: number;
  /** Integrity hash as the lockfile writes it (`sha512-…`, `sha256:…`, a checksum). */
  integrity?: string;
  /** Where the package manager fetched it from. */
  resolved?: string;
  /** Development-only dependency, when the lockfile says so. */
  dev?: boolean;
  /** Optional dependency (installed when it can be), when the lockfile says so. */
  optional?: boolean;
  /**
   * Shipped inside another package's tarball (npm `"inBundle": true`): installed from the parent's
   * archive, whose integrity covers it, so the lockfile never records a hash of its own.
   */
  inBundle?: boolean;
}

/** A declared dependency whose version could not be told without a registry (a range, a tag, a URL). */
export interface UnresolvedDependency {
  ecosystem: Ecosystem;
  name: string;
  /** The declaration as written (credentials in a URL masked). */
  range: string;
  /** Why it is unresolved, e.g. "no lockfile and nothing installed". */
  reason: string;
  /** 1-based line of the declaration. */
  line: number;
  dev?: boolean;
}

export interface Inventory {
  packages: LockedPackage[];
  /** [from id, to id]. */
  edges: [string, string][];
  /** Notes for the user (for example "ranges were not resolved"). */
  notes: string[];
  /** Declared dependencies no version could be found for (manifests and unpinned requirements only). */
  unresolved?: UnresolvedDependency[];
  /**
   * True when the parser told development-only packages itself from what a production install reaches (yarn,
   * pnpm 9, bun): every package not marked dev is then required.
   */
  devMarked?: boolean;
}

/** Input beyond the file's own text that some formats need (e.g. whether a lockfile sits beside a manifest). */
export interface ParseOptions {
  /** True when a lockfile exists next to a manifest, so the manifest adds nothing. */
  hasSiblingLockfile?: boolean;
  /** The manifest beside a lockfile (package.json, composer.json, pyproject.toml), to tell direct dependencies. */
  manifest?: string;
  /**
   * For a package.json without a lockfile: what is installed in its node_modules (folder name →
   * version), to resolve the declared ranges; `from` names the folder for the notes.
   */
  installed?: { from: string; versions: ReadonlyMap<string, string>; truncated: boolean };
  /**
   * The package.json files under the lockfile's folder (path relative to it → text), for the manifests of a
   * workspace lockfile's workspaces.
   */
  workspaceManifests?: ReadonlyMap<string, string>;
}

export type LockfileParser = (text: string, opts?: ParseOptions) => Inventory;
