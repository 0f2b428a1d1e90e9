/**
 * The modules of a browserify bundle, and which of them are the only copy of the package's own code. A bundle
 * is generated and its findings are left out, since the code it joins is scanned where it was written: a
 * library's in the library, the project's in its sources. A package may ship the bundle without the sources it
 * was built from (karma 6 ships `static/karma.js`, its browser client, and not `client/`): then that part of the
 * bundle is the only place the scan can read the program's client code. Browserify copies each module's text
 * verbatim into `N:[function(require,module,exports){ … },{"./dep":M,"lib":K}]`, so the package's own modules
 * are those reached from the entries by relative requires (`./karma`, `../common/util`), not through a library's
 * name (`dom-serialize`, and whatever that library requires in turn); and one of them is the only copy when no
 * other file of the package (no bundle itself) holds most of its lines.
 */
import { roleFromContent } from './file-role.js';

/** One module of a bundle: its id, the lines its body spans (1-based) and what its requires resolve to. */
export interface BundleModule {
  id: string;
  firstLine: number;
  lastLine: number;
  deps: Record<string, string>;
  body: string;
}

// browserify's module wrapper; the first module follows the prelude's `({`, the others a comma.
const MODULE_START =
  /(?:\(\{|,)\s*(\d+)\s*:\s*\[\s*function\s*\(\s*require\s*,\s*module\s*,\s*exports\s*\)\s*\{/g;
// The end of a module: its body's closing brace, then its dependency map.
const MODULE_END = /\}\s*,\s*(\{[^{}]*\})\s*\]\s*$/;
// The last module's end, then the bundle's cache and entries (and a source-map comment, if any: each comment runs
// to its line's end, so a line of slashes cannot be split among the repetitions in more than one way).
const BUNDLE_END =
  /\}\s*,\s*(\{[^{}]*\})\s*\]\s*\}\s*,\s*\{[^{}]*\}\s*,\s*\[([\d\s,]*)\]\s*\)\s*;?\s*(?:\/\/[^\n]*(?:\n|$)\s*)*$/;

function depsOf(json: string): Record<string, string> | undefined {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number') out[k] = String(v);
    return out;
  } catch {
    // Not browserify's map (a brace inside a required name): the text is not read as a bundle.
    return undefined;
  }
}

// browserify 1's module wrapper, one to a line's start: `require.define("/src/client.coffee",function(require,
// module,exports,__dirname,__filename,process,global){`, the body closed by `});`; after the last module, the
// entries are required by their names (`require("/src/client.coffee");`), then the process shim.
const DEFINE_START =
  /^require\.define\(("(?:[^"\\\n]|\\.)*")\s*,\s*function\s*\(\s*require\s*,\s*module\s*,\s*exports\s*,\s*__dirname\s*,\s*__filename\s*,\s*process\s*,\s*global\s*\)\s*\{/gm;
const DEFINE_END = /\}\s*\)\s*;?\s*$/;
const DEFINE_BUNDLE_END =
  /\}\s*\)\s*(?:;\s*)?((?:require\(\s*"[^"\n]*"\s*\)\s*(?:;\s*)?)+)(?:var\s+process\s*=\s*require\(\s*"__browserify_process"\s*\)\s*(?:;\s*)?)?$/;
const RELATIVE_REQUIRE = /\brequire\(\s*(['"])(\.{1,2}\/[^'"\n]{1,512})\1\s*\)/g;
const DEFINE_EXTENSIONS = ['', '.js', '.coffee', '.json', '/index.js'];

/** A counter of the lines before each offset, for offsets given in increasing order. */
function lineCounter(text: string): (i: number) => number {
  let line = 1;
  let counted = 0;
  return (i: number): number => {
    for (let j = text.indexOf('\n', counted); j !== -1 && j < i; j = text.indexOf('\n', j + 1)) line++;
    counted = Math.max(counted, i);
    return line;
  };
}

/**
 * The modules and entries of a browserify 1 bundle, whose modules are named by their paths from the bundle's
 * root (`/src/client.coffee`, `/node_modules/underscore/underscore.js`) and carry no dependency map: a module's
 * relative requires are resolved against its own path, as browserify 1's runtime resolves them.
 */
function defineModules(text: string): { modules: Map<string, BundleModule>; entries: string[] } | undefined {
  const starts: { id: string; at: number; body: number }[] = [];
  DEFINE_START.lastIndex = 0;
  for (let m = DEFINE_START.exec(text); m; m = DEFINE_START.exec(text)) {
    let id: unknown;
    try {
      id = JSON.parse(m[1]!);
    } catch {
      return undefined;
    }
    if (typeof id !== 'string') return undefined;
    starts.push({ id, at: m.index, body: m.index + m[0].length });
  }
  if (starts.length === 0) return undefined;
  const modules = new Map<string, BundleModule>();
  let entries: string[] = [];
  const lineAt = lineCounter(text);
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const last = i === starts.length - 1;
    const segment = text.slice(s.body, last ? text.length : starts[i + 1]!.at);
    const end = (last ? DEFINE_BUNDLE_END : DEFINE_END).exec(segment);
    if (!end) return undefined;
    if (last) entries = [...end[1]!.matchAll(/"([^"\n]*)"/g)].map((e) => e[1]!);
    const body = segment.slice(0, end.index);
    const firstLine = lineAt(s.body);
    const lastLine = lineAt(s.body + body.length);
    modules.set(s.id, { id: s.id, firstLine, lastLine, deps: {}, body });
  }
  for (const m of modules.values()) {
    const dir = m.id.includes('/') ? m.id.slice(0, m.id.lastIndexOf('/')) : '';
    for (const r of m.body.matchAll(RELATIVE_REQUIRE)) {
      const joined = joinPath(dir, r[2]!);
      const dep = DEFINE_EXTENSIONS.map((x) => joined + x).find((id) => modules.has(id));
      if (dep !== undefined) m.deps[r[2]!] = dep;
    }
  }
  return { modules, entries };
}

/** The modules and entry ids of an unminified browserify bundle, or undefined when the text is not one. */
export function browserifyModules(
  text: string,
): { modules: Map<string, BundleModule>; entries: string[] } | undefined {
  const defined = defineModules(text);
  if (defined) return defined;
  const starts: { id: string; at: number; body: number }[] = [];
  MODULE_START.lastIndex = 0;
  for (let m = MODULE_START.exec(text); m; m = MODULE_START.exec(text))
    starts.push({ id: m[1]!, at: m.index, body: m.index + m[0].length });
  if (starts.length === 0) return undefined;
  const modules = new Map<string, BundleModule>();
  let entries: string[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (i: number): number => {
    for (let j = text.indexOf('\n', counted); j !== -1 && j < i; j = text.indexOf('\n', j + 1)) line++;
    counted = Math.max(counted, i);
    return line;
  };
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const last = i === starts.length - 1;
    const segment = text.slice(s.body, last ? text.length : starts[i + 1]!.at);
    const end = (last ? BUNDLE_END : MODULE_END).exec(segment);
    const deps = end && depsOf(end[1]!);
    if (!end || !deps) return undefined;
    if (last)
      entries = end[2]!
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '');
    const body = segment.slice(0, end.index);
    const firstLine = lineAt(s.body);
    const lastLine = lineAt(s.body + body.length);
    modules.set(s.id, { id: s.id, firstLine, lastLine, deps, body });
  }
  return { modules, entries };
}

/** The package's own modules: the entries and what they reach by relative requires, not through a library. */
export function ownModules(bundle: {
  modules: ReadonlyMap<string, BundleModule>;
  entries: readonly string[];
}): BundleModule[] {
  const seen = new Set<string>();
  const todo = [...bundle.entries];
  const out: BundleModule[] = [];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    const m = bundle.modules.get(id);
    if (!m || seen.has(id)) continue;
    seen.add(id);
    out.push(m);
    for (const [name, dep] of Object.entries(m.deps)) if (/^\.{1,2}\/|^\//.test(name)) todo.push(dep);
  }
  return out.sort((a, b) => a.firstLine - b.firstLine);
}

/** A text as two copies of one module compare: line endings and the white space around it aside. */
export function moduleText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Bounds of the package files read to find a module's copy; past them every module counts as copied. */
export const PACKAGE_FILES = { files: 3000, bytes: 32 * 1024 * 1024 };

// Characters a line, on average, past which a bundle is minified (as core/file-role.ts reads it).
const MINIFIED_LINE = 300;
const SCRIPT = /\.(?:[cm]?js)$/;
const known = new WeakMap<ReadonlySet<string>, Map<string, Promise<string[] | undefined>>>();
// A line that says something of its module (not `}`, `});`, `return x`, a library loaded by name alone).
const SIGNIFICANT = 24;
// The share of a module's significant lines a file must hold to be its source: a build step (reactify's JSX,
// a version filled in) changes some lines; another module of the same name shares few.
const SOURCE_SHARE = 0.6;

function significantLines(text: string): string[] {
  return moduleText(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= SIGNIFICANT);
}

/** The nearest folder above a path that holds a package.json ('' for the root). */
function packageOf(path: string, paths: ReadonlySet<string>): string {
  const parts = path.split('/').slice(0, -1);
  for (let n = parts.length; n > 0; n--) {
    const dir = parts.slice(0, n).join('/');
    if (paths.has(`${dir}/package.json`)) return dir;
  }
  return '';
}

/**
 * The texts of the package's scripts that are no bundle or library copy themselves (another build of the same
 * code is no source of it); undefined past the bounds.
 */
async function packageTexts(
  folder: string,
  paths: ReadonlySet<string>,
  readFile: (path: string) => Promise<string | undefined>,
): Promise<string[] | undefined> {
  const prefix = folder === '' ? '' : `${folder}/`;
  const files = [...paths].filter(
    (p) => p.startsWith(prefix) && !p.includes('node_modules/') && SCRIPT.test(p),
  );
  if (files.length > PACKAGE_FILES.files) return undefined;
  const out: string[] = [];
  let bytes = 0;
  for (const p of files) {
    // A file that cannot be read now is left out: it can hold no copy the scan reads.
    const text = await readFile(p).catch(() => undefined);
    if (text === undefined) continue;
    bytes += text.length;
    if (bytes > PACKAGE_FILES.bytes) return undefined;
    if (roleFromContent(text, p) === undefined) out.push(text);
  }
  return out;
}

/** The modules no text holds most of: for each, whether some text has SOURCE_SHARE of its significant lines. */
function uncopied(modules: readonly BundleModule[], texts: readonly string[]): BundleModule[] {
  const lines = modules.map((m) => new Set(significantLines(m.body)));
  const found = modules.map(() => false);
  for (const t of texts) {
    const have = new Set(significantLines(t));
    lines.forEach((own, i) => {
      if (found[i] || own.size === 0) return;
      let n = 0;
      for (const l of own) if (have.has(l)) n++;
      if (n >= own.size * SOURCE_SHARE) found[i] = true;
    });
  }
  // A module with nothing significant (a constants table of short lines) is no program to read.
  return modules.filter((_, i) => !found[i] && lines[i]!.size > 0);
}

// The share of the own modules' paths that must be files under one folder for the sources to ship beside it.
const SOURCES_SHIPPED = 0.8;
const EXTENSIONS = ['', '.js', '.jsx', '.ts', '.tsx', '.coffee', '.cjs', '.mjs', '/index.js'];

/** A relative path joined and normalised (`a/b` + `../c` → `a/c`; above the start stays `../c`). */
// The longest path a module's require is followed to, and how many characters of paths sourcesShipped joins to
// folders at most (folders × the named paths' lengths: about a second).
const MAX_PATH = 1024;
export const SHIPPED_CHECKS = 20_000_000;

function joinPath(dir: string, rel: string): string {
  const out: string[] = dir === '' ? [] : dir.split('/');
  for (const part of rel.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * Whether the package holds the sources the bundle's own modules were built from: a folder under which most
 * of the paths their requires name are files (`./about` → `client/about.js`), whatever a build step changed in
 * their text (reactify's JSX). The entry's folder is the unknown: the requires give every other module's path
 * relative to it. The bundle itself is no source of a module of its name (karma's `static/karma.js`, `./karma`).
 */
function sourcesShipped(
  own: readonly BundleModule[],
  entries: readonly string[],
  paths: ReadonlySet<string>,
  folder: string,
  bundle: string,
): boolean {
  const byId = new Map(own.map((m) => [m.id, m]));
  const at = new Map<string, string>(entries.map((e) => [e, '']));
  const todo = [...entries];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    const m = byId.get(id);
    const here = at.get(id);
    if (!m || here === undefined) continue;
    const dir = here.includes('/') ? here.slice(0, here.lastIndexOf('/')) : '';
    for (const [name, dep] of Object.entries(m.deps)) {
      if (!/^\.{1,2}\//.test(name) || at.has(dep)) continue;
      const joined = joinPath(dir, name);
      // No file has a path that long: a chain of requires that nests deeper at each step names none (review40).
      if (joined.length > MAX_PATH) continue;
      at.set(dep, joined);
      todo.push(dep);
    }
  }
  const named = [...at.entries()].filter(([id, p]) => p !== '' && byId.has(id)).map(([, p]) => p);
  if (named.length === 0) return false;
  const prefix = folder === '' ? '' : `${folder}/`;
  const dirs = new Set<string>([folder]);
  for (const p of paths)
    if (p.startsWith(prefix) && !p.includes('node_modules/'))
      for (let d = p.lastIndexOf('/'); d > prefix.length - 1 && d > 0; d = p.lastIndexOf('/', d - 1))
        dirs.add(p.slice(0, d));
  // Past the bounds the bundle is read as before (its sources counted as shipped: the bundle left out), so a
  // hostile bundle of thousands of modules in a tree of thousands of folders costs no more than this (review40).
  const namedChars = named.reduce((n, p) => n + p.length + 1, 0);
  if (dirs.size * namedChars > SHIPPED_CHECKS) return true;
  for (const d of dirs) {
    let n = 0;
    for (const rel of named) {
      const file = joinPath(d, rel);
      if (!file.startsWith('..') && EXTENSIONS.some((x) => file + x !== bundle && paths.has(file + x))) n++;
    }
    if (n >= named.length * SOURCES_SHIPPED) return true;
  }
  return false;
}

/**
 * The line ranges of a browserify bundle that hold the package's own modules no other file of the package
 * holds: the only copy of that code the scan can read. Empty when the text is no such bundle (or a minified
 * one), when the sources of its own modules ship beside it, when none of them does (no sign the bundle is
 * the package's build rather than a library's), or past the bounds.
 */
export async function onlyCopyLines(
  text: string,
  path: string,
  paths: ReadonlySet<string>,
  readFile: (path: string) => Promise<string | undefined>,
): Promise<[number, number][]> {
  // A minified bundle is no code to read line by line (the code analyzer leaves it out).
  if (text.length / (text.split('\n').length || 1) > MINIFIED_LINE) return [];
  const bundle = browserifyModules(text);
  if (!bundle) return [];
  const own = ownModules(bundle);
  if (own.length === 0) return [];
  const folder = packageOf(path, paths);
  if (sourcesShipped(own, bundle.entries, paths, folder, path)) return [];
  let byFolder = known.get(paths);
  if (!byFolder) {
    byFolder = new Map<string, Promise<string[] | undefined>>();
    known.set(paths, byFolder);
  }
  // Bundles of one package share its texts (a package may ship several builds).
  let texts = byFolder.get(folder);
  if (!texts) {
    texts = packageTexts(folder, paths, readFile);
    byFolder.set(folder, texts);
  }
  const copies = await texts;
  if (!copies) return [];
  const only = uncopied(own, copies);
  // The bundle is the package's own build only when some of its own modules ship beside it (karma's
  // `common/util.js`): a library's bundle copied into a project (not recognised as a library copy) holds that
  // library's modules, none of which the project holds, and is not the project's code to report.
  const substantive = own.filter((m) => significantLines(m.body).length > 0).length;
  return only.length < substantive ? only.map((m) => [m.firstLine, m.lastLine]) : [];
}
