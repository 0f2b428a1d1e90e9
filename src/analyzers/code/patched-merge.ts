/**
 * A deep merge or a set by path of a library version that skips the prototype keys. Lodash's `merge`,
 * `mergeWith`, `defaultsDeep`, `set` and `setWith` write under every key of their source or path, which is
 * what `code/js-prototype-pollution` reports; since 4.17.21 (the last of the fixes: `__proto__` in merge in
 * 4.17.5, a function's `constructor` in 4.17.11, defaultsDeep in 4.17.12, baseSet's keys in 4.17.19) each of
 * them skips `__proto__`, `constructor` and `prototype`, so a request's `{"__proto__": {…}}` becomes an own key
 * of the copy and Object.prototype is never reached (checked on 4.17.21 with both prototype payloads, for each).
 *
 * A finding of that rule at `L.F(…)` is dropped when all of this holds: `F` is one of those five; `L` is bound,
 * where the call reads it, to the `lodash` (or `lodash-es`) module itself (a `const` given the module's load
 * call, a `var`/`let` so declared that nothing in the file assigns again, or the module's default or namespace
 * import); and the package.json of the file's application asks, in `dependencies`, `optionalDependencies` or
 * `peerDependencies`, for one range of lodash 4 whose lowest version is 4.17.21 or later (`^4.17.21`,
 * `~4.17.21`, `>=4.17.21`, `4.17.21`). Not dropped: an older or unknown range (`^4.17.4`, `*`, `latest`, a
 * `||` of ranges, a git URL), lodash named only in devDependencies or not at all (the copy the program loads is
 * then another package's choice), a manifest whose overrides or resolutions name lodash, a project file or another library under the same name, jQuery's deep
 * `extend`, `deepmerge`, and a write the program makes itself. The dependency analyzer reports old lodash
 * versions on its own.
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
const PATCHED = new Set(['merge', 'mergeWith', 'defaultsDeep', 'set', 'setWith']);
const LODASH = `(?:lodash|lodash-es)`;
const REQUIRE = new RegExp(`^require\\(\\s*(['"])${LODASH}\\1\\s*\\)$`);
// The lowest version of the range, read only where it is one comparator (and at most an upper bound).
const RANGE = /^(?:[~^]|>=|=)?\s*v?(\d+)\.(\d+)\.(\d+)(?:\s+<=?\s*[\w.]+)?$/;
const FIXED: readonly [number, number, number] = [4, 17, 21];

type Ctx = Pick<AnalyzerContext, 'paths' | 'readFile'>;

/** `matches` without the prototype-pollution findings of a lodash merge or set that skips prototype keys. */
export async function dropPatchedMerges(
  matches: CodeMatch[],
  file: SourceFile,
  lang: FileLanguage,
  ctx: Ctx,
): Promise<CodeMatch[]> {
  if (lang.family === 'python') return matches;
  const pending = matches.filter((m) => m.rule.id === RULE && m.path === undefined);
  if (pending.length === 0 || !/['"]lodash(?:-es)?['"]/.test(file.text)) return matches;
  if (!(await patchedLodash(file.path, ctx))) return matches;
  const root = parse(lang.lang, sourceForm(file.text)).root();
  const drop = new Set(pending.filter((m) => lodashCall(callAt(root, m), root)));
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}

/** True when the application's package.json asks for lodash 4.17.21 or later, at run time. */
async function patchedLodash(path: string, ctx: Ctx): Promise<boolean> {
  const dir = appFolderOf(path, ctx.paths);
  const text = await ctx.readFile(dir === '' ? 'package.json' : `${dir}/package.json`);
  if (text === undefined) return false;
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // An unreadable manifest proves no version: the findings stay.
    return false;
  }
  const wants = ['dependencies', 'optionalDependencies', 'peerDependencies'].flatMap((k) => {
    const deps = pkg[k];
    const want = deps && typeof deps === 'object' ? (deps as Record<string, unknown>)['lodash'] : undefined;
    return want === undefined ? [] : [want];
  });
  // npm's `overrides`, yarn's `resolutions` and pnpm's overrides can pin another lodash than the range asks for.
  const pinned = [
    pkg['overrides'],
    pkg['resolutions'],
    (pkg['pnpm'] as Record<string, unknown> | undefined)?.['overrides'],
  ];
  if (pinned.some((o) => o !== undefined && /lodash/.test(JSON.stringify(o)))) return false;
  if (!(wants.length > 0 && wants.every((w) => typeof w === 'string' && atLeastFixed(w)))) return false;
  return installedFixed(dir, ctx);
}

/**
 * The lodash the application installs, where its lockfile or its shipped `node_modules` says which: an older
 * copy there (a lock written before the range was raised, a bundled dependency) is what `require` loads
 * (review41). Neither present: the range decides.
 */
async function installedFixed(dir: string, ctx: Ctx): Promise<boolean> {
  const at = (file: string) => (dir === '' ? file : `${dir}/${file}`);
  const versions: unknown[] = [];
  for (const lock of ['package-lock.json', 'npm-shrinkwrap.json']) {
    const json = parsed(await ctx.readFile(at(lock)));
    const packages = json?.['packages'] as Record<string, Record<string, unknown>> | undefined;
    const deps = json?.['dependencies'] as Record<string, Record<string, unknown>> | undefined;
    versions.push(packages?.['node_modules/lodash']?.['version'], deps?.['lodash']?.['version']);
  }
  versions.push(parsed(await ctx.readFile(at('node_modules/lodash/package.json')))?.['version']);
  return versions.every(
    (v) => v === undefined || (typeof v === 'string' && /^\d/.test(v) && atLeastFixed(v)),
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

/** Whether the lowest version a range admits is lodash 4 at FIXED or later. */
export function atLeastFixed(range: string): boolean {
  const m = RANGE.exec(range.trim());
  if (!m) return false;
  const v = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (v[0] !== FIXED[0]) return false;
  for (let i = 1; i < 3; i++) if (v[i]! !== FIXED[i]!) return v[i]! > FIXED[i]!;
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

/** True for `L.F(…)` with F a patched function and L, where the call reads it, the lodash module. */
function lodashCall(call: SgNode | undefined, root: SgNode): boolean {
  const callee = call?.field('function');
  if (!call || !callee || kindOf(callee) !== 'member_expression') return false;
  const object = callee.field('object');
  if (!PATCHED.has(callee.field('property')?.text() ?? '')) return false;
  if (!object || kindOf(object) !== 'identifier') return false;
  const name = object.text();
  const b = binding(call, name);
  if (!b || replacesFunctions(root, name)) return false;
  if (b.isImport) {
    const esc = name.replace(/\$/g, '\\$');
    return new RegExp(`^import\\s+(?:\\*\\s+as\\s+)?${esc}\\s+from\\s+(['"])${LODASH}\\1\\s*;?$`).test(
      b.node.text().trim(),
    );
  }
  const value = kindOf(b.node) === 'variable_declarator' ? b.node.field('value') : null;
  if (!b.plain || !value || !REQUIRE.test(value.text().trim())) return false;
  return b.isConst || !reassigned(root, name);
}

/**
 * Whether the file assigns the name anywhere (`_ = other`, `_ ||= x`): a `var` so written is not proven. Nor is
 * a module whose merge or set the file replaces (`_.merge = deepAssign`, review41).
 */
function reassigned(root: SgNode, name: string): boolean {
  const fns = [...PATCHED].join('|');
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
function replacesFunctions(root: SgNode, name: string): boolean {
  const esc = name.replace(/\$/g, '\\$');
  return reassigned(root, name) || new RegExp(`(?<![\\w$])${esc}\\s*\\.\\s*mixin\\s*\\(`).test(root.text());
}
