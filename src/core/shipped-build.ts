/**
 * Compiled output that is the only copy of a program's code. A package published as JavaScript compiled from
 * TypeScript (or Babel) ships `dist/` and leaves its `src/` behind: scanning it, `dist/routes/apps.js` is the
 * application's own route, not generated code someone else answers for. Such a file is read in the role its
 * path has without the `dist/` folder (`dist/test/x.js` is a test) when the scanned tree shows it is the only
 * copy:
 * - the folder holding `dist/` is a package (a `package.json` beside `dist/`) and has no `src/`;
 * - the compiler's companions sit beside the file: a declaration file (`x.d.ts`) or a source map (`x.js.map`),
 *   as tsc and Babel write them one per module;
 * - no TypeScript file of the same module path is in the tree outside `dist/` (`lib/routes/apps.ts`).
 * A bundle or minified build keeps its content role (generated: core/file-role.ts reads the file's first bytes,
 * and scan/file-task.ts a bundle's source map, which lists many sources where a compiled module lists one).
 *
 * Also a build that joins a program's own scripts into one file named after the program (Grunt's and Gulp's
 * `dist/<name>.js`, with at most its minified copy `dist/<name>.min.js` beside it) where that is all the
 * JavaScript of the scanned tree outside vendored folders: `<name>` is the name of a folder above `dist/` (the
 * program's folder, `usr/share/<name>/www/dist/<name>.js`), so it is the program's code, not a library copied in
 * (a library's build is named after the library, which names no folder of the program). Its content role still
 * applies: a minified file or a bundler's module runtime stays generated.
 */

// The first `dist/` folder of a path, the package folder above it and the module path below it (no extension).
const DIST = /^(?:(.*?)\/)?dist\/(.+)\.([cm]?js)$/;
// A file straight under a `dist/` folder: the folders above it and its name (no extension).
const DIST_FILE = /^(?:(.*)\/)?dist\/([^/]+)\.js$/;
// The folders whose scripts are copies of other projects' (file-role.ts's vendored paths, for JavaScript).
const VENDORED = /(?:^|\/)(?:vendor|vendors|third[-_]party|bower_components|jspm_packages|node_modules)\//i;
const JS = /\.[cm]?js$/i;
const TS_SOURCE = /\.(?:[cm]?ts|tsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const DECLARATION_OF = /\.d\.([cm]?)ts$/;

/** What a classifier needs to know of the scanned tree, computed once per scan. */
export class ShippedBuilds {
  private readonly withSrc = new Set<string>();
  /** TypeScript sources outside `dist/`, by their file name without extension: their paths without it. */
  private readonly tsModules = new Map<string, string[]>();

  /** JavaScript files outside vendored folders, up to three (a tree of more has no single build to lift). */
  private readonly ownJs: string[] = [];

  constructor(private readonly paths: ReadonlySet<string>) {
    for (const p of paths) {
      if (JS.test(p) && !VENDORED.test(p) && this.ownJs.length < 3) this.ownJs.push(p);
      const src = /^(?:(.*?)\/)?src\//.exec(p);
      if (src) this.withSrc.add(src[1] ?? '');
      if (!TS_SOURCE.test(p) || DECLARATION.test(p) || /(?:^|\/)dist\//.test(p)) continue;
      const module = p.replace(TS_SOURCE, '');
      const name = module.slice(module.lastIndexOf('/') + 1);
      const same = this.tsModules.get(name);
      if (same) same.push(module);
      else this.tsModules.set(name, [module]);
    }
  }

  /**
   * The path the file has without its `dist/` folder when it is the only copy of its module (`dist/lib/a.js`
   * → `lib/a.js`), else undefined.
   */
  ownPath(path: string): string | undefined {
    // A module's declaration file (`dist/a.d.ts` beside `dist/a.js`) is read in the role of its module.
    const js = path.replace(DECLARATION_OF, '.$1js');
    if (js !== path) {
      const own = this.paths.has(js) ? this.ownPath(js) : undefined;
      return own?.replace(/\.([cm]?)js$/, '.d.$1ts');
    }
    const m = DIST.exec(path);
    if (!m) return undefined;
    const joined = this.joinedBuild(path);
    if (joined !== undefined) return joined;
    const pkg = m[1] ?? '';
    const module = m[2]!;
    const at = pkg === '' ? '' : `${pkg}/`;
    if (!this.paths.has(`${at}package.json`) || this.withSrc.has(pkg)) return undefined;
    const base = `${at}dist/${module}`;
    const ext = m[3]!;
    const dts = ext === 'js' ? 'd.ts' : `d.${ext.slice(0, 1)}ts`;
    if (
      !this.paths.has(`${path}.map`) &&
      !this.paths.has(`${base}.${dts}`) &&
      !this.paths.has(`${base}.d.ts`)
    )
      return undefined;
    // The same module's TypeScript anywhere in the package (`lib/a.ts`, `a.ts`, `packages/x/src/a.ts`).
    const name = module.slice(module.lastIndexOf('/') + 1);
    for (const ts of this.tsModules.get(name) ?? [])
      if (ts === `${at}${module}` || ts.endsWith(`/${module}`)) return undefined;
    return `${at}${module}.${ext}`;
  }

  /**
   * The path without `dist/` of a program's joined build (see above): `dist/<name>.js` under a folder named
   * `<name>`, the tree's only JavaScript outside vendored folders but its minified copy.
   */
  private joinedBuild(path: string): string | undefined {
    const m = DIST_FILE.exec(path);
    const name = m?.[2];
    if (!m || !name || name.endsWith('.min') || VENDORED.test(path)) return undefined;
    const above = m[1] ?? '';
    if (!above.split('/').includes(name)) return undefined;
    const min = `${above}/dist/${name}.min.js`;
    if (!this.ownJs.every((p) => p === path || p === min)) return undefined;
    return `${above}/${name}.js`;
  }
}

/** Bytes of a source map read to count its sources (they come first: `{"version":3,"file":…,"sources":[…`). */
export const SOURCE_MAP_HEAD_BYTES = 8192;

/** Whether a path is compiled output under a `dist/` folder (the files whose source map is read). */
export function isDistModule(path: string): boolean {
  return DIST.test(path);
}

// What bundlers write between the modules they join: webpack's module table (`/***/ 6735`, `__webpack_require__`,
// a chunk pushed onto `webpackChunk…`), esbuild's and Parcel's module wrappers (`__commonJS(`, `__toESM(`,
// `parcelRequire`), Browserify's `require=` prelude.
const BUNDLER_CODE =
  /^\/\*{3}\/ |\b__webpack_require__\b|\bwebpackChunk\w*|\b__commonJS\(|\b__toESM\(|\bparcelRequire\b|^require=\(function/m;

/** True for a bundler's output by its code (BUNDLER_CODE): the modules of many files joined into one. */
export function bundlerOutput(text: string): boolean {
  return BUNDLER_CODE.test(text);
}

/**
 * True when the start of a source map lists more than one source: a bundler's output (rollup, esbuild, webpack
 * join many modules into one file), where tsc and Babel write one map per module with one source.
 */
export function mapsBundle(mapHead: string): boolean {
  const at = mapHead.search(/"sources"\s*:\s*\[/);
  if (at < 0) return false;
  const list = mapHead.slice(at).replace(/^"sources"\s*:\s*\[\s*/, '');
  // The first source's closing quote followed by a comma and another string: at least two sources.
  return /^"(?:[^"\\]|\\.)*"\s*,\s*"/.test(list);
}
