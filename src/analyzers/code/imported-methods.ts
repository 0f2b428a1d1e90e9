/**
 * Calls of methods a module of the program defines itself, across one relative import: `bundles.find(name)`
 * beside `const bundles = require('../bundle-manager')`, whose `module.exports.find = function (name) {…}`
 * loops over an array, is that function, not a database's `find`; `import * as store from './store.js'` with
 * `export function find(q) {…}` alike. own-methods.ts's reading of a module's own objects, with the object in
 * another file. Such a call is a sink only when the function reaches one: when its body, or a function it
 * calls that the project view resolves, holds a call a sink pattern of the rule names (`db.findOne(params)`
 * in a token store's `find`). Its body is followed like any imported function's either way, so a flow into
 * the sink inside is still found there.
 */
import type { SgNode } from '@ast-grep/napi';
import { posix } from 'node:path';
import { moduleHits } from './batch-match.js';
import { callTargets } from './call-targets.js';
import { exportedValue } from './imported-fixed.js';
import { JS_EXTS } from './imports.js';
import { exportedField, importedMemberOf } from './imported-members.js';
import { binding } from './name-binding.js';
import { delegates, FUNCTION_VALUES } from './own-methods.js';
import { CROSS_FILE } from './project.js';
import type { LoadedModule, ProjectView } from './project.js';
import type { Matcher } from './rule-schema.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';
import { contains } from './taint-support.js';

/**
 * The rules whose sinks are read so: injection into SQL (89, 564), a document store's query (943), a shell or a
 * program's arguments (78, 77, 88) and a file path (22, 23, 36, 73). Their sink patterns name a method by a word
 * a program's own data and file modules define as often as a library does (`find`, `query`, `exec`, `run`,
 * `remove`, `open`, `read`), and the bench's rows of these rules are what this reading was measured on.
 */
export const IMPORTED_OWN_CWES: readonly number[] = [89, 564, 943, 78, 77, 88, 22, 23, 36, 73];

const NAME = /^[A-Za-z_$][\w$]{0,100}$/;
const DECLARED = new Set(['function_declaration', 'generator_function_declaration']);

/** A function the module declares at its top level (exported or not) under `name`. */
function topLevelFunction(root: SgNode, name: string): SgNode | undefined {
  for (const c of root.children()) {
    const d = kindOf(c) === 'export_statement' ? (c.field('declaration') ?? c) : c;
    if (DECLARED.has(kindOf(d)) && d.field('name')?.text() === name) return d;
  }
  return undefined;
}

/** `export function name(…)` at the module's top level. */
function exportedDeclaration(root: SgNode, name: string): SgNode | undefined {
  for (const c of root.children()) {
    const d = kindOf(c) === 'export_statement' ? c.field('declaration') : null;
    if (d && DECLARED.has(kindOf(d)) && d.field('name')?.text() === name) return d;
  }
  return undefined;
}

/** A method `name` of the object the module exports whole (`module.exports = { find(q) {…} }`, `export default`). */
function wholeObjectMethod(root: SgNode, name: string): SgNode | undefined {
  const whole = exportedValue(root, null);
  if (!whole || kindOf(whole) !== 'object') return undefined;
  for (const c of whole.namedChildren()) {
    const k = kindOf(c);
    if (k === 'method_definition' && c.field('name')?.text() === name) return c;
    if (k === 'shorthand_property_identifier' && c.text() === name) return topLevelFunction(root, name);
  }
  return undefined;
}

/** How a file holds the module object: `require('./m')`, `import m from './m'`, `import * as m from './m'`. */
export type ImportForm = 'require' | 'default' | 'namespace';

/** The function an identifier names when it is a function the module declares at its top level. */
function declaredValue(root: SgNode, v: SgNode | undefined): SgNode | undefined {
  if (!v) return undefined;
  if (FUNCTION_VALUES.has(kindOf(v))) return v;
  return kindOf(v) === 'identifier' ? topLevelFunction(root, v.text()) : undefined;
}

/**
 * The function a JavaScript module exports as `name`, written in the module itself, as `form` reads it:
 * `exports.name = function …` (or an arrow, or a function the module declares: `module.exports.name = name`), a
 * member of the object it exports whole (`module.exports = {…}`, or for a default import `export default {…}`),
 * `export function name`, `export const name = (…) => …` (a namespace import). Undefined for anything else (a
 * value computed, a class's instance, a library's function handed on).
 */
export function exportedFunction(target: LoadedModule, name: string, form: ImportForm): SgNode | undefined {
  if (target.lang.family === 'python' || !NAME.test(name)) return undefined;
  const root = target.root;
  const esDefault = /^export\s+default\b/m.test(target.text);
  if (form === 'default' && esDefault) return wholeObjectMethod(root, name);
  if (form === 'namespace')
    return exportedDeclaration(root, name) ?? declaredValue(root, exportedValue(root, name));
  const v = exportedField(root, name);
  if (v) return declaredValue(root, v);
  return esDefault ? undefined : wholeObjectMethod(root, name);
}

/**
 * Whether `fn` (of `module`) holds a call one of `matchers` matches, or calls a function that does (followed
 * through the calls the view resolves, as deep as cross-file loading goes). A method that hands its call on
 * where no pattern sees it (own-methods.ts's `delegates`), or a chain deeper than that, counts as reaching one.
 */
function reachesSink(
  view: ProjectView,
  module: LoadedModule,
  fn: SgNode,
  matchers: readonly Matcher[],
  depth: number,
  seen: Set<number>,
): boolean {
  if (delegates(fn)) return true;
  const hits = moduleHits(module, matchers);
  if (matchers.some((x) => (hits.get(x) ?? []).some((h) => contains(fn, h.node)))) return true;
  const calls = fn.findAll({ rule: { kind: 'call_expression' } });
  if (calls.length > 0 && depth >= CROSS_FILE.depth) return true;
  for (const call of calls) {
    const targets = callTargets(view, module, call, true);
    if (targets.length === 0 && opaqueCall(call)) return true;
    for (const t of targets) {
      if (t.fn.id() === fn.id() || seen.has(t.fn.id())) continue;
      seen.add(t.fn.id());
      if (reachesSink(view, t.module, t.fn, matchers, depth + 1, seen)) return true;
    }
  }
  return false;
}

/**
 * A call of a function the module obtained at run time, which no pattern names and the view cannot follow: a
 * name bound to a value that is not a function written there (`const run = promisify(cp.exec)`, `const q =
 * pool.query.bind(pool)`, a library's export), or a computed method (`pool[m](sql)`). It may be any sink, so it
 * counts as reaching one. A parameter (a callback the caller hands in) and a global (`parseInt`) are not.
 */
function opaqueCall(call: SgNode): boolean {
  const callee = call.field('function');
  if (!callee) return false;
  const k = kindOf(callee);
  if (k === 'subscript_expression') return kindOf(callee.field('index') ?? callee) !== 'string';
  if (k !== 'identifier') return false;
  const b = binding(callee, callee.text());
  if (!b) return false;
  if (b.isImport) return true;
  if (kindOf(b.node) !== 'variable_declarator') return false;
  const v = b.node.field('value');
  return v !== null && !FUNCTION_VALUES.has(kindOf(v));
}

/** Whether the relative `spec`, written in `from`, is one of the paths imports.ts's resolveJs tries for it. */
function sameModule(from: string, spec: string, module: string): boolean {
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  const stem = base.replace(/\.(js|mjs|cjs|jsx)$/, '');
  return module === base || JS_EXTS.some((e) => module === `${stem}${e}` || module === `${base}/index${e}`);
}

/**
 * How `recv` at the call holds the module object a relative `require` or `import` binds, its method not written
 * since (undefined when it is another binding, or the method is replaced).
 */
function importedReceiver(
  callee: SgNode,
  recv: SgNode,
  from: string,
  module: string,
): ImportForm | undefined {
  const b = binding(recv, recv.text());
  if (!b) return undefined;
  if (!b.isImport) {
    const spec = importedMemberOf(callee)?.spec;
    return spec !== undefined && sameModule(from, spec, module) ? 'require' : undefined;
  }
  const source = b.node.field('source')?.text().slice(1, -1);
  if (source === undefined || !sameModule(from, source, module)) return undefined;
  const clause = b.node.children().find((c) => kindOf(c) === 'import_clause');
  const namespace = clause
    ?.namedChildren()
    .some((c) => kindOf(c) === 'namespace_import' && c.namedChildren()[0]?.text() === recv.text());
  const prop = callee.field('property')?.text() ?? '';
  const r = escapeRegex(recv.text());
  const written = new RegExp(
    `(?:^|[^\\w$.])${r}\\s*\\.\\s*${escapeRegex(prop)}\\s*=(?!=)|Object\\.(?:assign|defineProperty)\\(\\s*${r}\\b`,
  );
  if (written.test(b.node.getRoot().root().text())) return undefined;
  return namespace ? 'namespace' : 'default';
}

/**
 * Whether a sink match in module `m` is `recv.name(…)` on a module of the view that the file imports by a
 * relative path and that defines `name` itself (exportedFunction), whose function reaches none of `matchers`.
 * A module the view did not load, or an export not written as a function there, leaves the match a sink.
 */
export function callsImportedOwnMethod(
  view: ProjectView,
  m: LoadedModule,
  node: SgNode,
  matchers: readonly Matcher[],
): boolean {
  if (m.lang.family === 'python' || kindOf(node) !== 'call_expression') return false;
  const callee = node.field('function');
  if (!callee || kindOf(callee) !== 'member_expression') return false;
  const recv = callee.field('object');
  const name = callee.field('property')?.text() ?? '';
  if (!recv || kindOf(recv) !== 'identifier' || !NAME.test(name)) return false;
  const b = m.imports.names.get(recv.text());
  const target = b && b.name === null ? view.modules.get(b.module) : undefined;
  if (!target || target === m) return false;
  const form = importedReceiver(callee, recv, m.path, target.path);
  const fn = form && exportedFunction(target, name, form);
  if (!fn) return false;
  return !reachesSink(view, target, fn, matchers, 1, new Set([fn.id()]));
}
