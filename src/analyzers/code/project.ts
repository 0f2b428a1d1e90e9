import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { jsImports, mayImportLocally, pyImports } from './imports.js';
import type { ModuleImports } from './imports.js';
import { ensurePython, isDeclarationFile, languageOf } from './languages.js';
import type { FileLanguage } from './languages.js';
import { isMinified, MAX_CODE_BYTES } from './minified.js';
import { FileIndex } from './file-index.js';
import { sourceForm } from './compiled-calls.js';
import { fileAccount } from './taint-budget.js';
import type { Account } from './taint-budget.js';

/** One parsed module of the scanned tree, shared by every file that imports it (per process). */
export interface LoadedModule {
  path: string;
  text: string;
  lang: FileLanguage;
  root: SgNode;
  index: FileIndex;
  imports: ModuleImports;
  /** Function summaries by `<rule key>:<function node id>`: computed once, reused by every importer. */
  summaries: Map<string, unknown>;
  /** Sink matches by rule key. */
  sinks: Map<string, unknown>;
}

/** Bounds of cross-file analysis, per analyzed file. */
export const CROSS_FILE = {
  /** Import hops followed from the analyzed file (route → service → dao → db helper). */
  depth: 3,
  /** Modules loaded for one analyzed file. */
  modules: 24,
  /** Source bytes of the modules loaded for one analyzed file (the entry not counted). */
  bytes: 4 * 1024 * 1024,
};

/** Parsed modules kept per process: a least-recently-used list bounded by source bytes. */
const CACHE_BYTES = 24 * 1024 * 1024;
const cache = new Map<string, LoadedModule>();
let cachedBytes = 0;

function remember(key: string, m: LoadedModule): void {
  cache.set(key, m);
  cachedBytes += m.text.length;
  for (const [k, old] of cache) {
    if (cachedBytes <= CACHE_BYTES || k === key) break;
    cache.delete(k);
    cachedBytes -= old.text.length;
  }
}

/** Same family for imports: JavaScript and TypeScript import each other; Python only Python. */
function compatible(a: FileLanguage, b: FileLanguage): boolean {
  return (a.family === 'python') === (b.family === 'python');
}

/** For a module analysed alone: no other file exists, so imports are not even looked at. */
const NO_FILES = (): boolean => false;

/**
 * A module parsed when its tree is first asked for. Loading follows imports three hops deep, but taint
 * reaches the functions of only some of the modules loaded (under half, over Python's standard
 * library), and the last hop's imports are never read: those modules are read, counted against the
 * bounds and searched for source words, and parsed only if a call leads into them.
 */
class Module implements LoadedModule {
  readonly index = new FileIndex();
  readonly summaries = new Map<string, unknown>();
  readonly sinks = new Map<string, unknown>();
  private tree: SgNode | undefined;
  private imported: ModuleImports | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly lang: FileLanguage,
    private readonly exists: (p: string) => boolean,
  ) {}

  get root(): SgNode {
    if (!this.tree) {
      if (this.lang.family === 'python') ensurePython();
      // Compiled CommonJS is read in its source form (compiled-calls.ts); offsets are the text's own.
      const text = this.lang.family === 'python' ? this.text : sourceForm(this.text);
      this.tree = parse(this.lang.lang, text).root();
    }
    return this.tree;
  }

  get imports(): ModuleImports {
    const python = this.lang.family === 'python';
    this.imported ??=
      this.exists === NO_FILES || !mayImportLocally(this.text, python)
        ? { names: new Map(), wildcards: [] }
        : python
          ? pyImports(this.root, this.path, this.exists)
          : jsImports(this.root, this.path, this.exists, this.lang.family === 'typescript', this.text);
    return this.imported;
  }
}

/** A module from its text, from the cache when the same text was parsed before in this process. */
export function moduleOf(
  root: string,
  path: string,
  text: string,
  lang: FileLanguage,
  exists: (p: string) => boolean,
): LoadedModule {
  const key = `${root}\0${path}`;
  const hit = cache.get(key);
  if (hit && hit.text === text) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  if (hit) {
    cache.delete(key);
    cachedBytes -= hit.text.length;
  }
  const m = new Module(path, text, lang, exists);
  remember(key, m);
  return m;
}

/** The analyzed file and the modules it reaches through imports, loaded within the bounds above. */
export interface ProjectView {
  entry: LoadedModule;
  modules: Map<string, LoadedModule>;
  /** Set when a bound (modules, bytes, steps) stopped loading or summarising: findings may be missing. */
  truncated: boolean;
  /** The taint steps of this analysis (taint-budget.ts): the same input always stops at the same place. */
  account: Account;
  /** The kept flows and summaries this analysis has been charged for (each once, see summaries.ts). */
  paid: Set<object>;
}

/** Reads another file of the scanned tree (undefined when it was not discovered or cannot be read). */
export type ReadFile = (path: string) => Promise<string | undefined>;

/**
 * Loads the modules the entry imports, breadth first, up to CROSS_FILE.depth hops and CROSS_FILE.modules
 * modules: import cycles end because a module is loaded once.
 */
export async function loadProject(
  root: string,
  entryPath: string,
  entryText: string,
  lang: FileLanguage,
  paths: ReadonlySet<string>,
  readFile: ReadFile,
): Promise<ProjectView> {
  const exists = (p: string): boolean => paths.has(p);
  const entry = moduleOf(root, entryPath, entryText, lang, exists);
  const view: ProjectView = {
    entry,
    modules: new Map([[entryPath, entry]]),
    truncated: false,
    account: fileAccount(),
    paid: new Set(),
  };
  let frontier = [entry];
  let bytes = 0;
  for (let depth = 0; depth < CROSS_FILE.depth && frontier.length > 0; depth++) {
    const next: LoadedModule[] = [];
    for (const m of frontier) {
      const wanted = new Set([...[...m.imports.names.values()].map((b) => b.module), ...m.imports.wildcards]);
      for (const p of wanted) {
        if (view.modules.has(p)) continue;
        if (view.modules.size >= CROSS_FILE.modules || bytes >= CROSS_FILE.bytes) {
          view.truncated = true;
          return view;
        }
        const l = languageOf(p.slice(p.lastIndexOf('.') + 1).toLowerCase());
        if (!l || !compatible(l, lang) || isDeclarationFile(p)) continue;
        const text = await readFile(p);
        if (text === undefined || text.length > MAX_CODE_BYTES || isMinified(p, text)) continue;
        bytes += text.length;
        const loaded = moduleOf(root, p, text, l, exists);
        view.modules.set(p, loaded);
        next.push(loaded);
      }
    }
    frontier = next;
  }
  return view;
}

/** A view of one module alone (no imports followed), for analyses without a project around them. */
export function singleModule(path: string, text: string, lang: FileLanguage): ProjectView {
  const entry = moduleOf('', path, text, lang, NO_FILES);
  return {
    entry,
    modules: new Map([[path, entry]]),
    truncated: false,
    account: fileAccount(),
    paid: new Set(),
  };
}
