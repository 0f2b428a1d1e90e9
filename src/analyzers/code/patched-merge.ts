/**
 * A deep merge or a set by path of a library version that skips the prototype keys. Lodash's `merge`,
 * `mergeWith`, `defaultsDeep`, `set` and `setWith` write under every key of their source or path, which is
 * what `code/js-prototype-pollution` reports; since 4.17.21 (the last of the fixes: `__proto__` in merge in
 * 4.17.5, a function's `constructor` in 4.17.11, defaultsDeep in 4.17.12, baseSet's keys in 4.17.19) each of
 * them skips `__proto__`, `constructor` and `prototype`, so a request's `{"__proto__": {…}}` becomes an own key
 * of the copy and Object.prototype is never reached (checked on 4.17.21 with both prototype payloads, for each).
 * object-path's `set` on the module's own default instance walks own properties only since 0.11.0 (the
 * advisory of CVE-2020-15256 says so; 0.11.5 also refuses the magic keys in the `withInheritedProps` mode): a
 * `__proto__` or `constructor` step finds nothing own, assigns a fresh `{}` there and writes into that, never
 * into Object.prototype (checked on 0.11.5: `set({}, ['__proto__', 'x'], 1)` leaves `({}).x` undefined). The
 * `withInheritedProps` instance and `create({ includeInheritedProps: true })` are other objects: not dropped.
 *
 * A finding of that rule at `L.F(…)` is dropped when all of this holds: `F` is one of the module's guarded
 * functions; `L` is bound, where the call reads it, to the module itself (a `const` given the module's load
 * call, a `var`/`let` so declared that nothing in the file assigns again, or the module's default or namespace
 * import); and the package.json of the file's application asks, in `dependencies`, `optionalDependencies` or
 * `peerDependencies`, for one range of the module whose lowest version is the guarded one or later
 * (`^4.17.21`, `~4.17.21`, `>=4.17.21`, `4.17.21`; `^0.11.5`), and its lockfile or shipped `node_modules` holds
 * no older copy. The call is read in the file that holds it, also when the flow reached it through an import
 * (a sink in another file of the same application). Not dropped: an older or unknown range (`^4.17.4`, `*`,
 * `latest`, a `||` of ranges, a git URL), the module named only in devDependencies or not at all (the copy the
 * program loads is then another package's choice), a manifest whose overrides or resolutions name it, a project
 * file or another library under the same name, jQuery's deep `extend`, `deepmerge`, and a write the program
 * makes itself. The dependency analyzer reports old versions on its own.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { appFolderOf } from './app-scope.js';
import { sourceForm } from './compiled-calls.js';
import type { FileLanguage } from './languages.js';
import type { CodeMatch } from './matches.js';
import { nodeAtMatch } from './match-node.js';
import { binding } from './name-binding.js';
import { kindOf } from './syntax.js';

const RULE = 'code/js-prototype-pollution';
// The lowest version of the range, read only where it is one comparator (and at most an upper bound).
const RANGE = /^(?:[~^]|>=|=)?\s*v?(\d+)\.(\d+)\.(\d+)(?:\s+<=?\s*[\w.]+)?$/;

type Version = readonly [number, number, number];

/** A module whose listed functions skip the prototype keys from the version `fixed` on (same major). */
interface Guarded {
  /** The package's name, as the manifest and lockfile spell it. */
  pkg: string;
  /** Module names the program may load it under (a regex alternation). */
  names: string;
  functions: ReadonlySet<string>;
  fixed: Version;
}

const GUARDED: readonly Guarded[] = [
  {
    pkg: 'lodash',
    names: '(?:lodash|lodash-es)',
    functions: new Set(['merge', 'mergeWith', 'defaultsDeep', 'set', 'setWith']),
    fixed: [4, 17, 21],
  },
  { pkg: 'object-path', names: 'object-path', functions: new Set(['set']), fixed: [0, 11, 5] },
];
const MENTIONED = /['"](?:lodash(?:-es)?|object-path)['"]/;

type Ctx = Pick<AnalyzerContext, 'paths' | 'readFile'>;

/** `matches` without the prototype-pollution findings of a merge or set that skips prototype keys. */
export async function dropPatchedMerges(
  matches: CodeMatch[],
  file: SourceFile,
  lang: FileLanguage,
  ctx: Ctx,
): Promise<CodeMatch[]> {
  if (lang.family === 'python') return matches;
  const pending = matches.filter((m) => m.rule.id === RULE);
  if (pending.length === 0) return matches;
  // The sink's own file: the analyzed one, or the imported file a cross-file flow reached.
  const byPath = new Map<string, CodeMatch[]>();
  for (const m of pending) byPath.set(m.path ?? file.path, [...(byPath.get(m.path ?? file.path) ?? []), m]);
  const drop = new Set<CodeMatch>();
  for (const [path, ms] of byPath) {
    const text = path === file.path ? file.text : await ctx.readFile(path).catch(() => undefined);
    if (text === undefined || !MENTIONED.test(text)) continue;
    const root = parse(lang.lang, sourceForm(text)).root();
    for (const m of ms) {
      const g = guardedCall(callAt(root, m), root);
      if (g && (await patchedVersion(g, path, ctx))) drop.add(m);
    }
  }
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}

/** True when the application's package.json asks for the guarded version or later, at run time. */
async function patchedVersion(g: Guarded, path: string, ctx: Ctx): Promise<boolean> {
  const dir = appFolderOf(path, ctx.paths);
  const pkg = parsed(await ctx.readFile(dir === '' ? 'package.json' : `${dir}/package.json`));
  // No or an unreadable manifest proves no version: the findings stay.
  if (pkg === undefined) return false;
  const wants = ['dependencies', 'optionalDependencies', 'peerDependencies'].flatMap((k) => {
    const deps = pkg[k];
    const want = deps && typeof deps === 'object' ? (deps as Record<string, unknown>)[g.pkg] : undefined;
    return want === undefined ? [] : [want];
  });
  // npm's `overrides`, yarn's `resolutions` and pnpm's overrides can pin another copy than the range asks for.
  const pinned = [
    pkg['overrides'],
    pkg['resolutions'],
    (pkg['pnpm'] as Record<string, unknown> | undefined)?.['overrides'],
  ];
  if (pinned.some((o) => o !== undefined && JSON.stringify(o).includes(g.pkg))) return false;
  if (!(wants.length > 0 && wants.every((w) => typeof w === 'string' && atLeastFixed(w, g.fixed)))) {
    return false;
  }
  return installedFixed(g, dir, ctx);
}

/**
 * The copy the application installs, where its lockfile or its shipped `node_modules` says which: an older
 * copy there (a lock written before the range was raised, a bundled dependency) is what `require` loads
 * (review41). Neither present: the range decides.
 */
async function installedFixed(g: Guarded, dir: string, ctx: Ctx): Promise<boolean> {
  const at = (file: string) => (dir === '' ? file : `${dir}/${file}`);
  const versions: unknown[] = [];
  for (const lock of ['package-lock.json', 'npm-shrinkwrap.json']) {
    const json = parsed(await ctx.readFile(at(lock)));
    const packages = json?.['packages'] as Record<string, Record<string, unknown>> | undefined;
    const deps = json?.['dependencies'] as Record<string, Record<string, unknown>> | undefined;
    versions.push(packages?.[`node_modules/${g.pkg}`]?.['version'], deps?.[g.pkg]?.['version']);
  }
  versions.push(parsed(await ctx.readFile(at(`node_modules/${g.pkg}/package.json`)))?.['version']);
  return versions.every(
    (v) => v === undefined || (typeof v === 'string' && /^\d/.test(v) && atLeastFixed(v, g.fixed)),
  );
}

function parsed(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const json: unknown = JSON.parse(text);
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lowest version a range admits is of the fixed one's major, at `fixed` or later (lodash's 4.17.21). */
export function atLeastFixed(range: string, fixed: Version = GUARDED[0]!.fixed): boolean {
  const m = RANGE.exec(range.trim());
  if (!m) return false;
  const v = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (v[0] !== fixed[0]) return false;
  for (let i = 1; i < 3; i++) if (v[i]! !== fixed[i]!) return v[i]! > fixed[i]!;
  return true;
}

/**
 * The call a match was reported at: the node starting and ending where the match does, when it is the call
 * or one of its arguments.
 */
function callAt(root: SgNode, m: CodeMatch): SgNode | undefined {
  return nodeAtMatch(root, m, (node, endsAtColumn) => {
    if (!endsAtColumn) return undefined;
    if (kindOf(node) === 'call_expression') return node;
    const args = node.parent();
    const call = args && kindOf(args) === 'arguments' ? args.parent() : null;
    return call && kindOf(call) === 'call_expression' ? call : undefined;
  });
}

/** The guarded module of `L.F(…)`, where F is one of its guarded functions and L, where the call reads it, the module. */
function guardedCall(call: SgNode | undefined, root: SgNode): Guarded | undefined {
  const callee = call?.field('function');
  if (!call || !callee || kindOf(callee) !== 'member_expression') return undefined;
  const object = callee.field('object');
  const fn = callee.field('property')?.text() ?? '';
  if (!object || kindOf(object) !== 'identifier') return undefined;
  const name = object.text();
  const b = binding(call, name);
  if (!b) return undefined;
  for (const g of GUARDED) {
    if (!g.functions.has(fn) || replacesFunctions(root, name, g)) continue;
    const esc = name.replace(/\$/g, '\\$');
    if (b.isImport) {
      const imported = new RegExp(
        `^import\\s+(?:\\*\\s+as\\s+)?${esc}\\s+from\\s+(['"])${g.names}\\1\\s*;?$`,
      );
      if (imported.test(b.node.text().trim())) return g;
      continue;
    }
    const value = kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : null;
    const loaded = new RegExp(`^require\\(\\s*(['"])${g.names}\\1\\s*\\)$`);
    if (!b.plain || !value || !loaded.test(value.text().trim())) continue;
    if (b.isConst || !reassigned(root, name, g)) return g;
  }
  return undefined;
}

/**
 * Whether the file assigns the name anywhere (`_ = other`, `_ ||= x`): a `var` so written is not proven. Nor is
 * a module whose merge or set the file replaces (`_.merge = deepAssign`, review41).
 */
function reassigned(root: SgNode, name: string, g: Guarded): boolean {
  const fns = [...g.functions].join('|');
  const member = new RegExp(
    `^${name.replace(/\$/g, '\\$')}\\s*(?:\\.\\s*(?:${fns})|\\[\\s*(['"])(?:${fns})\\1\\s*\\])$`,
  );
  return root
    .findAll({
      rule: { any: [{ kind: 'assignment_expression' }, { kind: 'augmented_assignment_expression' }] },
    })
    .some((a) => {
      const left = a.field('left')?.text() ?? '';
      return left === name || member.test(left);
    });
}

/** The file replaces the module's functions: a member assigned or a `mixin` call on the name. */
function replacesFunctions(root: SgNode, name: string, g: Guarded): boolean {
  const esc = name.replace(/\$/g, '\\$');
  return (
    reassigned(root, name, g) || new RegExp(`(?<![\\w$])${esc}\\s*\\.\\s*mixin\\s*\\(`).test(root.text())
  );
}
