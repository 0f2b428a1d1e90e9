import type { NapiConfig, SgNode } from '@ast-grep/napi';
import { posix } from 'node:path';

/** What a local name refers to in another module of the scanned tree. */
export interface ImportBinding {
  /** The imported module's path, relative to the scan root. */
  module: string;
  /** The imported name; null when the local name is the module object itself (`import * as m`, `require()`). */
  name: string | null;
}

/** The imports of one module that resolve to files of the scanned tree. */
export interface ModuleImports {
  /** Local name (or, for Python `import a.b`, the dotted prefix `a.b`) → binding. */
  names: Map<string, ImportBinding>;
  /** Modules imported with `from m import *`: an unknown called name may come from them. */
  wildcards: string[];
}

export const JS_EXTS = ['.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '.mts', '.cts'];

/** Resolves a relative JavaScript/TypeScript specifier (`./dao/user`, `../x.js`) to a discovered path. */
export function resolveJs(from: string, spec: string, exists: (p: string) => boolean): string | undefined {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  if (base.startsWith('../')) return undefined;
  const stem = base.replace(/\.(js|mjs|cjs|jsx)$/, '');
  const candidates = [base];
  // TypeScript compiled to ESM imports './x.js' for the source file './x.ts'.
  for (const e of JS_EXTS) candidates.push(`${stem}${e}`);
  for (const e of JS_EXTS) candidates.push(`${base}/index${e}`);
  return candidates.find((c) => exists(c));
}

/**
 * Resolves a Python module name (`a.b`, or relative with its leading dots) to a discovered file:
 * relative to the importer's package, else from the importer's folder and each folder above it (the
 * source roots a project may use: the root, `src/`, the app folder).
 */
export function resolvePy(
  from: string,
  dots: number,
  dotted: string,
  exists: (p: string) => boolean,
): string | undefined {
  const parts = dotted === '' ? [] : dotted.split('.');
  const tryBase = (dir: string): string | undefined => {
    const p = posix.join(dir, ...parts);
    if (parts.length > 0 && exists(`${p}.py`)) return `${p}.py`;
    const init = posix.join(p, '__init__.py');
    return exists(init) ? init : undefined;
  };
  let dir = posix.dirname(from);
  if (dots > 0) {
    for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
    return dir.startsWith('..') ? undefined : tryBase(dir);
  }
  for (;;) {
    const hit = tryBase(dir);
    if (hit) return hit;
    if (dir === '.' || dir === '' || dir === '/') return undefined;
    dir = posix.dirname(dir);
  }
}

function stringValue(n: SgNode | null | undefined): string | undefined {
  if (!n || n.kind() !== 'string') return undefined;
  const t = n.text();
  return t.length >= 2 ? t.slice(1, -1) : undefined;
}

function requireSpec(call: SgNode | null): string | undefined {
  if (!call || call.kind() !== 'call_expression' || call.field('function')?.text() !== 'require') return;
  const args = call.field('arguments')?.namedChildren() ?? [];
  return args.length === 1 ? stringValue(args[0]) : undefined;
}

/**
 * False when a module's text cannot hold an import that resolves to a file of the scanned tree, so that its
 * tree need not be parsed to find none: in JavaScript every such import names a quoted relative path
 * (`'./x'`, `"../x"`, see resolveJs); in Python every import statement has the word `import`.
 */
export function mayImportLocally(text: string, python: boolean): boolean {
  return python ? text.includes('import') : /['"]\.\.?\//.test(text);
}

/**
 * The imports of a JavaScript/TypeScript module: ES modules, CommonJS `require` and TS `import = require`.
 * With the module's `text`, a walk for a kind of import is left out when the text lacks its keyword.
 */
export function jsImports(
  root: SgNode,
  path: string,
  exists: (p: string) => boolean,
  typescript: boolean,
  text?: string,
): ModuleImports {
  const names = new Map<string, ImportBinding>();
  const resolve = (spec: string | undefined): string | undefined =>
    spec === undefined ? undefined : resolveJs(path, spec, exists);
  const has = (word: string): boolean => text === undefined || text.includes(word);
  // The three kinds of import are found with one walk (a walk costs about the same whatever it looks for),
  // then read kind by kind as before: ES imports, then `import = require`, then `require` declarators.
  const statements: SgNode[] = [];
  const requireClauses: SgNode[] = [];
  const declarators: SgNode[] = [];
  const kinds: NapiConfig['rule'][] = [];
  if (has('import')) kinds.push({ kind: 'import_statement' });
  if (has('require')) {
    // TypeScript's `import x = require('./x')` has no `source` field.
    if (typescript) kinds.push({ kind: 'import_require_clause' });
    kinds.push({ kind: 'variable_declarator', has: { field: 'value', regex: 'require' } });
  }
  if (kinds.length > 0)
    for (const n of root.findAll({
      rule: kinds.length === 1 ? (kinds[0] as NapiConfig['rule']) : { any: kinds },
    })) {
      const k = n.kind();
      (k === 'import_statement'
        ? statements
        : k === 'import_require_clause'
          ? requireClauses
          : declarators
      ).push(n);
    }
  for (const st of statements) {
    const module = resolve(stringValue(st.field('source')));
    if (!module) continue;
    for (const clause of st.children()) {
      if (clause.kind() !== 'import_clause') continue;
      for (const c of clause.namedChildren()) {
        if (c.kind() === 'identifier') names.set(c.text(), { module, name: null });
        else if (c.kind() === 'namespace_import') {
          const id = c.namedChildren()[0];
          if (id) names.set(id.text(), { module, name: null });
        } else if (c.kind() === 'named_imports') {
          for (const s of c.namedChildren()) {
            if (s.kind() !== 'import_specifier') continue;
            const name = s.field('name')?.text();
            const alias = s.field('alias')?.text() ?? name;
            if (name && alias) names.set(alias, { module, name });
          }
        }
      }
    }
  }
  for (const clause of requireClauses) {
    const id = clause.namedChildren()[0];
    const m = resolve(stringValue(clause.namedChildren()[1]));
    if (id && m) names.set(id.text(), { module: m, name: null });
  }
  for (const d of declarators) {
    const value = d.field('value');
    const target = d.field('name');
    if (!value || !target) continue;
    let module = resolve(requireSpec(value));
    let member: string | null = null;
    if (!module && value.kind() === 'member_expression') {
      module = resolve(requireSpec(value.field('object')));
      member = value.field('property')?.text() ?? null;
    }
    if (!module) continue;
    if (target.kind() === 'identifier') names.set(target.text(), { module, name: member });
    else if (target.kind() === 'object_pattern' && member === null) {
      for (const p of target.namedChildren()) {
        if (p.kind() === 'shorthand_property_identifier_pattern')
          names.set(p.text(), { module, name: p.text() });
        else if (p.kind() === 'pair_pattern') {
          const key = p.field('key')?.text();
          const local = p.field('value');
          if (key && local?.kind() === 'identifier') names.set(local.text(), { module, name: key });
        }
      }
    }
  }
  return { names, wildcards: [] };
}

function dottedOf(n: SgNode | undefined): { dots: number; name: string } | undefined {
  if (!n) return undefined;
  if (n.kind() === 'dotted_name') return { dots: 0, name: n.text() };
  if (n.kind() === 'relative_import') {
    const prefix =
      n
        .namedChildren()
        .find((c) => c.kind() === 'import_prefix')
        ?.text() ?? '';
    const rest =
      n
        .namedChildren()
        .find((c) => c.kind() === 'dotted_name')
        ?.text() ?? '';
    return { dots: prefix.length, name: rest };
  }
  return undefined;
}

/** The imports of a Python module: `import a.b [as m]`, `from x import y [as z]`, relative and `*`. */
export function pyImports(root: SgNode, path: string, exists: (p: string) => boolean): ModuleImports {
  const names = new Map<string, ImportBinding>();
  const wildcards: string[] = [];
  for (const st of root.findAll({ rule: { kind: 'import_statement' } })) {
    for (const c of st.namedChildren()) {
      const aliased = c.kind() === 'aliased_import';
      const dotted = aliased ? c.field('name')?.text() : c.kind() === 'dotted_name' ? c.text() : undefined;
      if (!dotted) continue;
      const module = resolvePy(path, 0, dotted, exists);
      if (!module) continue;
      // `import a.b` binds the dotted prefix: calls read as `a.b.f(...)`.
      const local = aliased ? (c.field('alias')?.text() ?? dotted) : dotted;
      names.set(local, { module, name: null });
    }
  }
  for (const st of root.findAll({ rule: { kind: 'import_from_statement' } })) {
    const from = dottedOf(st.field('module_name') ?? undefined);
    if (!from) continue;
    const pkg = resolvePy(path, from.dots, from.name, exists);
    for (const c of st.namedChildren()) {
      if (c.id() === st.field('module_name')?.id()) continue;
      if (c.kind() === 'wildcard_import') {
        if (pkg) wildcards.push(pkg);
        continue;
      }
      const aliased = c.kind() === 'aliased_import';
      const name = aliased ? c.field('name')?.text() : c.kind() === 'dotted_name' ? c.text() : undefined;
      if (!name) continue;
      const local = aliased ? (c.field('alias')?.text() ?? name) : name;
      // `from pkg import mod` may name a submodule rather than something defined in the package.
      const sub = resolvePy(path, from.dots, from.name === '' ? name : `${from.name}.${name}`, exists);
      if (sub && (from.dots > 0 || sub !== pkg)) names.set(local, { module: sub, name: null });
      else if (pkg) names.set(local, { module: pkg, name });
    }
  }
  return { names, wildcards };
}
