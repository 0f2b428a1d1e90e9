/**
 * Guards that admit a request by a key the shell's users mint themselves. An application that gives its users a
 * shell (shell-login.ts) may open some routes to API keys as well (`x-api-key` for scripts and CI), checked
 * against a store of keys (`apiKeysDb.validateApiKey(key)`) that only routes behind the shell's login add to
 * (`apiKeysDb.createApiKey(req.user.id, name)` in a settings router mounted behind `authenticateToken`). A request
 * carrying such a key acts for the user who minted it, who holds the shell: the guard is that login, delegated.
 * Proven, never guessed:
 *
 * - the guard is a function of the route's own file (declared, or a `const` given a function) of three
 *   parameters (`req, res, next`) that reads the request, calls `next(`, answers 401 or 403, and passes a value to
 *   a method of an imported store whose name says it checks a key or token (`validateApiKey`, `verifyToken`,
 *   `findByKey`);
 * - the same store (the same module and exported name) has calls of a method whose name says it adds a key or
 *   token (`createApiKey`, `generateToken`, `addKey`, `issueToken`) outside the store's own module, and every one
 *   is in a route handler behind the shell's login.
 *
 * Anything else proves nothing: a key compared with an environment variable, a store also filled by an open
 * route, a script or the start-up code, a store no route of the application adds to.
 */
import type { SgNode } from '@ast-grep/napi';
import type { ModuleImports } from './imports.js';
import { kindOf } from './syntax.js';
import { named } from './fixed-writes.js';
import { escapeRegex } from './scope.js';

/** One parsed source file of the application. */
export interface ParsedModule {
  path: string;
  root: SgNode;
  imports: ModuleImports;
}

/** A store method that looks a key or token up. */
const CHECKS = /^(?:validate|verify|check|find|get|lookup|authenticate)\w*(?:key|token)\w*$/i;
/** A store method that adds a key or token. */
const MINTS = /^(?:create|generate|add|insert|issue|mint|new)\w*(?:key|token)s?$/i;
const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function']);

interface Guard {
  path: string;
  name: string;
  store: string;
}

function paramCount(fn: SgNode): number {
  const params = fn.field('parameters');
  if (!params) return fn.field('parameter') ? 1 : 0;
  return params.children().filter((c) => c.isNamed() && kindOf(c) !== 'comment').length;
}

/** The functions defined at the top of a module: its name and the function node. */
function topFunctions(root: SgNode): [string, SgNode][] {
  const out: [string, SgNode][] = [];
  for (const n of root.children()) {
    const d = kindOf(n) === 'export_statement' ? (n.field('declaration') ?? n) : n;
    const k = kindOf(d);
    if (k === 'function_declaration') {
      const name = d.field('name')?.text();
      if (name) out.push([name, d]);
      continue;
    }
    if (k !== 'lexical_declaration' && k !== 'variable_declaration') continue;
    for (const v of d.children()) {
      const value = kindOf(v) === 'variable_declarator' ? v.field('value') : null;
      const name = v.field('name');
      if (value && name && kindOf(name) === 'identifier' && FUNCTIONS.has(kindOf(value)))
        out.push([name.text(), value]);
    }
  }
  return out;
}

/** The store (`module\0exported name`) of an imported receiver `local`, or undefined. */
function storeOf(m: ParsedModule, local: string): string | undefined {
  const b = m.imports.names.get(local);
  return b ? `${b.module}\0${b.name ?? ''}` : undefined;
}

/** Calls `store.method(…)` in `within` whose method's name matches `re`, with the store they name. */
function storeCalls(m: ParsedModule, within: SgNode, re: RegExp): { call: SgNode; store: string }[] {
  const out: { call: SgNode; store: string }[] = [];
  for (const call of within.findAll({
    rule: { kind: 'call_expression', has: { field: 'function', kind: 'member_expression' } },
  })) {
    const f = call.field('function');
    const obj = f?.field('object');
    const method = f?.field('property')?.text() ?? '';
    if (!obj || kindOf(obj) !== 'identifier' || !re.test(method)) continue;
    const store = storeOf(m, obj.text());
    if (store !== undefined) out.push({ call, store });
  }
  return out;
}

/** Mint calls `a.b.method(…)` (or longer) whose root `a` is imported, with the module it is imported from. */
function chainedMints(m: ParsedModule): { call: SgNode; module: string }[] {
  const out: { call: SgNode; module: string }[] = [];
  for (const call of m.root.findAll({
    rule: { kind: 'call_expression', has: { field: 'function', kind: 'member_expression' } },
  })) {
    const f = call.field('function');
    if (!MINTS.test(f?.field('property')?.text() ?? '')) continue;
    let obj = f?.field('object');
    if (!obj || kindOf(obj) !== 'member_expression') continue;
    while (obj && kindOf(obj) === 'member_expression') obj = obj.field('object');
    const b = obj && kindOf(obj) === 'identifier' ? m.imports.names.get(obj.text()) : undefined;
    if (b) out.push({ call, module: b.module });
  }
  return out;
}

function guardsOf(m: ParsedModule): Guard[] {
  const out: Guard[] = [];
  for (const [name, fn] of topFunctions(m.root)) {
    const body = fn.field('body');
    if (!body || paramCount(fn) !== 3) continue;
    const text = body.text();
    if (!/\bnext\s*\(/.test(text) || !/\b40[13]\b/.test(text) || !/\b(?:req|request)\./.test(text)) continue;
    const checks = storeCalls(m, body, CHECKS);
    const stores = new Set(checks.map((c) => c.store));
    if (stores.size !== 1) continue;
    // A `next()` before the key is checked (`if (!key) return next()`) lets a request without a key through.
    const first = Math.min(...checks.map((c) => c.call.range().start.index));
    const nextName = named(fn.field('parameters'))[2]?.text() ?? 'next';
    const passes = body.findAll({
      rule: { kind: 'call_expression', has: { field: 'function', regex: `^${escapeRegex(nextName)}$` } },
    });
    if (passes.some((c) => c.range().start.index < first)) continue;
    out.push({ path: m.path, name, store: [...stores][0]! });
  }
  return out;
}

/**
 * The guards (`path\0name`) of `modules` that admit a key only users behind the shell's login mint: `behind`
 * says whether a line of a file is in a route handler behind that login.
 */
export function mintedKeyGuards(
  modules: readonly ParsedModule[],
  behind: (path: string, line: number) => boolean,
): Set<string> {
  const out = new Set<string>();
  const guards = modules.flatMap(guardsOf);
  if (guards.length === 0) return out;
  // Per store, whether every mint outside its own module is behind the login (and there is one).
  const minted = new Map<string, boolean>();
  // Modules a key is minted from outside the login through a longer receiver (`db.apiKeysDb.createApiKey`,
  // `import * as db`): every store of such a module proves nothing.
  const openModules = new Set<string>();
  for (const m of modules) {
    for (const { call, store } of storeCalls(m, m.root, MINTS)) {
      if (store.startsWith(`${m.path}\0`)) continue;
      const ok = behind(m.path, call.range().start.line + 1);
      minted.set(store, (minted.get(store) ?? true) && ok);
    }
    for (const { call, module } of chainedMints(m))
      if (module !== m.path && !behind(m.path, call.range().start.line + 1)) openModules.add(module);
  }
  for (const g of guards)
    if (minted.get(g.store) === true && !openModules.has(g.store.slice(0, g.store.indexOf('\0'))))
      out.add(`${g.path}\0${g.name}`);
  return out;
}
