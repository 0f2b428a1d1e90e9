/**
 * A rule's `unlessFixed` value that is fixed but for parameters of the function a module exports whole
 * (`module.exports = function (pid, signal) { exec('taskkill /pid ' + pid + ' /T /F') }`), proven at the
 * calls the package's other modules make through the name they bind to it with a require call (God's
 * `treekill` given `treekill(parseInt(pid), 'SIGKILL', cb)`). The one-file reading of a parameter
 * (param-arguments.ts) sees no call of such a function; this reads the callers across the package, as
 * own-fields.ts reads a page's scripts: only for matches that need it, through the core.
 *
 * The trust decision: a module the package names as no entry point (`main`, `module`, `browser`, `bin`,
 * `exports`) is the package's own, called only by the package; a package that deep-requires another's
 * internals is outside its contract. The module's function is then reached only through the calls read here,
 * so every one of them must be a plain call of the bound name with a fixed value at the parameter's position.
 */
import { posix } from 'node:path';
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { appFolderOf, perScanApp } from './app-scope.js';
import { calleeDeclared } from './callee-members.js';
import { sourceForm } from './compiled-calls.js';
import { isFixedValue } from './fixed-value.js';
import { laterValues, named } from './fixed-writes.js';
import { resolveJs } from './imports.js';
import { languageOf, scriptsUnder } from './languages.js';
import type { CodeMatch } from './matches.js';
import { MAX_CODE_BYTES } from './minified.js';
import { paramOwner } from './param-arguments.js';
import { binding } from './name-binding.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

/**
 * The position of `id`'s parameter when `id` names a parameter of the anonymous function a top-level
 * `module.exports = function (…) {…}` (or arrow) exports, in a module that names `module.exports` nowhere
 * else, and its body never writes the parameter; undefined otherwise.
 */
export function exportParamIndex(id: SgNode): number | undefined {
  if (kindOf(id) !== 'identifier') return undefined;
  const name = id.text();
  // Destructured or defaulted under that name, or a closer function's own name: not read here.
  const owner = paramOwner(id, name);
  if (!owner) return undefined;
  const { fn, index } = owner;
  if (!['function_expression', 'arrow_function'].includes(kindOf(fn))) return undefined;
  // A named function expression may call itself with other values.
  if (fn.field('name')) return undefined;
  const assign = fn.parent();
  const stmt = assign?.parent();
  if (
    !assign ||
    kindOf(assign) !== 'assignment_expression' ||
    assign.field('right')?.id() !== fn.id() ||
    assign.field('left')?.text() !== 'module.exports' ||
    !stmt ||
    kindOf(stmt) !== 'expression_statement' ||
    kindOf(stmt.parent() ?? stmt) !== 'program'
  )
    return undefined;
  // The module calls or hands on its own export nowhere (`module.exports(…)`, `exports.x = …`).
  const text = stmt.parent()!.text();
  if ((text.match(/\bmodule\s*\.\s*exports\b/g) ?? []).length !== 1 || /(?<![.\w$])exports\s*[.[]/.test(text))
    return undefined;
  const param = named(fn.field('parameters'))[index];
  const writes = param ? laterValues(param, name, true) : undefined;
  return writes && writes.length === 0 ? index : undefined;
}

// A module that may export a function whole: the only text the reading below can prove anything for.
// The last file asked about (a rule's matches come one file at a time): its text is searched once.
let lastText: string | undefined;
let lastExports = false;
const EXPORTS_FUNCTION = /\bmodule\.exports\s*=\s*(?:async\s+)?(?:function\s*\(|\(|[\w$]+\s*=>)/;

/**
 * The positions of the export parameters `value` is fixed but for (each read as fixed while collected), or
 * undefined when it is not fixed even so, or needs none.
 */
export function fixedButExportParams(
  value: SgNode,
  fileText: string,
  fixedCall: (call: SgNode) => boolean,
  throughCall: (call: SgNode) => boolean,
  singleAssignment: boolean,
): number[] | undefined {
  if (fileText !== lastText) {
    lastText = fileText;
    lastExports = EXPORTS_FUNCTION.test(fileText);
  }
  if (!lastExports) return undefined;
  const found = new Set<number>();
  const ok = isFixedValue(value, fixedCall, throughCall, singleAssignment, undefined, (n) => {
    const i = exportParamIndex(n);
    if (i !== undefined) found.add(i);
    return i !== undefined;
  });
  return ok && found.size > 0 ? [...found] : undefined;
}

interface Script {
  path: string;
  text: string;
}

/** Per scan (its set of paths) and package folder: its scripts that name a relative module. */
const scans = new WeakMap<ReadonlySet<string>, Map<string, Promise<Script[] | undefined>>>();
const LIMIT = { files: 4000, bytes: 64 * 1024 * 1024 };
const RELATIVE_SPEC = /['"`](\.\.?\/[^'"`\n]*)['"`]/g;

async function loadScripts(
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
  app: string,
): Promise<Script[] | undefined> {
  const out: Script[] = [];
  let bytes = 0;
  for (const { path } of scriptsUnder(ctx.paths, app)) {
    const text = await ctx.readFile(path);
    // A module too large to read is a caller this reading cannot vouch for.
    if (text === undefined || text.length > MAX_CODE_BYTES) return undefined;
    bytes += text.length;
    if (out.length >= LIMIT.files || bytes > LIMIT.bytes) return undefined;
    out.push({ path, text });
  }
  return out;
}

/** Whether the package at `app` names `module` as one of its entry points, or may (a pattern in `exports`). */
async function isEntry(
  module: string,
  app: string,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<boolean> {
  const manifest = app === '' ? 'package.json' : `${app}/package.json`;
  const text = ctx.paths.has(manifest) ? await ctx.readFile(manifest) : undefined;
  let pkg: Record<string, unknown> = {};
  try {
    if (text !== undefined) pkg = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return true; // an unreadable manifest: its entries are unknown
  }
  const exists = (p: string): boolean => ctx.paths.has(p);
  const names: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') names.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
  };
  collect(pkg.main ?? 'index.js');
  collect(pkg.module);
  collect(pkg.browser);
  collect(pkg.bin);
  collect(pkg.exports);
  for (const n of names) {
    // A pattern, or a folder mapping (`"./lib/": "./lib/"`, read by Node before 17): any module under it.
    if (n.includes('*') || n.endsWith('/')) return true;
    const spec = `./${posix.normalize(n).replace(/^\.\//, '')}`;
    if (resolveJs(manifest, spec, exists) === module) return true;
  }
  return false;
}

/**
 * The values given at `index` by every call of `module`'s export in `scripts`, or undefined when some script
 * names the module otherwise than as the one string given to a top-level declaration's require call, the
 * declared name used only as `NAME(…)`.
 */
function callerArguments(
  module: string,
  scripts: readonly Script[],
  index: number,
  exists: (p: string) => boolean,
): SgNode[] | undefined {
  const out: SgNode[] = [];
  const base = posix.basename(module).replace(/\.(?:js|cjs|mjs|jsx)$/, '');
  // A folder's `index` is required by the folder's name.
  const names = base === 'index' ? [posix.basename(posix.dirname(module)), base] : [base];
  // The module's name as a path segment of a text (`'pkg/lib/TreeKill'`, `__dirname + '/TreeKill'`).
  const mention = new RegExp(
    `(?:^|[/\\\\'"\`])(?:${names.map(escapeRegex).join('|')})(?:\\.[cm]?jsx?)?(?:$|[/\\\\'"\`])`,
  );
  for (const s of scripts) {
    if (s.path === module || !names.some((n) => s.text.includes(n))) continue;
    const specs = [...s.text.matchAll(RELATIVE_SPEC)].filter(
      (m) => resolveJs(s.path, m[1]!, exists) === module,
    );
    const lang = languageOf(s.path.slice(s.path.lastIndexOf('.') + 1).toLowerCase());
    if (!lang) return undefined;
    const root = parse(lang.lang, sourceForm(s.text)).root();
    const strings = root.findAll({ rule: { kind: 'string' } }).filter((n) => {
      const spec = n.text().slice(1, -1);
      return resolveJs(s.path, spec, exists) === module;
    });
    // A text naming the module that is not a relative specifier resolving to it (a path built from
    // `__dirname`, the package's own name from a bin script): a load this reading cannot follow.
    const texts = root.findAll({ rule: { any: [{ kind: 'string' }, { kind: 'template_string' }] } });
    const own = new Set(strings.map((n) => n.id()));
    if (texts.some((n) => !own.has(n.id()) && mention.test(n.text()))) return undefined;
    if (specs.length === 0) continue;
    // Each mention of the module is the string a require call is given as a top-level declaration's value.
    if (strings.length !== specs.length) return undefined;
    for (const str of strings) {
      const call = str.parent()?.parent();
      const decl = call?.parent();
      const stmt = decl?.parent();
      const name = decl?.field('name');
      if (
        !call ||
        kindOf(call) !== 'call_expression' ||
        call.field('function')?.text() !== 'require' ||
        !decl ||
        kindOf(decl) !== 'variable_declarator' ||
        decl.field('value')?.id() !== call.id() ||
        !name ||
        kindOf(name) !== 'identifier' ||
        kindOf(stmt?.parent() ?? decl) !== 'program'
      )
        return undefined;
      const exact = { kind: 'identifier', regex: `^${escapeRegex(name.text())}$` };
      for (const use of root.findAll({ rule: exact })) {
        if (use.id() === name.id()) continue;
        // Another binding of the same name (a parameter, an inner declaration) is not this module.
        if (binding(use, use.text())?.node.id() !== decl.id()) return undefined;
        const c = use.parent();
        if (!c || kindOf(c) !== 'call_expression' || c.field('function')?.id() !== use.id()) return undefined;
        const arg = named(c.field('arguments'))[index];
        if (!arg || named(c.field('arguments')).some((a) => kindOf(a) === 'spread_element')) return undefined;
        out.push(arg);
      }
    }
  }
  return out;
}

/** `matches` without those whose export parameters every caller in the package gives a fixed value. */
export async function dropFixedByCallers(
  matches: CodeMatch[],
  file: SourceFile,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<CodeMatch[]> {
  const pending = matches.filter((m) => m.exportParams !== undefined && m.rule.unlessFixed);
  if (pending.length === 0) return matches;
  const app = appFolderOf(file.path, ctx.paths);
  if (await isEntry(file.path, app, ctx)) return matches;
  // Every script of the scan, not only the package's: another package of a monorepo may reach the module
  // by a relative path (`require('../a/lib/kill')`).
  const scripts = await perScanApp(scans, ctx.paths, '', () => loadScripts(ctx, ''));
  if (!scripts) return matches;
  const drop = new Set<CodeMatch>();
  for (const m of pending) {
    const fx = m.rule.unlessFixed!;
    const fixedCall = (call: SgNode): boolean =>
      fx.calls.some((c) => call.matches(c)) || calleeDeclared(call, fx.callees);
    const through = (call: SgNode): boolean => fx.through.some((c) => call.matches(c));
    const proven = m.exportParams!.every((index) => {
      const args = callerArguments(file.path, scripts, index, (p) => ctx.paths.has(p));
      const audit = m.rule.profile === 'audit';
      return !!args && args.length > 0 && args.every((a) => isFixedValue(a, fixedCall, through, audit));
    });
    if (proven) drop.add(m);
  }
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}
