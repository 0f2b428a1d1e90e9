import type { HclBlock, HclBody, HclExpr, HclFile } from './ast.js';

/** A plain value an expression evaluates to, when it can be known without running Terraform. */
export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };

/** `var.*` defaults and `local.*` values of one module (one folder of .tf files). */
export interface ModuleScope {
  vars: Map<string, HclExpr>;
  locals: Map<string, HclExpr>;
}

/** An empty scope (no variables or locals known). */
export function emptyScope(): ModuleScope {
  return { vars: new Map(), locals: new Map() };
}

/** Adds the variable defaults and locals of a parsed file to a module scope. */
export function collectScope(file: HclFile, scope: ModuleScope = emptyScope()): ModuleScope {
  for (const b of file.body.blocks) {
    if (b.type === 'variable' && b.labels[0] !== undefined) {
      const d = b.body.attributes.get('default');
      if (d) scope.vars.set(b.labels[0], d.expr);
    } else if (b.type === 'locals') {
      for (const a of b.body.attributes.values()) scope.locals.set(a.name, a.expr);
    }
  }
  return scope;
}

const MAX_EVAL_DEPTH = 16;

/** The value of an expression, or undefined when it depends on something not known statically. */
export function evaluate(
  e: HclExpr | undefined,
  scope: ModuleScope = emptyScope(),
  depth = 0,
): HclValue | undefined {
  if (!e || depth > MAX_EVAL_DEPTH) return undefined;
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'list': {
      const out: HclValue[] = [];
      for (const item of e.items ?? []) {
        const v = evaluate(item, scope, depth + 1);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'object': {
      const out: { [key: string]: HclValue } = {};
      for (const en of e.entries ?? []) {
        const v = evaluate(en.value, scope, depth + 1);
        if (v === undefined) return undefined;
        out[en.key] = v;
      }
      return out;
    }
    case 'ref':
      return resolveRef(e.ref ?? '', scope, depth);
    case 'call':
      if (
        (e.name === 'tolist' || e.name === 'toset' || e.name === 'tostring' || e.name === 'tonumber') &&
        e.args?.length === 1
      ) {
        return evaluate(e.args[0], scope, depth + 1);
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The expression a `var.x`/`local.x` reference stands for (following chains), or undefined. */
export function resolveExpr(e: HclExpr | undefined, scope: ModuleScope, depth = 0): HclExpr | undefined {
  if (!e || depth > MAX_EVAL_DEPTH) return undefined;
  if (e.kind !== 'ref' || !e.ref) return e;
  const m = /^(var|local)\.([A-Za-z0-9_-]+)$/.exec(e.ref);
  if (!m) return e;
  const target = (m[1] === 'var' ? scope.vars : scope.locals).get(m[2]!);
  return target ? resolveExpr(target, scope, depth + 1) : undefined;
}

function resolveRef(ref: string, scope: ModuleScope, depth: number): HclValue | undefined {
  const parts = ref.split('.');
  const [root, name, ...path] = parts;
  if ((root !== 'var' && root !== 'local') || name === undefined) return undefined;
  const target = (root === 'var' ? scope.vars : scope.locals).get(name.replace(/\[.*$/, ''));
  let v = evaluate(target, scope, depth + 1);
  for (const p of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = v[p];
  }
  return v;
}

/** The blocks of a body with the given type (and first label, when given). */
export function blocksOf(body: HclBody, type: string, label?: string): HclBlock[] {
  return body.blocks.filter((b) => b.type === type && (label === undefined || b.labels[0] === label));
}
