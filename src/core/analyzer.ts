import type { AnalyzerId, RawFinding } from './finding.js';
import type { DeclaredDeployment } from './deployment.js';
import type { DeclaredInventory } from './inventory.js';
import type { RuleMeta } from './rule.js';
import type { WarnDetail } from './warning.js';

/** A discovered file, before it is read. Cheap to test: analyzers decide from the path alone. */
export interface FileRef {
  /** Relative to the scan root, forward slashes. */
  path: string;
  /** Base name, e.g. 'package-lock.json'. */
  name: string;
  /** Lower-case extension without the dot ('' when none). */
  ext: string;
  size: number;
  /**
   * The `#!` line of a file whose extension leaves its language open (none, or a version number), as the
   * walk read it (core/script-language.ts): analyzers still decide without I/O. Absent for other files.
   */
  shebang?: string;
}

/** A file as analyzers read it: the core reads and decodes it once for all of them. */
export interface SourceFile extends FileRef {
  absPath: string;
  /** The decoded text (UTF-8, or Latin-1 when the file is not valid UTF-8). */
  text: string;
  /** The raw bytes, for byte-oriented engines (re2 on a Buffer avoids re-encoding the text). */
  bytes: Buffer;
  /** Lines of `text`, split once and shared. */
  lines(): readonly string[];
}

/**
 * What npm installed beside a manifest, as the core reads it for a package.json without a lockfile:
 * npm's hidden lockfile (`node_modules/.package-lock.json`) when there is one, else the name and version
 * of every top-level package under `node_modules`.
 */
export type InstalledNpm =
  | { kind: 'hidden-lockfile'; path: string; text: string }
  | {
      kind: 'packages';
      /** The node_modules folder, relative to the scan root. */
      path: string;
      /** Package name (`@scope/name` too) → its installed version. */
      versions: ReadonlyMap<string, string>;
      /** True when the folder held more entries than are read; the rest count as not installed. */
      truncated: boolean;
    };

/** What the core gives every analyzer call; analyzers never walk the file system. */
export interface AnalyzerContext {
  root: string;
  /** Every path discovered in this scan (relative), so an analyzer can ask whether a sibling exists. */
  paths: ReadonlySet<string>;
  /** Analyzer-specific options from flags and vanguard.yaml (plain JSON data). */
  options: Readonly<Record<string, unknown>>;
  /** Reads another discovered file (for example a lockfile's manifest); undefined when not discovered. */
  readFile(path: string): Promise<string | undefined>;
  /**
   * What npm installed in `<dir>/node_modules` (dir relative to the root, '' for the root), read only to
   * resolve a manifest's ranges: undefined when there is no such folder or `dir` holds no discovered
   * package.json. node_modules stays out of the walk; nothing in it is analyzed.
   */
  readInstalledNpm?(dir: string): Promise<InstalledNpm | undefined>;
  /**
   * A note for the user that is not a finding (for example "ranges were not resolved"); `detail.code`
   * names its kind (default `analyzer-note`), `detail.path` the file it is about.
   */
  warn(message: string, detail?: WarnDetail): void;
  /**
   * Declares the packages a dependency file pins, for the scan's inventory (SBOM). Given by the engine;
   * absent in contexts that keep no inventory.
   */
  declareInventory?(inventory: DeclaredInventory): void;
  /**
   * Declares what a file says the project deploys (workloads, images, ports, threat-model assets), for
   * the scan's deployment. Given by the engine; absent in contexts that keep no deployment.
   */
  declareDeployment?(deployment: DeclaredDeployment): void;
}

/** Text that one commit added to one file, as the core reads it from git history. */
export interface HistoryAddition {
  commit: string;
  /** Relative to the scan root, exactly as git stores it (decoded as UTF-8). */
  path: string;
  /** Added lines in file order, without their line ends (a line longer than 1 MB is cut). */
  lines: Buffer[];
  /** The 1-based line number of each of `lines` in the file as of `commit`. */
  lineNos: number[];
}

/** Input for analyzers that look at more than files (git history, a database, a model). */
export interface ProjectContext extends AnalyzerContext {
  /**
   * Text added by every commit reachable from HEAD (oldest first; after `since` when given), read by
   * the core: ignored paths, binaries and oversized blobs are left out, and objects missing from the
   * clone are recorded as failures (scan partial) while the rest is read. Absent outside a scan.
   */
  history?: (request: { since?: string }) => AsyncIterable<HistoryAddition>;
  /** Discovered files that this analyzer's `matches` accepted. */
  files: readonly FileRef[];
  /** True when the user asked for this analyzer by name (--only, vanguard.yaml), not just by default. */
  requested: boolean;
  /** True when a path (relative to the root) is excluded by the default ignores, vanguard.yaml or --ignore. */
  isIgnored(path: string): boolean;
  /** Records a per-input failure without stopping the analyzer. */
  fail(path: string, err: unknown): void;
}

export interface Analyzer {
  readonly id: AnalyzerId;
  readonly description: string;
  /** The rule catalogue (static rules; dynamic rules such as advisories are described by their findings). */
  readonly rules: readonly RuleMeta[];
  /**
   * True when, in a default-profile scan, the analyzer marks every finding it leaves to the audit profile
   * (`RawFinding.heldBack`) instead of dropping it: the scan result then lists all it held back (HeldBack).
   */
  readonly marksHeldBack?: boolean;
  /** The ids of its rules that only the audit profile runs, with its `options` (custom rule folders too). */
  auditProfileRules?(options: Readonly<Record<string, unknown>>): readonly string[];
  /** Cheap, no I/O: does this analyzer want the file? */
  matches(file: FileRef): boolean;
  /** Findings for one file. A throw is recorded as a per-file failure; the scan goes on. */
  analyze(file: SourceFile, ctx: AnalyzerContext): RawFinding[] | Promise<RawFinding[]>;
  /**
   * Runs once in the main process before any file, with the files this analyzer matched (for example to
   * open a database). A throw stops the scan with exit code 2 when the analyzer was asked for by name
   * (--only, vanguard.yaml), and otherwise skips the analyzer with a warning.
   */
  prepare?(ctx: ProjectContext): Promise<void>;
  /** Runs once per scan in the main process after all files, for cross-file or non-file inputs. */
  analyzeProject?(ctx: ProjectContext): Promise<RawFinding[]>;
}
