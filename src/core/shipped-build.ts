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
 */

// The first `dist/` folder of a path, the package folder above it and the module path below it (no extension).
const DIST = /^(?:(.*?)\/)?dist\/(.+)\.([cm]?js)$/;
const TS_SOURCE = /\.(?:[cm]?ts|tsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/** What a classifier needs to know of the scanned tree, computed once per scan. */
export class ShippedBuilds {
  private readonly withSrc = new Set<string>();
  /** TypeScript sources outside `dist/`, by their file name without extension: their paths without it. */
  private readonly tsModules = new Map<string, string[]>();

  constructor(private readonly paths: ReadonlySet<string>) {
    for (const p of paths) {
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
    const m = DIST.exec(path);
    if (!m) return undefined;
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
